import { createEmitter, type DeviceStatus, type Unsubscribe } from '../device.ts';
import {
  ABORT_REQUEST,
  ACK,
  CARD_TYPES,
  DEFAULT_PASSWORD,
  RESULT,
  ZVT,
  encodeAuthorization,
  encodePasswordCommand,
  encodeRefund,
  encodeReversal,
  isCommand,
  maskPan,
  parseStatusEnquiryCompletion,
  parseStatusInformation,
  type StatusInformation,
} from './protocol/zvt.ts';
import { LinkDown, type ZvtLink } from './zvt-link.ts';
import type {
  AuthorizationRequest,
  DeclineCode,
  EndOfDayReport,
  Failure,
  OperationJournal,
  PaymentOutcome,
  PaymentTerminal,
  RefundRequest,
  Resolution,
  ReversalRequest,
  TerminalReport,
  UnknownOutcome,
} from './types.ts';

export interface ZvtTerminalOptions {
  /** The terminal must acknowledge a command within this time (spec: T3 = 5 s). */
  ackTimeoutMs?: number;
  /** Budget for a whole payment, card and PIN entry included. Default 60 s. */
  timeoutMs?: number;
  /** How long `resolveUnknown()` keeps asking a busy or unreachable terminal. Default 120 s. */
  resolveTimeoutMs?: number;
  /** Pause before repeating a command the terminal refused as busy (84 9C). Default 1 s. */
  retryDelayMs?: number;
  /** The terminal's password (3 BCD bytes as 6 digits). */
  password?: string;
  /** Keeps the operation in flight across a restart; without it an unknown outcome lives in memory only. */
  journal?: OperationJournal;
}

export const PAYMENT_MESSAGES = {
  timeout: 'The card terminal did not finish in time; the payment outcome is unknown.',
  ackTimeout: 'The card terminal did not acknowledge the payment request.',
  disconnected: 'The card terminal is not reachable.',
  busy: 'The card terminal is busy with another payment.',
  protocol: 'The card terminal answered something unexpected.',
  declined: 'The card was declined.',
  canceled: 'The payment was canceled on the terminal or timed out there.',
  card_error: 'The card could not be read or is not accepted.',
  terminal_error: 'The card terminal reported an error.',
  notBooked: 'The card terminal did not book the payment: nothing was charged.',
  unresolved: 'An earlier card payment has an unknown outcome and the terminal could not be asked yet.',
  resolvedOther: (reference: string) => `An earlier card payment (${reference}) turned out approved; settle it before a new one.`,
  noLastPayment: 'There is no approved payment to reverse.',
} as const;

type FailureCode = 'timeout' | 'disconnected' | 'busy' | 'protocol';

class DialogueError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    /** The terminal had accepted the command (acknowledged it) when the dialogue broke. */
    readonly accepted = false,
  ) {
    super(message);
  }
}

/** How a command ended: a Completion (06 0F) or an Abort (06 1E), with the Status-Information sent before it. */
type DialogueEnd =
  | { kind: 'completion'; info: StatusInformation | undefined; data: Uint8Array }
  | { kind: 'abort'; info: StatusInformation | undefined; resultCode: number };

/** Maps a ZVT result code (spec: list of error codes) to what the till needs to know. */
function declineCode(resultCode: number): DeclineCode {
  if (resultCode >= 0x01 && resultCode <= 0x63) return 'declined'; // from the card issuer / network
  if (resultCode === RESULT.aborted) return 'canceled';
  if ((resultCode >= 0x64 && resultCode <= 0x68) || (resultCode >= 0x6e && resultCode <= 0x7e)) return 'card_error';
  return 'terminal_error';
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The ECR side of ZVT (Rev. 13.13), over any link (TCP or serial). The till sends a command,
 * acknowledges every message of the terminal with 80 00 00, and reads the result from
 * Status-Information (04 0F) and Completion (06 0F) or Abort (06 1E).
 */
export class ZvtTerminal implements PaymentTerminal {
  private readonly events = createEmitter<{ status: DeviceStatus }>();
  private current: DeviceStatus = { state: 'disabled' };
  private busy = false;
  private closed = true;
  /** True while a command's dialogue runs: `abort()` may then send 06 B0 on the link. */
  private inDialogue = false;
  private pending: (UnknownOutcome & { traceBefore: string | undefined; resolution?: Resolution }) | null = null;
  private lastTrace: string | undefined;
  private lastApproved: { receiptNo: string | undefined; amount: number } | undefined;
  private readonly ackTimeoutMs: number;
  private readonly timeoutMs: number;
  private readonly resolveTimeoutMs: number;
  private readonly retryDelayMs: number;
  private readonly password: string;
  private readonly journal: OperationJournal | undefined;

  constructor(
    private readonly link: ZvtLink,
    options: ZvtTerminalOptions = {},
  ) {
    this.journal = options.journal;
    // Sent before the till stopped, never answered: asked about before anything else is sent.
    const kept = this.journal?.load();
    if (kept) this.pending = { operation: kept.operation, reference: kept.reference, amount: kept.amount, since: kept.sentAt, traceBefore: kept.traceBefore };
    this.ackTimeoutMs = options.ackTimeoutMs ?? 5_000;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.resolveTimeoutMs = options.resolveTimeoutMs ?? 120_000;
    this.retryDelayMs = options.retryDelayMs ?? 1_000;
    this.password = options.password ?? DEFAULT_PASSWORD;
    link.onChange((connected) => {
      if (this.closed) return;
      this.setStatus(connected ? { state: 'online' } : { state: 'offline', code: 'disconnected', detail: PAYMENT_MESSAGES.disconnected });
    });
  }

  /** Dials the terminal; an unreachable terminal opens `offline` and is dialled again on the next operation. */
  async open(): Promise<void> {
    this.closed = false;
    try {
      await this.link.connect();
    } catch {
      this.setStatus({ state: 'offline', code: 'disconnected', detail: PAYMENT_MESSAGES.disconnected });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.link.drop();
    this.setStatus({ state: 'disabled' });
  }

  status(): DeviceStatus {
    return this.current;
  }

  onStatus(cb: (status: DeviceStatus) => void): Unsubscribe {
    return this.events.on('status', cb);
  }

  /** The unknown outcome is settled (answered, or found not booked): in memory and on disk. */
  private forget(): void {
    this.pending = null;
    this.journal?.clear();
  }

  unresolved(): UnknownOutcome | null {
    if (!this.pending) return null;
    const { operation, reference, amount, since } = this.pending;
    return { operation, reference, amount, since };
  }

  async authorize(req: AuthorizationRequest): Promise<PaymentOutcome> {
    return this.booking('payment', req.reference, req.amount, () => encodeAuthorization(req.amount, req.currencyNumeric));
  }

  async refund(req: RefundRequest): Promise<PaymentOutcome> {
    return this.booking('refund', req.reference, req.amount, () => encodeRefund(req.amount, req.currencyNumeric, this.password));
  }

  async reverse(req: ReversalRequest): Promise<PaymentOutcome> {
    const receiptNo = req.receiptNo ?? this.lastApproved?.receiptNo;
    if (receiptNo === undefined) return { status: 'declined', code: 'terminal_error', message: PAYMENT_MESSAGES.noLastPayment };
    const amount = req.receiptNo === undefined ? (this.lastApproved?.amount ?? 0) : 0;
    return this.booking('reversal', req.reference, amount, () => encodeReversal(receiptNo, this.password), receiptNo);
  }

  async abort(): Promise<boolean> {
    if (!this.inDialogue) return false;
    try {
      await this.link.send(ABORT_REQUEST);
      return true;
    } catch {
      return false;
    }
  }

  async enquireStatus(): Promise<TerminalReport> {
    return this.exclusive(async () => {
      const end = await this.command(encodePasswordCommand(ZVT.statusEnquiry, this.password), this.ackTimeoutMs * 2);
      if (end.kind === 'abort') return this.failure(end.resultCode);
      const { softwareVersion, terminalStatus } = parseStatusEnquiryCompletion(end.data);
      return { ok: true, ready: terminalStatus === 0, terminalStatus, softwareVersion };
    });
  }

  async endOfDay(): Promise<EndOfDayReport> {
    return this.exclusive(async () => {
      const end = await this.command(encodePasswordCommand(ZVT.endOfDay, this.password), this.timeoutMs);
      if (end.kind === 'abort') return this.failure(end.resultCode);
      if (end.info && end.info.resultCode !== RESULT.success) return this.failure(end.info.resultCode);
      return { ok: true, total: end.info?.amount ?? 0, ...(end.info?.trace ? { trace: end.info.trace } : {}) };
    });
  }

  async resolveUnknown(): Promise<Resolution | null> {
    const pending = this.pending;
    if (!pending) return null;
    if (pending.resolution) {
      this.forget();
      return pending.resolution;
    }
    if (this.busy || this.closed) {
      return { operation: pending.operation, reference: pending.reference, outcome: this.failed(this.closed ? 'disconnected' : 'busy') };
    }
    this.busy = true;
    try {
      const resolution = await this.resolve();
      if (resolution.outcome.status !== 'failed') this.forget();
      return resolution;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Settles an unknown outcome before another command: the same request again gets what the
   * terminal booked; a different one is refused while an approval waits to be claimed through
   * `resolveUnknown()`; when nothing was booked the way is free. Returns what to answer instead
   * of sending, or undefined to go on.
   */
  private async settlePending(operation: UnknownOutcome['operation'] | 'other', reference: string, amount: number): Promise<PaymentOutcome | undefined> {
    const pending = this.pending;
    if (!pending) return undefined;
    const resolution = pending.resolution ?? (await this.resolve());
    if (resolution.outcome.status === 'failed') return resolution.outcome;
    if (resolution.outcome.status === 'declined') {
      this.forget();
      return undefined;
    }
    if (resolution.operation === operation && resolution.reference === reference && resolution.outcome.amount === amount) {
      this.forget();
      return resolution.outcome;
    }
    pending.resolution = resolution;
    return { status: 'failed', code: 'unresolved', message: PAYMENT_MESSAGES.resolvedOther(resolution.reference) };
  }

  /**
   * Asks the terminal for its last receipt (Repeat Receipt, 06 20) until it answers or the budget
   * runs out. The last receipt is ours when it is an approval of our amount with a trace number
   * other than the last one seen before we sent the command.
   */
  private async resolve(): Promise<Resolution> {
    const pending = this.pending;
    if (!pending) throw new Error('resolve() without an unknown outcome');
    const deadline = Date.now() + this.resolveTimeoutMs;
    for (;;) {
      try {
        const end = await this.command(encodePasswordCommand(ZVT.repeatReceipt, this.password), Math.max(1, Math.min(this.timeoutMs, deadline - Date.now())), deadline);
        const info = end.kind === 'completion' ? end.info : undefined;
        const booked = info !== undefined && info.resultCode === RESULT.success && info.amount === pending.amount && info.trace !== pending.traceBefore;
        const outcome: PaymentOutcome = booked ? this.approved(info, pending.operation) : { status: 'declined', code: 'canceled', message: PAYMENT_MESSAGES.notBooked };
        return { operation: pending.operation, reference: pending.reference, outcome };
      } catch (error) {
        if (!(error instanceof DialogueError) && !(error instanceof LinkDown)) throw error;
        // Still busy with the command, or not reachable: drop the line and ask again.
        this.link.drop();
        if (Date.now() + this.retryDelayMs >= deadline) {
          return { operation: pending.operation, reference: pending.reference, outcome: { status: 'failed', code: 'unresolved', message: PAYMENT_MESSAGES.unresolved } };
        }
        await sleep(this.retryDelayMs);
      }
    }
  }

  /** Payment, refund or reversal: the commands whose outcome moves money, so an unknown outcome is kept. */
  private async booking(operation: UnknownOutcome['operation'], reference: string, amount: number, encode: () => Uint8Array, receiptNo?: string): Promise<PaymentOutcome> {
    if (this.busy) return this.failed('busy');
    if (this.closed) return this.failed('disconnected');
    let bytes: Uint8Array;
    try {
      bytes = encode();
    } catch (error) {
      return { status: 'failed', code: 'protocol', message: (error as Error).message };
    }
    this.busy = true;
    try {
      // The same request again gets what the terminal booked: never charge twice.
      const settled = await this.settlePending(operation, reference, amount);
      if (settled) return settled;
      const sentAt = new Date().toISOString();
      const traceBefore = this.lastTrace;
      // On disk before the command leaves: a till killed before the answer asks the terminal at start.
      this.journal?.save({ operation, reference, amount, traceBefore, receiptNo, sentAt });
      try {
        const end = await this.command(bytes, this.timeoutMs);
        this.journal?.clear();
        if (end.kind === 'abort') return this.declined(end.resultCode);
        if (end.info && end.info.resultCode !== RESULT.success) return this.declined(end.info.resultCode);
        return this.approved(end.info, operation);
      } catch (error) {
        const failure = error instanceof DialogueError ? error : new DialogueError('disconnected', PAYMENT_MESSAGES.disconnected);
        if (failure.accepted) this.pending = { operation, reference, amount, since: sentAt, traceBefore };
        // Never accepted by the terminal: nothing can have been booked.
        else this.journal?.clear();
        return { status: 'failed', code: failure.code, message: failure.message };
      }
    } finally {
      this.busy = false;
    }
  }

  /** Runs a status enquiry or end of day: one at a time, never before an unknown outcome is resolved. */
  private async exclusive<T extends TerminalReport | EndOfDayReport>(run: () => Promise<T>): Promise<T | Failure> {
    if (this.busy) return { ok: false, code: 'busy', message: PAYMENT_MESSAGES.busy };
    if (this.closed) return { ok: false, code: 'disconnected', message: PAYMENT_MESSAGES.disconnected };
    this.busy = true;
    try {
      const settled = await this.settlePending('other', '', 0);
      if (settled) return { ok: false, code: 'unresolved', message: settled.status === 'failed' ? settled.message : PAYMENT_MESSAGES.unresolved };
      return await run();
    } catch (error) {
      const failure = error instanceof DialogueError ? error : new DialogueError('disconnected', PAYMENT_MESSAGES.disconnected);
      if (failure.accepted) this.link.drop();
      return { ok: false, code: failure.code, message: failure.message };
    } finally {
      this.busy = false;
    }
  }

  /**
   * Sends a command and runs its dialogue. A busy terminal (84 9C) is asked again after a pause
   * until `retryUntil`; when the terminal accepted the command and then falls silent past the
   * budget, the ECR sends Abort (06 B0) and gives it one acknowledgement time to end the command.
   */
  private async command(bytes: Uint8Array, budgetMs: number, retryUntil = 0): Promise<DialogueEnd> {
    for (;;) {
      try {
        return await this.dialogue(bytes, budgetMs);
      } catch (error) {
        if (error instanceof DialogueError && error.code === 'busy' && Date.now() + this.retryDelayMs < retryUntil) {
          await sleep(this.retryDelayMs);
          continue;
        }
        throw error;
      }
    }
  }

  private async dialogue(bytes: Uint8Array, budgetMs: number): Promise<DialogueEnd> {
    try {
      await this.link.connect();
    } catch {
      throw new DialogueError('disconnected', PAYMENT_MESSAGES.disconnected);
    }
    const deadline = Date.now() + budgetMs;
    // From here on the cashier may abort: a 06 B0 that overtakes the terminal's acknowledgement is fine.
    this.inDialogue = true;
    try {
      return await this.converse(bytes, budgetMs, deadline);
    } finally {
      this.inDialogue = false;
    }
  }

  private async converse(bytes: Uint8Array, budgetMs: number, deadline: number): Promise<DialogueEnd> {
    await this.send(bytes);
    const ack = await this.receive(Math.min(this.ackTimeoutMs, budgetMs), false);
    if (!ack) {
      this.link.drop();
      throw new DialogueError('timeout', PAYMENT_MESSAGES.ackTimeout);
    }
    if (isCommand(ack, ZVT.nack)) {
      const code = ack.instr === RESULT.functionNotPossible || ack.instr === RESULT.busy ? 'busy' : 'protocol';
      throw new DialogueError(code, `${PAYMENT_MESSAGES[code]} (84 ${ack.instr.toString(16).padStart(2, '0')})`);
    }
    if (!isCommand(ack, ZVT.ack)) throw new DialogueError('protocol', PAYMENT_MESSAGES.protocol);

    let info: StatusInformation | undefined;
    let aborting = false;
    for (;;) {
      const wait = aborting ? this.ackTimeoutMs : deadline - Date.now();
      const apdu = wait > 0 ? await this.receive(wait, true) : undefined;
      if (!apdu) {
        if (aborting) {
          // The terminal did not end the command on our abort: its outcome is unknown.
          this.link.drop();
          throw new DialogueError('timeout', PAYMENT_MESSAGES.timeout, true);
        }
        aborting = true;
        await this.send(ABORT_REQUEST, true);
        continue;
      }
      // 80 00 00 / 84 xx 00 here answer our abort request: the terminal speaks next either way.
      if (isCommand(apdu, ZVT.ack) || isCommand(apdu, ZVT.nack)) continue;
      await this.send(ACK, true);
      if (isCommand(apdu, ZVT.statusInformation)) {
        info = parseStatusInformation(apdu.data);
        if (info.trace) this.lastTrace = info.trace;
      } else if (isCommand(apdu, ZVT.completion)) {
        return { kind: 'completion', info, data: apdu.data };
      } else if (isCommand(apdu, ZVT.abort)) {
        return { kind: 'abort', info, resultCode: apdu.data[0] ?? info?.resultCode ?? 0xff };
      }
      // 04 FF intermediate status, 06 D1 print lines and the rest: acknowledged above, nothing to keep.
    }
  }

  private async send(bytes: Uint8Array, accepted = false): Promise<void> {
    try {
      await this.link.send(bytes);
    } catch {
      throw new DialogueError('disconnected', PAYMENT_MESSAGES.disconnected, accepted);
    }
  }

  private async receive(ms: number, accepted: boolean) {
    try {
      return await this.link.receive(ms);
    } catch {
      throw new DialogueError(accepted ? 'timeout' : 'disconnected', accepted ? PAYMENT_MESSAGES.timeout : PAYMENT_MESSAGES.disconnected, accepted);
    }
  }

  private approved(info: StatusInformation | undefined, operation: UnknownOutcome['operation']): PaymentOutcome {
    const outcome: PaymentOutcome = {
      status: 'approved',
      amount: info?.amount ?? 0,
      scheme: info?.cardName || (info?.cardType !== undefined ? CARD_TYPES[info.cardType] : undefined) || 'UNKNOWN',
      maskedPan: maskPan(info?.pan),
      approvalCode: info?.approvalCode ?? '',
      terminalRef: [info?.terminalId, info?.trace].filter(Boolean).join('/'),
      ...(info?.receiptNo ? { receiptNo: info.receiptNo } : {}),
    };
    if (operation === 'payment') this.lastApproved = { receiptNo: info?.receiptNo, amount: outcome.amount };
    if (operation === 'reversal') this.lastApproved = undefined;
    return outcome;
  }

  private declined(resultCode: number): PaymentOutcome {
    const code = declineCode(resultCode);
    return { status: 'declined', code, message: PAYMENT_MESSAGES[code], resultCode };
  }

  private failure(resultCode: number): Failure {
    return { ok: false, code: 'declined', message: PAYMENT_MESSAGES[declineCode(resultCode)], resultCode };
  }

  private failed(code: FailureCode): PaymentOutcome {
    return { status: 'failed', code, message: PAYMENT_MESSAGES[code] };
  }

  private setStatus(status: DeviceStatus): void {
    if (status.state === this.current.state && status.code === this.current.code) return;
    this.current = status;
    this.events.emit('status', status);
  }
}
