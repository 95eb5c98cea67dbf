import type { Device, DeviceStatus, Unsubscribe } from '../device.ts';

export interface AuthorizationRequest {
  /** Amount in minor units of the currency (KRW has none: 12,000 won is 12000). */
  amount: number;
  /** ISO 4217 numeric currency code: 410 for KRW. */
  currencyNumeric: number;
  /** The till's reference for this payment (sale id), for the log and later reconciliation. */
  reference: string;
}

export type DeclineCode = 'declined' | 'canceled' | 'card_error' | 'terminal_error';

export type PaymentOutcome =
  | {
      status: 'approved';
      amount: number;
      scheme: string;
      /** Only the last four digits are ever visible: "****1234". The app never sees a full card number. */
      maskedPan: string;
      approvalCode: string;
      /** The terminal's reference for the transaction (terminal id / trace number). */
      terminalRef: string;
      receiptNo?: string;
    }
  /** A definite no: nothing was charged. `resultCode` is the terminal's own code. */
  | { status: 'declined'; code: DeclineCode; message: string; resultCode?: number }
  /**
   * The dialogue broke. `timeout` after the terminal accepted the command means the outcome is
   * unknown: the card may have been charged. The terminal keeps it as `unresolved()` and the next
   * operation (or `resolveUnknown()`) asks the terminal before anything else happens.
   * `unresolved`: an earlier unknown outcome could not be resolved yet (terminal still unreachable),
   * or it turned out approved for another reference; nothing new was sent.
   */
  | { status: 'failed'; code: 'timeout' | 'disconnected' | 'busy' | 'protocol' | 'unresolved'; message: string };

export interface RefundRequest {
  /** Amount to refund to the card, minor units. */
  amount: number;
  currencyNumeric: number;
  /** The till's reference for the refund (return id). */
  reference: string;
}

export interface ReversalRequest {
  /** The till's reference for the reversal (post-void id). */
  reference: string;
  /** The terminal receipt number of the payment to reverse; default: the last payment this driver saw approved. */
  receiptNo?: string;
}

/** An operation whose outcome the terminal has not told yet (the ECR timed out after it was accepted). */
export interface UnknownOutcome {
  operation: 'payment' | 'refund' | 'reversal';
  reference: string;
  amount: number;
  /** ISO instant the command was sent. */
  since: string;
}

/** An unknown outcome as kept across a restart: what was sent, and how to tell our booking from an older one. */
export interface KeptOperation {
  operation: UnknownOutcome['operation'];
  reference: string;
  amount: number;
  /** The last trace number the terminal gave before the command was sent; undefined when none was seen. */
  traceBefore?: string | undefined;
  /** The terminal's receipt number, when known before the answer (the receipt a reversal names). */
  receiptNo?: string | undefined;
  /** ISO instant the command was sent. */
  sentAt: string;
}

/**
 * Where a terminal keeps the operation it sent and has no answer to yet (the till's SQLite file). It
 * is written before the command goes out and cleared once the terminal's answer is known, so a till
 * killed in between knows at start that it must ask the terminal. Synchronous and durable.
 */
export interface OperationJournal {
  load(): KeptOperation | null;
  save(operation: KeptOperation): void;
  clear(): void;
}

/** What the terminal said about an unknown outcome: approved (it was booked) or declined (nothing was booked). */
export interface Resolution {
  operation: UnknownOutcome['operation'];
  reference: string;
  outcome: PaymentOutcome;
}

export type Failure = { ok: false; code: 'timeout' | 'disconnected' | 'busy' | 'protocol' | 'unresolved' | 'declined'; message: string; resultCode?: number };

export type TerminalReport = { ok: true; ready: boolean; terminalStatus: number; softwareVersion: string } | Failure;

export type EndOfDayReport = { ok: true; total: number; trace?: string } | Failure;

/**
 * A card payment terminal driven by the till (ECR).
 *
 * Lifecycle: `open()` claims and enables the terminal (see Device); a network terminal that is not
 * reachable opens `offline` and is dialled again on the next operation. One operation at a time:
 * a second concurrent call fails with `busy` (except `abort()`, which acts on the running one).
 * No method throws.
 *
 * Unknown outcomes: when the terminal accepted a payment, refund or reversal and then went silent,
 * the driver first asks it to abort; if the terminal does not end the command, the outcome is
 * kept as `unresolved()` and resolved by asking the terminal (repeat of the last receipt) before
 * any other command is sent. `authorize()` with the same reference as the unresolved payment
 * returns the resolved outcome instead of charging again, so calling it twice is safe.
 */
export interface PaymentTerminal extends Device {
  open(): Promise<void>;
  close(): Promise<void>;
  status(): DeviceStatus;
  onStatus(cb: (status: DeviceStatus) => void): Unsubscribe;
  authorize(req: AuthorizationRequest): Promise<PaymentOutcome>;
  refund(req: RefundRequest): Promise<PaymentOutcome>;
  /** Reverses (voids) a payment the terminal approved, by default the last one. */
  reverse(req: ReversalRequest): Promise<PaymentOutcome>;
  /** Asks the terminal to abort the running payment; true when the request was sent. */
  abort(): Promise<boolean>;
  /** Asks the terminal whether it is ready (status enquiry). */
  enquireStatus(): Promise<TerminalReport>;
  /** Closes the terminal's day (settlement); the total the terminal booked. */
  endOfDay(): Promise<EndOfDayReport>;
  /** The operation whose outcome is unknown, if any; cheap, never does I/O. */
  unresolved(): UnknownOutcome | null;
  /** Asks the terminal about the unknown outcome; null when there is none. */
  resolveUnknown(): Promise<Resolution | null>;
}
