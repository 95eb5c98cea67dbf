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
   * The dialogue broke. With `timeout` after sending, the outcome is unknown: the card may have been
   * charged. Resolving it by asking the terminal is issue #4; until then, the caller must not guess.
   */
  | { status: 'failed'; code: 'timeout' | 'disconnected' | 'busy' | 'protocol'; message: string };

/**
 * A card payment terminal driven by the till (ECR).
 *
 * Lifecycle: `open()` claims and enables the terminal (see Device); a network terminal that is not
 * reachable opens `offline` and is dialled again on the next authorization. One authorization at
 * a time: a second concurrent call fails with `busy`. `authorize()` never throws.
 */
export interface PaymentTerminal extends Device {
  open(): Promise<void>;
  close(): Promise<void>;
  status(): DeviceStatus;
  onStatus(cb: (status: DeviceStatus) => void): Unsubscribe;
  authorize(req: AuthorizationRequest): Promise<PaymentOutcome>;
}
