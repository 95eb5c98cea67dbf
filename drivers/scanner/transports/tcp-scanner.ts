import net from 'node:net';
import { createEmitter, type DeviceStatus, type Unsubscribe } from '../../device.ts';
import { stripScan } from '../protocol/barcode.ts';
import { LineFramer } from '../protocol/line-framer.ts';
import type { BarcodeScanner, Scan } from '../types.ts';

export interface TcpLineScannerOptions {
  host: string;
  port: number;
  /** Wait before reconnecting after the peer went away or refused; default 1000 ms. */
  reconnectDelayMs?: number;
}

/**
 * A scanner behind a serial-over-IP converter (or a network scanner) sending CR/CRLF-terminated
 * scans. This side is the TCP client; it reconnects until closed.
 */
export class TcpLineScanner implements BarcodeScanner {
  private readonly events = createEmitter<{ data: Scan; status: DeviceStatus }>();
  private current: DeviceStatus = { state: 'disabled' };
  private socket: net.Socket | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = true;
  private readonly framer = new LineFramer();
  private readonly source: string;

  constructor(private readonly options: TcpLineScannerOptions) {
    this.source = `tcp://${options.host}:${options.port}`;
  }

  /** Starts connecting; resolves after the first attempt succeeded or failed (then it keeps trying). */
  open(): Promise<void> {
    if (!this.closed) return Promise.resolve();
    this.closed = false;
    this.setStatus({ state: 'offline', code: 'disconnected', detail: `connecting to ${this.source}` });
    return new Promise((resolve) => this.connect(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.socket?.destroy();
    this.socket = undefined;
    this.setStatus({ state: 'disabled' });
  }

  status(): DeviceStatus {
    return this.current;
  }

  onData(cb: (scan: Scan) => void): Unsubscribe {
    return this.events.on('data', cb);
  }

  onStatus(cb: (status: DeviceStatus) => void): Unsubscribe {
    return this.events.on('status', cb);
  }

  private connect(settled?: () => void): void {
    if (this.closed) return;
    const socket = net.connect({ host: this.options.host, port: this.options.port });
    this.socket = socket;
    this.framer.reset();
    socket.setNoDelay(true);
    socket.once('connect', () => {
      socket.setKeepAlive(true, 5_000);
      this.setStatus({ state: 'online' });
      settled?.();
    });
    socket.on('data', (chunk) => {
      for (const line of this.framer.push(chunk)) {
        const { data, symbology } = stripScan(line);
        this.events.emit('data', symbology ? { data, symbology, source: this.source } : { data, source: this.source });
      }
    });
    socket.on('error', () => {
      // 'close' follows and schedules the reconnect.
    });
    socket.once('close', () => {
      settled?.();
      if (this.socket !== socket || this.closed) return;
      this.socket = undefined;
      this.setStatus({ state: 'offline', code: 'disconnected', detail: `${this.source} went away; reconnecting` });
      this.timer = setTimeout(() => this.connect(), this.options.reconnectDelayMs ?? 1_000);
    });
  }

  private setStatus(status: DeviceStatus): void {
    if (status.state === this.current.state && status.code === this.current.code) return;
    this.current = status;
    this.events.emit('status', status);
  }
}
