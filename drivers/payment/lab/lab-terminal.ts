import net from 'node:net';
import { ApduReader } from '../protocol/apdu-reader.ts';
import {
  ACK,
  RESULT,
  ZVT,
  encodeApdu,
  encodeStatusEnquiryCompletion,
  encodeStatusInformation,
  fromBcd,
  isCommand,
  parseAuthorization,
  splitPassword,
  type Apdu,
  type StatusInformation,
} from '../protocol/zvt.ts';
import { listenTcp, portOf } from '../../lab/listen.ts';

/**
 * What the next payment does: `approve`; `decline` (result code 05); `timeout`: acknowledge, then
 * stay silent until the ECR aborts (06 B0), as a customer who walks away; `late`: the approval
 * arrives after `lateMs` (past the ECR's timeout), is booked then, and is sent only if the ECR is
 * still listening. Until it is booked the terminal answers every other command "busy" (84 9C 00)
 * and refuses an abort (84 83 00): the host already has the request.
 */
export type LabOutcome = 'approve' | 'decline' | 'timeout' | 'late';

export interface LabTransaction {
  kind: 'payment' | 'refund' | 'reversal';
  amount: number;
  currencyNumeric: number;
  outcome: LabOutcome | 'aborted';
  /** Set when the terminal booked it (approved): its trace and receipt number. */
  trace?: string;
  receiptNo?: string;
  /** A payment reversed later. */
  reversed?: boolean;
  at: string;
}

/** A byte stream the lab terminal speaks ZVT APDUs over (a TCP socket, or a serial line's framer). */
export interface LabZvtChannel {
  reader: ApduReader;
  write(bytes: Uint8Array): void;
  readonly open: boolean;
}

const TERMINAL_ID = '52500001';
/** Host result code the lab declines with: 05 "do not honour". */
const DECLINE_CODE = 0x05;
const SOFTWARE_VERSION = 'OMNI-LAB ZVT 13.13';
const NAK_BUSY = Uint8Array.of(0x84, RESULT.busy, 0x00);
const NAK_NOT_POSSIBLE = Uint8Array.of(0x84, RESULT.functionNotPossible, 0x00);
const NAK_PROTOCOL = Uint8Array.of(0x84, 0x9a, 0x00);

class Gone extends Error {}
/** The ECR did not acknowledge a message in time: the terminal ends that dialogue and listens again. */
class NoAck extends Error {}

/**
 * A ZVT card terminal emulator (Rev. 13.13 subset) on TCP: payment, refund, reversal, repeat
 * receipt, end of day, status enquiry and abort. It approves with a VISA card ending in 1234
 * unless told otherwise for the next payment.
 */
export class LabTerminal {
  private readonly log: LabTransaction[] = [];
  private readonly sockets = new Set<net.Socket>();
  private next: LabOutcome = 'approve';
  private nextFor: 'payment' | 'refund' = 'payment';
  private lateMs = 2_000;
  /** How long the terminal waits for the ECR to acknowledge a message before it ends the dialogue. */
  ecrAckTimeoutMs = 5_000;
  private trace = 0;
  /** True while a payment waits for its (late) host answer: every other command is refused busy. */
  private processing = false;
  private lastReceipt: StatusInformation | undefined;
  private dayOpenedAt = 0;

  private constructor(private readonly server: net.Server | undefined) {
    server?.on('connection', (socket) => this.serveSocket(socket));
  }

  static async start(options: { host?: string; port?: number } = {}): Promise<LabTerminal> {
    return new LabTerminal(await listenTcp(options));
  }

  /** A terminal with no TCP listener, for serial lines that call `serve()` themselves. */
  static detached(): LabTerminal {
    return new LabTerminal(undefined);
  }

  get port(): number {
    return this.server ? portOf(this.server) : 0;
  }

  /** Sets the outcome of the next payment only (or, with `for: 'refund'`, of the next refund); then it is back to approving. */
  nextOutcome(outcome: LabOutcome, options: { lateMs?: number; for?: 'payment' | 'refund' } = {}): void {
    this.next = outcome;
    this.nextFor = options.for ?? 'payment';
    if (options.lateMs !== undefined) this.lateMs = options.lateMs;
  }

  transactions(): LabTransaction[] {
    return this.log.map((t) => ({ ...t }));
  }

  /** Resolves when nothing is waiting for a late host answer any more. */
  async settled(): Promise<void> {
    while (this.processing) await new Promise((r) => setTimeout(r, 10));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    if (this.server) {
      const server = this.server;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** Speaks ZVT over a channel until it closes. */
  serve(channel: LabZvtChannel): void {
    void this.converse(channel).catch(() => undefined);
  }

  private serveSocket(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const reader = new ApduReader();
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      reader.fail(new Gone('closed'));
    });
    this.serve({
      reader,
      write: (bytes) => {
        if (!socket.destroyed) socket.write(bytes);
      },
      get open() {
        return !socket.destroyed;
      },
    });
  }

  private async converse(channel: LabZvtChannel): Promise<void> {
    for (;;) {
      const apdu = await channel.reader.next();
      if (isCommand(apdu, ZVT.ack) || isCommand(apdu, ZVT.nack)) continue;
      if (this.processing) {
        channel.write(isCommand(apdu, ZVT.abortRequest) ? NAK_NOT_POSSIBLE : NAK_BUSY);
        continue;
      }
      try {
        await this.handle(channel, apdu);
      } catch (error) {
        if (!(error instanceof NoAck)) throw error;
      }
    }
  }

  private async handle(channel: LabZvtChannel, apdu: Apdu): Promise<void> {
    if (isCommand(apdu, ZVT.authorization)) {
      const request = parseAuthorization(apdu.data);
      if (!request) return channel.write(NAK_PROTOCOL);
      return this.pay(channel, 'payment', request.amount, request.currencyNumeric);
    }
    if (isCommand(apdu, ZVT.refund)) {
      const { fields } = splitPassword(apdu.data);
      const amount = fields.get(0x04);
      if (!amount) return channel.write(NAK_PROTOCOL);
      const currency = fields.get(0x49);
      return this.pay(channel, 'refund', Number(fromBcd(amount)), currency ? Number(fromBcd(currency)) : 978);
    }
    if (isCommand(apdu, ZVT.reversal)) return this.reverse(channel, splitPassword(apdu.data).fields.get(0x87));
    if (isCommand(apdu, ZVT.repeatReceipt)) {
      channel.write(ACK);
      if (this.lastReceipt) await this.send(channel, encodeStatusInformation(this.lastReceipt));
      await this.send(channel, this.lastReceipt ? encodeApdu(0x06, 0x0f) : encodeApdu(0x06, 0x1e, Uint8Array.of(RESULT.receiptNotFound)));
      return;
    }
    if (isCommand(apdu, ZVT.statusEnquiry)) {
      channel.write(ACK);
      await this.send(channel, encodeStatusEnquiryCompletion(SOFTWARE_VERSION, 0x00));
      return;
    }
    if (isCommand(apdu, ZVT.endOfDay)) return this.endOfDay(channel);
    // An abort with nothing running, or a command the lab does not emulate: "function not possible".
    channel.write(NAK_NOT_POSSIBLE);
  }

  private async pay(channel: LabZvtChannel, kind: 'payment' | 'refund', amount: number, currencyNumeric: number): Promise<void> {
    channel.write(ACK);
    const outcome = kind === this.nextFor ? this.next : 'approve';
    if (kind === this.nextFor) this.next = 'approve';
    const entry: LabTransaction = { kind, amount, currencyNumeric, outcome, at: new Date().toISOString() };
    this.log.push(entry);
    if (outcome === 'timeout') {
      // Silent until the ECR aborts; every other command meanwhile is refused busy.
      this.processing = true;
      try {
        for (;;) {
          const apdu = await channel.reader.next();
          if (isCommand(apdu, ZVT.ack) || isCommand(apdu, ZVT.nack)) continue;
          if (!isCommand(apdu, ZVT.abortRequest)) {
            channel.write(NAK_BUSY);
            continue;
          }
          channel.write(ACK);
          entry.outcome = 'aborted';
          break;
        }
      } finally {
        this.processing = false;
      }
      await this.send(channel, encodeApdu(0x06, 0x1e, Uint8Array.of(RESULT.aborted)));
      return;
    }
    if (outcome === 'late') {
      this.processing = true;
      const until = Date.now() + this.lateMs;
      try {
        // The ECR may ask to abort meanwhile: too late, the host has the request.
        for (let left = this.lateMs; left > 0; left = until - Date.now()) {
          const apdu = await channel.reader.nextWithin(left).catch(() => undefined);
          if (apdu === undefined) {
            if (!channel.open) await new Promise((r) => setTimeout(r, Math.max(0, until - Date.now())));
            continue;
          }
          if (isCommand(apdu, ZVT.ack) || isCommand(apdu, ZVT.nack)) continue;
          channel.write(isCommand(apdu, ZVT.abortRequest) ? NAK_NOT_POSSIBLE : NAK_BUSY);
        }
      } finally {
        this.processing = false;
      }
    }
    if (outcome === 'decline') {
      this.lastReceipt = { resultCode: DECLINE_CODE, amount };
      await this.send(channel, encodeApdu(0x04, 0xff, Uint8Array.of(0x0e)));
      await this.send(channel, encodeStatusInformation(this.lastReceipt));
      await this.send(channel, encodeApdu(0x06, 0x1e, Uint8Array.of(DECLINE_CODE)));
      return;
    }
    const receipt = this.book(entry, amount);
    if (!channel.open) return; // booked; the ECR finds it by asking for the last receipt
    await this.send(channel, encodeApdu(0x04, 0xff, Uint8Array.of(0x0e))); // intermediate status: please wait
    await this.send(channel, encodeStatusInformation(receipt));
    await this.send(channel, encodeApdu(0x06, 0x0f));
  }

  private book(entry: LabTransaction, amount: number): StatusInformation {
    this.trace += 1;
    const trace = String(this.trace).padStart(6, '0');
    const receiptNo = String(this.trace % 10_000).padStart(4, '0');
    entry.trace = trace;
    entry.receiptNo = receiptNo;
    this.lastReceipt = {
      resultCode: 0,
      amount,
      trace,
      terminalId: TERMINAL_ID,
      approvalCode: String((this.trace * 7_919_113) % 100_000_000).padStart(8, '0'),
      pan: '************1234',
      receiptNo,
      cardType: 0x0a,
      cardName: 'VISA',
    };
    return this.lastReceipt;
  }

  private async reverse(channel: LabZvtChannel, receiptField: Uint8Array | undefined): Promise<void> {
    channel.write(ACK);
    const receiptNo = receiptField ? fromBcd(receiptField) : undefined;
    const original = this.log.find((t) => t.kind === 'payment' && t.receiptNo === receiptNo && t.trace !== undefined && !t.reversed);
    if (!original) {
      await this.send(channel, encodeApdu(0x06, 0x1e, Uint8Array.of(RESULT.receiptNotFound)));
      return;
    }
    original.reversed = true;
    const entry: LabTransaction = { kind: 'reversal', amount: original.amount, currencyNumeric: original.currencyNumeric, outcome: 'approve', at: new Date().toISOString() };
    this.log.push(entry);
    await this.send(channel, encodeStatusInformation(this.book(entry, original.amount)));
    await this.send(channel, encodeApdu(0x06, 0x0f));
  }

  private async endOfDay(channel: LabZvtChannel): Promise<void> {
    channel.write(ACK);
    const day = this.log.slice(this.dayOpenedAt).filter((t) => t.trace !== undefined);
    const total = day.reduce((sum, t) => sum + (t.kind === 'payment' && !t.reversed ? t.amount : t.kind === 'refund' ? -t.amount : 0), 0);
    this.dayOpenedAt = this.log.length;
    await this.send(channel, encodeApdu(0x04, 0xff, Uint8Array.of(0x0e)));
    await this.send(channel, encodeStatusInformation({ resultCode: 0, amount: Math.max(0, total), trace: String(this.trace).padStart(6, '0'), terminalId: TERMINAL_ID }));
    await this.send(channel, encodeApdu(0x06, 0x0f));
  }

  /** Sends one APDU and waits for the ECR's acknowledgement (spec: the PT gives up after T4 = 5 s; the lab's is settable). */
  private async send(channel: LabZvtChannel, bytes: Uint8Array): Promise<void> {
    channel.write(bytes);
    const ack = await channel.reader.nextWithin(this.ecrAckTimeoutMs);
    if (!ack || !isCommand(ack, ZVT.ack)) throw new NoAck('the ECR did not acknowledge');
  }
}
