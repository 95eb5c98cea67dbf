import type { Duplex } from 'node:stream';
import { StreamDevice } from '../../reconnecting-device.ts';
import { encodeLines, encodeStart, type DisplayCodePage } from '../protocol/escpos-display.ts';
import type { CustomerDisplay, DisplayOutcome } from '../types.ts';

export interface PoleDisplayOptions {
  /** The endpoint, for the board. */
  source: string;
  codePage: DisplayCodePage;
  /** Opens the byte stream (a serial port, a TCP socket); rejects when the display is not there. */
  openStream: () => Promise<Duplex>;
  /** Wait before reconnecting; default 1000 ms. */
  reconnectDelayMs?: number;
}

export const DISPLAY_MESSAGES = {
  away: (source: string) => `the customer display ${source} is not connected; it shows the latest lines when it is back`,
  gone: (source: string) => `the customer display ${source} went away; reconnecting`,
} as const;

/** An ESC/POS pole display on a byte stream (serial, or a serial-over-IP converter on TCP). */
export class StreamPoleDisplay extends StreamDevice implements CustomerDisplay {
  private last: [string, string] | undefined;

  constructor(private readonly options: PoleDisplayOptions) {
    super(options.source, options.openStream, options.reconnectDelayMs);
  }

  get codePage(): DisplayCodePage {
    return this.options.codePage;
  }

  async show(top: string, bottom: string): Promise<DisplayOutcome> {
    this.last = [top, bottom];
    const stream = this.stream;
    if (!stream || stream.destroyed) return { ok: false, code: 'disconnected', message: DISPLAY_MESSAGES.away(this.options.source) };
    await new Promise<void>((resolve) => stream.write(encodeLines(top, bottom, this.options.codePage), () => resolve()));
    return { ok: true };
  }

  protected override goneDetail(): string {
    return DISPLAY_MESSAGES.gone(this.options.source);
  }

  protected attach(stream: Duplex): void {
    stream.on('data', () => undefined); // a display sends nothing we need; keep the stream flowing
    // A display plugged back in starts blank: initialize it and show what the customer should see now.
    stream.write(this.last ? Buffer.concat([encodeStart(), encodeLines(...this.last, this.options.codePage)]) : encodeStart());
  }
}
