import type { Duplex } from 'node:stream';
import { openTcp } from '../../scanner/transports/tcp-scanner.ts';
import { createEmitter, type DeviceStatus, type Unsubscribe } from '../../device.ts';
import { encodeEscPos } from '../protocol/escpos-encoder.ts';
import {
  ASB_ENABLE,
  PrinterReplyReader,
  type AsbStatus,
  DLE_EOT_OFFLINE,
  DLE_EOT_PAPER,
  DLE_EOT_PRINTER,
  DRAWER_KICK,
  DRAWER_KICK_REALTIME,
  drawerFromPrinterByte,
  coverFromOfflineByte,
  isRealtimeStatusByte,
  isTransmitStatusByte,
  paperFromSensorByte,
} from '../protocol/escpos-status.ts';
import type { DrawerSwitch, PrintBlock, PrintDocument, PrintFailureCode, PrintOutcome, ReceiptPrinter } from '../types.ts';
import { encodeRasterReceipt } from '../protocol/raster.ts';

export interface EscPosTcpPrinterOptions {
  host: string;
  /** While a receipt prints, how often the paper sensor is asked (DLE EOT 4). Default 250 ms. */
  pollMs?: number;
  /** Raw TCP printing port; 9100 by default. */
  port?: number;
  /** Budget for one print: connect, status checks, sending and the printer's completion reply. Default 5000 ms. */
  timeoutMs?: number;
  raster?: boolean;
  logo?: Uint8Array;
}

export interface EscPosPrinterOptions {
  /** While a receipt prints, how often the paper sensor is asked (DLE EOT 4). Default 250 ms. */
  pollMs?: number;
  /** Opens the byte stream to the printer (TCP, a serial port, a USB printer-class device file). */
  openStream: () => Promise<Duplex>;
  /** Budget for one print: connect, status checks, sending and the printer's completion reply. Default 5000 ms. */
  timeoutMs?: number;
  /**
   * While disconnected, try to reconnect this often, so a device plugged back in shows online by
   * itself (a USB device file). Unset: reconnect on the next print, as network printers do.
   */
  reconnectMs?: number;
  /** Print every receipt as raster bit images (GS v 0): for printers without a Korean font, or that take only bitmaps. */
  raster?: boolean;
  /** The store's logo (a PNG), printed as a raster image at the top of every receipt. */
  logo?: Uint8Array;
}

export const PRINTER_MESSAGES = {
  paper_out: 'The printer is out of paper.',
  cover_open: 'The printer cover is open.',
  disconnected: 'The printer is not reachable.',
  timeout: 'The printer did not answer in time.',
  protocol: 'The receipt could not be encoded for the printer.',
  busy: 'The printer is busy.',
} as const satisfies Record<PrintFailureCode, string>;

class PrintFailure extends Error {
  constructor(readonly code: PrintFailureCode) {
    super(PRINTER_MESSAGES[code]);
  }
}

/**
 * An ESC/POS printer on a byte stream: the network (raw TCP, port 9100) or a serial line. Before each receipt it asks the paper
 * sensor (DLE EOT 4) and the offline cause (DLE EOT 2) and refuses to send when the paper is out or
 * the cover open; after the receipt it waits for the GS r 1 reply that receiptline appends, so an
 * ok outcome means the printer processed the whole job. It reconnects on the next print after a
 * disconnect, and never throws from print().
 */
export class EscPosPrinter implements ReceiptPrinter {
  private readonly events = createEmitter<{ status: DeviceStatus; drawer: DrawerSwitch }>();
  private current: DeviceStatus = { state: 'disabled' };
  private drawerSwitch: DrawerSwitch = 'unknown';
  private socket: Duplex | undefined;
  private inbox: number[] = [];
  private wake: (() => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = true;
  private readonly openStream: () => Promise<Duplex>;
  private readonly timeoutMs: number;
  private readonly pollMs: number;
  private readonly reconnectMs: number | undefined;
  private readonly encode: (doc: PrintDocument) => Buffer;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(options: EscPosPrinterOptions) {
    this.openStream = options.openStream;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.pollMs = options.pollMs ?? 250;
    this.reconnectMs = options.reconnectMs;
    const logo: PrintBlock | undefined = options.logo ? { kind: 'image', png: Buffer.from(options.logo).toString('base64') } : undefined;
    const encode = options.raster ? encodeRasterReceipt : encodeEscPos;
    this.encode = logo ? (doc) => encode({ blocks: [logo, ...doc.blocks] }) : encode;
  }

  /** Connects and reads the paper and cover state; an unreachable printer opens `offline`. */
  async open(): Promise<void> {
    this.closed = false;
    await this.enqueue(() => this.probe());
  }

  private async probe(): Promise<void> {
    try {
      await this.withTimeout(async () => {
        await this.connect();
        await this.checkReady();
      });
    } catch {
      // The status already says why; print() will try again.
    }
  }

  /** Plugged back in: the next probe finds the device and reads its state (queued behind any print). */
  private scheduleReconnect(): void {
    if (this.reconnectMs === undefined || this.reconnectTimer || this.closed) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.closed || (this.socket && !this.socket.destroyed)) return;
      void this.enqueue(() => this.probe());
    }, this.reconnectMs);
    this.reconnectTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.setDrawer('unknown');
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.socket?.destroy();
    this.socket = undefined;
    this.setStatus({ state: 'disabled' });
  }

  status(): DeviceStatus {
    return this.current;
  }

  onStatus(cb: (status: DeviceStatus) => void): Unsubscribe {
    return this.events.on('status', cb);
  }

  drawer(): DrawerSwitch {
    return this.drawerSwitch;
  }

  onDrawer(cb: (drawer: DrawerSwitch) => void): Unsubscribe {
    return this.events.on('drawer', cb);
  }

  private setDrawer(drawer: DrawerSwitch): void {
    if (drawer === this.drawerSwitch) return;
    this.drawerSwitch = drawer;
    this.events.emit('drawer', drawer);
  }

  print(doc: PrintDocument): Promise<PrintOutcome> {
    return this.enqueue(async (): Promise<PrintOutcome> => {
      if (this.closed) return { ok: false, code: 'disconnected', message: 'The printer is closed.' };
      let bytes: Buffer;
      try {
        bytes = this.encode(doc);
      } catch {
        return { ok: false, code: 'protocol', message: PRINTER_MESSAGES.protocol };
      }
      try {
        await this.withTimeout(async () => {
          await this.connect();
          await this.checkReady();
          this.send(bytes);
          const reply = await this.awaitCompletion();
          // GS r 1 reply: bits 0,1 near end, bits 2,3 paper end (the job itself was printed).
          if (reply & 0x0c) this.setStatus({ state: 'error', code: 'paper_out', detail: PRINTER_MESSAGES.paper_out });
          else if (reply & 0x03) this.setStatus({ state: 'online', code: 'paper_near_end', detail: 'Paper near end.' });
        });
        return { ok: true };
      } catch (error) {
        const code = error instanceof PrintFailure ? error.code : 'disconnected';
        return { ok: false, code, message: PRINTER_MESSAGES[code] };
      }
    });
  }

  openDrawer(): Promise<PrintOutcome> {
    return this.enqueue(async (): Promise<PrintOutcome> => {
      if (this.closed) return { ok: false, code: 'disconnected', message: 'The printer is closed.' };
      try {
        await this.withTimeout(async () => {
          await this.connect();
          this.send(this.current.state === 'error' ? DRAWER_KICK_REALTIME : DRAWER_KICK);
        });
        return { ok: true };
      } catch (error) {
        const code = error instanceof PrintFailure ? error.code : 'disconnected';
        return { ok: false, code, message: PRINTER_MESSAGES[code] };
      }
    });
  }

  readDrawer(): Promise<{ ok: true; drawer: 'open' | 'closed' } | { ok: false; code: PrintFailureCode; message: string }> {
    return this.enqueue(async () => {
      if (this.closed) return { ok: false as const, code: 'disconnected' as const, message: 'The printer is closed.' };
      try {
        let drawer: 'open' | 'closed' = 'closed';
        await this.withTimeout(async () => {
          await this.connect();
          this.send(DLE_EOT_PRINTER);
          drawer = drawerFromPrinterByte(await this.readByte(isRealtimeStatusByte));
        });
        this.setDrawer(drawer);
        return { ok: true as const, drawer };
      } catch (error) {
        const code = error instanceof PrintFailure ? error.code : 'disconnected';
        return { ok: false as const, code, message: PRINTER_MESSAGES[code] };
      }
    });
  }

  /**
   * Waits for the GS r 1 reply that ends the job. Meanwhile it asks the paper sensor (real-time
   * DLE EOT 4, which a printer answers even while it is stopped): paper that runs out mid-receipt
   * stops the printer before it reaches the reply, and is reported as paper_out instead of a timeout.
   */
  private async awaitCompletion(): Promise<number> {
    const socket = this.socket;
    let timer: NodeJS.Timeout | undefined;
    const poll = (): void => {
      timer = setTimeout(() => {
        if (this.socket === socket && socket && !socket.destroyed) socket.write(DLE_EOT_PAPER);
        poll();
      }, this.pollMs);
    };
    poll();
    try {
      for (;;) {
        const byte = await this.readByte((b) => isTransmitStatusByte(b) || isRealtimeStatusByte(b));
        if (isTransmitStatusByte(byte)) return byte;
        if (paperFromSensorByte(byte) === 'out') {
          this.setStatus({ state: 'error', code: 'paper_out', detail: PRINTER_MESSAGES.paper_out });
          throw new PrintFailure('paper_out');
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async withTimeout(work: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PrintFailure('timeout')), this.timeoutMs);
    });
    try {
      await Promise.race([work(), timeout]);
    } catch (error) {
      if (error instanceof PrintFailure && error.code === 'timeout') {
        // A late reply must not be taken for the next job's answer: start over on a fresh connection.
        this.socket?.destroy();
        this.socket = undefined;
        this.setStatus({ state: 'offline', code: 'timeout', detail: PRINTER_MESSAGES.timeout });
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async checkReady(): Promise<void> {
    // A reply to a paper poll of the last job may still be waiting: it must not answer this job's questions.
    this.inbox = [];
    this.send(DLE_EOT_PAPER);
    const paper = paperFromSensorByte(await this.readByte(isRealtimeStatusByte));
    this.send(DLE_EOT_OFFLINE);
    const cover = coverFromOfflineByte(await this.readByte(isRealtimeStatusByte));
    if (paper === 'out') {
      this.setStatus({ state: 'error', code: 'paper_out', detail: PRINTER_MESSAGES.paper_out });
      throw new PrintFailure('paper_out');
    }
    if (cover === 'open') {
      this.setStatus({ state: 'error', code: 'cover_open', detail: PRINTER_MESSAGES.cover_open });
      throw new PrintFailure('cover_open');
    }
    this.setStatus(paper === 'near_end' ? { state: 'online', code: 'paper_near_end', detail: 'Paper near end.' } : { state: 'online' });
  }

  private async connect(): Promise<void> {
    if (this.socket && !this.socket.destroyed) return;
    let socket: Duplex;
    try {
      socket = await this.openStream();
    } catch {
      if (!this.closed) this.setStatus({ state: 'offline', code: 'disconnected', detail: PRINTER_MESSAGES.disconnected });
      throw new PrintFailure('disconnected');
    }
    this.socket = socket;
    this.inbox = [];
    const replies = new PrinterReplyReader();
    socket.on('data', (chunk: Buffer) => {
      for (const reply of replies.push(chunk)) {
        if (reply.kind === 'asb') this.statusBack(reply.status);
        else this.inbox.push(reply.byte);
      }
      this.wake?.();
    });
    socket.on('error', () => {
      // 'close' follows.
    });
    socket.once('close', () => {
      if (this.socket === socket) this.socket = undefined;
      // Nobody can tell the drawer's state without the printer.
      this.setDrawer('unknown');
      if (!this.closed) this.setStatus({ state: 'offline', code: 'disconnected', detail: PRINTER_MESSAGES.disconnected });
      this.wake?.();
    });
    // Automatic status back: paper, cover and drawer changes arrive by themselves, between receipts too.
    socket.write(ASB_ENABLE);
  }

  private statusBack(status: AsbStatus): void {
    this.setDrawer(status.drawer);
    if (status.paper === 'out') this.setStatus({ state: 'error', code: 'paper_out', detail: PRINTER_MESSAGES.paper_out });
    else if (status.cover === 'open') this.setStatus({ state: 'error', code: 'cover_open', detail: PRINTER_MESSAGES.cover_open });
    else if (status.paper === 'near_end') this.setStatus({ state: 'online', code: 'paper_near_end', detail: 'Paper near end.' });
    else this.setStatus({ state: 'online' });
  }

  private send(bytes: Uint8Array): void {
    if (!this.socket || this.socket.destroyed) throw new PrintFailure('disconnected');
    this.socket.write(bytes);
  }

  /** The next received byte that matches; unsolicited bytes (other replies, ASB) are dropped. */
  private async readByte(matches: (byte: number) => boolean): Promise<number> {
    const socket = this.socket;
    for (;;) {
      while (this.inbox.length > 0) {
        const byte = this.inbox.shift() ?? 0;
        if (matches(byte)) return byte;
      }
      if (!socket || socket.destroyed || this.socket !== socket) throw new PrintFailure('disconnected');
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }

  private setStatus(status: DeviceStatus): void {
    if (status.state === 'offline' && status.code === 'disconnected') this.scheduleReconnect();
    if (status.state === this.current.state && status.code === this.current.code) return;
    this.current = status;
    this.events.emit('status', status);
  }
}

/** An ESC/POS printer on the network: raw TCP, port 9100 by default. */
export class EscPosTcpPrinter extends EscPosPrinter {
  constructor(options: EscPosTcpPrinterOptions) {
    const { host, port, ...rest } = options;
    super({ openStream: () => openTcp(host, port ?? 9100), ...rest });
  }
}
