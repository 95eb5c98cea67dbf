import type net from 'node:net';
import type { Duplex } from 'node:stream';
import { listenTcp, portOf } from '../../lab/listen.ts';
import { DisplayScreen } from '../protocol/display-decoder.ts';

/** What the lab display showed, each time its rows changed. */
export interface LabDisplayFrame {
  at: string;
  lines: [string, string];
}

/**
 * A 2x20 ESC/POS pole display emulator: it decodes what the till sends (on a TCP port and on any
 * serial line handed to serve(), a socat pty in the lab) into the two rows a customer would read.
 */
export class LabPoleDisplay {
  private readonly screen = new DisplayScreen();
  private readonly frames: LabDisplayFrame[] = [];
  private readonly streams = new Set<Duplex>();

  private constructor(private readonly server: net.Server | undefined) {
    server?.on('connection', (socket) => this.serve(socket));
  }

  static async start(options: { host?: string; port?: number } = {}): Promise<LabPoleDisplay> {
    return new LabPoleDisplay(await listenTcp(options));
  }

  /** A display with no TCP listener, for serial lines that call serve() themselves. */
  static detached(): LabPoleDisplay {
    return new LabPoleDisplay(undefined);
  }

  get port(): number {
    return this.server ? portOf(this.server) : 0;
  }

  get connections(): number {
    return this.streams.size;
  }

  /** The two rows shown now, trailing spaces trimmed. */
  lines(): [string, string] {
    const [top, bottom] = this.screen.lines();
    return [top.trimEnd(), bottom.trimEnd()];
  }

  /** Every change of the rows, oldest first (at most the last 200). */
  history(): LabDisplayFrame[] {
    return [...this.frames];
  }

  /** Decodes what arrives on this stream (a TCP connection, the device end of a pty). */
  serve(stream: Duplex): void {
    this.streams.add(stream);
    stream.on('data', (chunk: Buffer) => {
      this.screen.push(chunk);
      const lines = this.lines();
      const previous = this.frames.at(-1)?.lines;
      if (previous?.[0] === lines[0] && previous[1] === lines[1]) return;
      this.frames.push({ at: new Date().toISOString(), lines });
      if (this.frames.length > 200) this.frames.shift();
    });
    stream.on('error', () => stream.destroy());
    stream.on('close', () => this.streams.delete(stream));
  }

  async close(): Promise<void> {
    for (const s of this.streams) s.destroy();
    if (this.server) await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
