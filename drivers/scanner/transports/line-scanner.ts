import type { Duplex } from 'node:stream';
import { createEmitter, type DeviceStatus, type Unsubscribe } from '../../device.ts';
import { stripScan } from '../protocol/barcode.ts';
import { LineFramer } from '../protocol/line-framer.ts';
import type { BarcodeScanner, Scan } from '../types.ts';

export interface LineScannerOptions {
  /** The endpoint, for the log and each scan's `source`. */
  source: string;
  /** Opens the byte stream (a TCP socket, a serial port); rejects when the scanner is not there. */
  openStream: () => Promise<Duplex>;
  /** Wait before reconnecting after the scanner went away or could not be opened; default 1000 ms. */
  reconnectDelayMs?: number;
}

/**
 * A scanner sending CR/CRLF-terminated scans over a byte stream: serial scanners, and network
 * scanners or serial-over-IP converters. It reopens the stream until closed, so a scanner that is
 * unplugged and plugged back in comes back without a restart.
 */
export class LineScanner implements BarcodeScanner {
  private readonly events = createEmitter<{ data: Scan; status: DeviceStatus }>();
  private current: DeviceStatus = { state: 'disabled' };
  private stream: Duplex | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = true;
  private readonly framer = new LineFramer();

  constructor(private readonly options: LineScannerOptions) {}

  /** Starts connecting; resolves after the first attempt succeeded or failed (then it keeps trying). */
  open(): Promise<void> {
    if (!this.closed) return Promise.resolve();
    this.closed = false;
    this.setStatus({ state: 'offline', code: 'disconnected', detail: `connecting to ${this.options.source}` });
    return this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const stream = this.stream;
    this.stream = undefined;
    if (stream && !stream.destroyed) {
      const gone = new Promise<void>((resolve) => stream.once('close', () => resolve()));
      stream.destroy();
      await gone;
    }
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

  private async connect(): Promise<void> {
    if (this.closed) return;
    let stream: Duplex;
    try {
      stream = await this.options.openStream();
    } catch (error) {
      this.setStatus({ state: 'offline', code: 'disconnected', detail: (error as Error).message });
      this.retry();
      return;
    }
    if (this.closed) {
      stream.destroy();
      return;
    }
    this.stream = stream;
    this.framer.reset();
    this.setStatus({ state: 'online' });
    stream.on('data', (chunk: Buffer) => {
      for (const line of this.framer.push(chunk)) {
        const { data, symbology } = stripScan(line);
        const source = this.options.source;
        this.events.emit('data', symbology ? { data, symbology, source } : { data, source });
      }
    });
    stream.on('error', () => {
      // 'close' follows and schedules the reconnect.
    });
    stream.once('close', () => {
      if (this.stream !== stream || this.closed) return;
      this.stream = undefined;
      this.setStatus({ state: 'offline', code: 'disconnected', detail: `${this.options.source} went away; reconnecting` });
      this.retry();
    });
  }

  private retry(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), this.options.reconnectDelayMs ?? 1_000);
  }

  private setStatus(status: DeviceStatus): void {
    if (status.state === this.current.state && status.code === this.current.code) return;
    this.current = status;
    this.events.emit('status', status);
  }
}
