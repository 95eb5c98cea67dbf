import type net from 'node:net';
import type { Duplex } from 'node:stream';
import { createEmitter, type Unsubscribe } from '../../device.ts';
import { decodeEscPos, type DecodedReceipt } from '../protocol/escpos-decoder.ts';
import { asbBytes, realtimeStatusByte, transmitPaperStatusByte, type CoverState, type DrawerState, type PaperState } from '../protocol/escpos-status.ts';
import { listenTcp, portOf } from '../../lab/listen.ts';

/** A receipt the lab printer printed, as decoded from the bytes it received. */
export interface LabReceipt extends DecodedReceipt {
  receivedAt: string;
  /** Bytes the receipt took on the wire, from its first byte to its cut. */
  byteLength: number;
}

const DLE = 0x10;
const GS = 0x1d;
const ESC = 0x1b;

/**
 * A network receipt printer emulator (port 9100 style raw TCP). It answers DLE EOT and GS r status
 * queries with the bytes a real Epson-compatible printer sends, decodes everything else, and keeps
 * the receipts. With the paper out or the cover open it holds the jobs it receives, as a real
 * printer's buffer would, and prints them when the paper is back and the cover closed.
 *
 * Limitation: status queries are answered between jobs (where the drivers send them); a DLE EOT in
 * the middle of a job is skipped by the decoder, not answered.
 */
export class LabPrinter {
  private readonly printed: LabReceipt[] = [];
  private readonly held: LabReceipt[] = [];
  private readonly events = createEmitter<{ receipt: LabReceipt }>();
  private readonly sockets = new Set<Duplex>();
  private paper: PaperState = 'ok';
  private cover: CoverState = 'closed';
  private drawer: DrawerState = 'closed';
  private kicks = 0;
  /** Bytes of job data left before the paper runs out (the 'paper out mid-receipt' fault). */
  private paperLeft: number | undefined;
  /** After paper ran out mid-receipt: the rest of that job is lost; only real-time queries are answered. */
  private stopped = false;
  private readonly torn: LabReceipt[] = [];
  /** Connections that asked for automatic status back (GS a n, n not 0). */
  private readonly asb = new Set<Duplex>();

  private constructor(private readonly server: net.Server | undefined) {
    server?.on('connection', (socket) => {
      socket.setNoDelay(true);
      this.serve(socket);
    });
  }

  /** A printer with no TCP listener, for serial lines and device files that call `serve()` themselves. */
  static detached(): LabPrinter {
    return new LabPrinter(undefined);
  }

  static async start(options: { host?: string; port?: number } = {}): Promise<LabPrinter> {
    return new LabPrinter(await listenTcp(options));
  }

  get port(): number {
    return this.server ? portOf(this.server) : 0;
  }

  /** Printed receipts, oldest first. */
  receipts(): LabReceipt[] {
    return [...this.printed];
  }

  /** Jobs received while the printer could not print. */
  heldJobs(): LabReceipt[] {
    return [...this.held];
  }

  state(): { paper: PaperState; cover: CoverState; drawer: DrawerState; drawerKicks: number } {
    return { paper: this.paper, cover: this.cover, drawer: this.drawer, drawerKicks: this.kicks };
  }

  setPaper(paper: PaperState): void {
    const changed = paper !== this.paper;
    this.paper = paper;
    if (changed) this.statusBack();
    if (paper !== 'out') {
      this.stopped = false;
      this.paperLeft = undefined;
    }
    this.release();
  }

  /** The paper runs out after this many more bytes of receipt data: the receipt being printed is torn. */
  runOutOfPaperAfter(bytes: number): void {
    this.paperLeft = bytes;
  }

  /** Receipts that were cut short by the paper running out, as far as they got. */
  tornReceipts(): LabReceipt[] {
    return [...this.torn];
  }

  private kick(): void {
    this.kicks += 1;
    if (this.drawer === 'open') return;
    this.drawer = 'open';
    this.statusBack();
  }

  /** The cashier pushes the drawer shut. */
  closeDrawer(): void {
    if (this.drawer === 'closed') return;
    this.drawer = 'closed';
    this.statusBack();
  }

  /** Automatic status back: the 4-byte block to every connection that enabled it. */
  private statusBack(): void {
    for (const socket of this.asb) if (!socket.destroyed) socket.write(asbBytes(this.paper, this.cover, this.drawer));
  }

  setCover(cover: CoverState): void {
    const changed = cover !== this.cover;
    this.cover = cover;
    if (changed) this.statusBack();
    this.release();
  }

  on(event: 'receipt', cb: (receipt: LabReceipt) => void): Unsubscribe {
    return this.events.on(event, cb);
  }

  clear(): void {
    this.printed.length = 0;
    this.held.length = 0;
  }

  /** Drops every connection (power cycle, network blip) but keeps listening. */
  async dropConnections(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private canPrint(): boolean {
    return this.paper !== 'out' && this.cover === 'closed';
  }

  private release(): void {
    if (!this.canPrint()) return;
    for (const receipt of this.held.splice(0)) this.print(receipt);
  }

  private print(receipt: LabReceipt): void {
    this.printed.push(receipt);
    this.events.emit('receipt', receipt);
  }

  /** Prints what arrives on a byte stream (a TCP connection, the device end of a pty) and answers its status queries. */
  serve(socket: Duplex): void {
    this.sockets.add(socket);
    let buffer: Uint8Array = new Uint8Array(0);
    socket.on('data', (data: Buffer) => {
      let chunk: Uint8Array = data;
      if (this.stopped) {
        // Stopped for paper: the job's rest is lost; real-time status queries are still answered.
        buffer = new Uint8Array(0);
        this.answerRealtime(chunk, socket);
        return;
      }
      if (this.paperLeft !== undefined && buffer.length + chunk.length > this.paperLeft) {
        const printed = Math.max(0, this.paperLeft - buffer.length);
        const partial = new Uint8Array(buffer.length + printed);
        partial.set(buffer);
        partial.set(chunk.subarray(0, printed), buffer.length);
        // What made it onto the paper, as far as it decodes (it may end inside a command).
        const decoded = decodeEscPos(Uint8Array.from([...this.answerQueries(partial, socket), 0x1d, 0x56, 0x00])).receipts[0];
        const sofar = decoded ?? { lines: [], barcodes: [], qrCodes: [], images: 0, rasters: [], cut: false };
        this.torn.push({ ...sofar, cut: false, receivedAt: new Date().toISOString(), byteLength: partial.length });
        this.paper = 'out';
        this.statusBack();
        this.stopped = true;
        this.paperLeft = undefined;
        buffer = new Uint8Array(0);
        this.answerRealtime(chunk.subarray(printed), socket);
        return;
      }
      if (this.paperLeft !== undefined) this.paperLeft -= chunk.length;
      const joined = new Uint8Array(buffer.length + chunk.length);
      joined.set(buffer);
      joined.set(chunk, buffer.length);
      chunk = joined;
      buffer = this.consume(chunk, socket);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.asb.delete(socket);
    });
  }

  /** Answers status queries at the head of the buffer, decodes finished receipts, returns what is left. */
  private consume(input: Uint8Array, socket: Duplex): Uint8Array {
    let buffer = input;
    for (;;) {
      buffer = this.answerQueries(buffer, socket);
      if (buffer.length === 0) return buffer;
      const { receipts, rest, receiptEnds } = decodeEscPos(buffer);
      let start = 0;
      receipts.forEach((decoded, k) => {
        const end = receiptEnds[k] ?? buffer.length;
        const receipt: LabReceipt = { ...decoded, receivedAt: new Date().toISOString(), byteLength: end - start };
        start = end;
        if (this.canPrint()) this.print(receipt);
        else this.held.push(receipt);
      });
      if (receipts.length === 0) return Uint8Array.from(rest);
      buffer = Uint8Array.from(rest);
    }
  }

  /** Answers every DLE EOT n in the bytes, wherever it is (a stopped printer still answers them). */
  private answerRealtime(input: Uint8Array, socket: Duplex): void {
    for (let i = 0; i + 3 <= input.length; i++) {
      if (input[i] === DLE && input[i + 1] === 0x04) socket.write(Uint8Array.of(realtimeStatusByte(input[i + 2] ?? 0, this.paper, this.cover, this.drawer)));
      if (input[i] === DLE && input[i + 1] === 0x14 && input[i + 2] === 0x01) this.kick();
    }
  }

  private answerQueries(input: Uint8Array, socket: Duplex): Uint8Array {
    let i = 0;
    while (i + 3 <= input.length) {
      const [a, b, n] = [input[i], input[i + 1], input[i + 2] ?? 0];
      if (a === ESC && b === 0x70) {
        // ESC p m t1 t2 between receipts: the drawer kick.
        if (i + 5 > input.length) break;
        this.kick();
        i += 5;
        continue;
      }
      if (a === GS && b === 0x61) {
        // GS a n: automatic status back on (the first block goes out at once) or off.
        if (n === 0) this.asb.delete(socket);
        else {
          this.asb.add(socket);
          socket.write(asbBytes(this.paper, this.cover, this.drawer));
        }
        i += 3;
        continue;
      }
      if (a === DLE && b === 0x14 && n === 0x01) {
        // DLE DC4 1 m t: the real-time drawer pulse.
        if (i + 5 > input.length) break;
        this.kick();
        i += 5;
        continue;
      }
      if (a === DLE && b === 0x04) {
        socket.write(Uint8Array.of(realtimeStatusByte(n, this.paper, this.cover, this.drawer)));
      } else if (a === GS && b === 0x72) {
        socket.write(Uint8Array.of(n === 1 || n === 49 ? transmitPaperStatusByte(this.paper) : 0));
      } else if (a === DLE && (b === 0x05 || b === 0x14)) {
        // DLE ENQ / DLE DC4: nothing to answer; DLE DC4 carries more bytes, let the decoder skip them.
        if (b === 0x14) break;
      } else {
        break;
      }
      i += 3;
    }
    return input.subarray(i);
  }
}
