import net from 'node:net';
import { ApduReader } from '../protocol/apdu-reader.ts';
import type { Apdu } from '../protocol/zvt.ts';
import { LinkDown, type ZvtLink } from '../zvt-link.ts';

/** ZVT over TCP (spec: port 20007): APDUs travel bare, the acknowledgement is the APDU 80 00 00. */
export class ZvtTcpLink implements ZvtLink {
  private socket: net.Socket | undefined;
  private reader = new ApduReader();
  private readonly listeners: ((connected: boolean) => void)[] = [];

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  get connected(): boolean {
    return !!this.socket && !this.socket.destroyed && !this.socket.connecting;
  }

  connect(): Promise<void> {
    if (this.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port });
      const reader = new ApduReader();
      this.socket = socket;
      this.reader = reader;
      socket.setNoDelay(true);
      socket.on('data', (chunk: Buffer) => reader.push(chunk));
      socket.once('connect', () => {
        this.emit(true);
        resolve();
      });
      socket.on('error', () => {
        // 'close' follows.
      });
      socket.once('close', () => {
        reader.fail(new LinkDown('closed'));
        if (this.socket === socket) {
          this.socket = undefined;
          this.emit(false);
        }
        reject(new LinkDown('closed'));
      });
    });
  }

  async send(apdu: Uint8Array): Promise<void> {
    if (!this.socket || this.socket.destroyed) throw new LinkDown('not connected');
    this.socket.write(apdu);
  }

  receive(ms: number): Promise<Apdu | undefined> {
    return this.reader.nextWithin(ms);
  }

  drop(): void {
    this.socket?.destroy();
  }

  onChange(cb: (connected: boolean) => void): void {
    this.listeners.push(cb);
  }

  private emit(connected: boolean): void {
    for (const cb of this.listeners) cb(connected);
  }
}
