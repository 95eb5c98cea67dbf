import type { Duplex } from 'node:stream';
import { ApduReader } from '../protocol/apdu-reader.ts';
import type { Apdu } from '../protocol/zvt.ts';
import { LINE_ACK, LINE_NAK, ZvtSerialReader, encodeSerialFrame } from '../protocol/zvt-serial-frame.ts';
import { LinkDown, type ZvtLink } from '../zvt-link.ts';

/** A serial port as the link uses it: a byte stream that can drop what it received and be closed. */
export type SerialStream = Duplex & {
  flush?: (cb?: (error: Error | null) => void) => void;
  close?: (cb?: (error: Error | null) => void) => void;
  readonly isOpen?: boolean;
};

export interface ZvtSerialLinkOptions {
  /** Opens the port (serialport in production, a pty in the lab). */
  open: () => Promise<SerialStream>;
  /** Time the other side has to answer a frame with ACK/NAK on the line. Default 1000 ms. */
  lineAckTimeoutMs?: number;
  /** Sends of one frame before giving up (the first and the repeats). Default 3. */
  attempts?: number;
}

/**
 * ZVT over RS-232: each APDU framed DLE STX ... DLE ETX CRC and acknowledged on the line with
 * ACK/NAK. A refused or unanswered frame is sent again, at most `attempts` times in all; a frame
 * that arrives corrupted is answered NAK so the terminal repeats it.
 */
export class ZvtSerialLink implements ZvtLink {
  private port: SerialStream | undefined;
  /** A port being closed must be closed (its lock released) before it is opened again. */
  private closing: Promise<void> = Promise.resolve();
  private reader = new ApduReader();
  private readonly frames = new ZvtSerialReader();
  private lineWaiter: ((answer: 'ack' | 'nak' | 'down') => void) | undefined;
  private readonly listeners: ((connected: boolean) => void)[] = [];
  private readonly lineAckTimeoutMs: number;
  private readonly attempts: number;

  constructor(private readonly options: ZvtSerialLinkOptions) {
    this.lineAckTimeoutMs = options.lineAckTimeoutMs ?? 1_000;
    this.attempts = options.attempts ?? 3;
  }

  get connected(): boolean {
    return !!this.port && !this.port.destroyed;
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.closing;
    let port: SerialStream;
    try {
      port = await this.options.open();
      // A port that was closed hears nothing: what the terminal sent meanwhile must not be read as an answer now.
      const opened = port;
      await new Promise<void>((resolve) => (opened.flush ? opened.flush(() => resolve()) : resolve()));
    } catch (error) {
      throw new LinkDown((error as Error).message);
    }
    const reader = new ApduReader();
    this.port = port;
    this.reader = reader;
    this.frames.reset();
    port.on('data', (chunk: Buffer) => {
      for (const event of this.frames.push(chunk)) {
        if (event.kind === 'frame') {
          port.write(Uint8Array.of(LINE_ACK));
          reader.push(event.apdu);
        } else if (event.kind === 'corrupt') {
          port.write(Uint8Array.of(LINE_NAK));
        } else {
          this.lineWaiter?.(event.kind);
        }
      }
    });
    port.on('error', () => {
      // 'close' follows.
    });
    port.once('close', () => {
      reader.fail(new LinkDown('closed'));
      this.lineWaiter?.('down');
      if (this.port === port) {
        this.port = undefined;
        this.emit(false);
      }
    });
    this.emit(true);
  }

  async send(apdu: Uint8Array): Promise<void> {
    const frame = encodeSerialFrame(apdu);
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      const port = this.port;
      if (!port || port.destroyed) throw new LinkDown('not connected');
      const answer = new Promise<'ack' | 'nak' | 'down' | 'timeout'>((resolve) => {
        const timer = setTimeout(() => resolve('timeout'), this.lineAckTimeoutMs);
        this.lineWaiter = (a) => {
          clearTimeout(timer);
          resolve(a);
        };
      });
      port.write(frame);
      const got = await answer;
      this.lineWaiter = undefined;
      if (got === 'ack') return;
      if (got === 'down') throw new LinkDown('closed');
    }
    throw new LinkDown('the terminal did not acknowledge the frame on the line');
  }

  receive(ms: number): Promise<Apdu | undefined> {
    return this.reader.nextWithin(ms);
  }

  drop(): void {
    const port = this.port;
    if (!port || port.destroyed) return;
    this.closing = new Promise<void>((resolve) => {
      port.once('close', () => resolve());
      if (port.close && port.isOpen !== false) port.close(() => port.destroy());
      else port.destroy();
    });
  }

  onChange(cb: (connected: boolean) => void): void {
    this.listeners.push(cb);
  }

  private emit(connected: boolean): void {
    for (const cb of this.listeners) cb(connected);
  }
}
