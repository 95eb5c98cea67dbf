/**
 * Tenders: how the customer pays. The app never holds a full card number:
 * only the scheme, the masked PAN, the approval code and the terminal's reference.
 * Gift cards, store credit and mobile payments keep only a masked number or token likewise.
 */
export interface CardDetails {
  readonly scheme: string;
  readonly maskedPan: string;
  readonly approvalCode: string;
  readonly terminalRef: string;
  /**
   * 할부: months the cardholder pays over (2-12), 0 for 일시불 (a single payment). Absent on card
   * payments taken before instalments were asked (they were single payments).
   */
  readonly instalmentMonths?: number;
}

/**
 * A gift card or a store-credit account: its balance is held by the central API and a sale takes
 * from it through a claim (claimId), which the centre settles once when the sale arrives.
 */
export interface StoredValueDetails {
  /** The centre's id of the account (opaque: not the card number). */
  readonly accountId: string;
  /** ****1234: the till never keeps the whole number. */
  readonly maskedNumber: string;
  readonly claimId: string;
  /** What the centre said is left on the card after this tender (printed on the receipt). */
  readonly balanceAfter: number;
}

/** A mobile payment authorised through the central API by the customer's one-time barcode. */
export interface MobileDetails {
  /** KAKAOPAY, NAVERPAY, ... as the payment provider named itself. */
  readonly provider: string;
  /** The barcode masked (****1234): the one-time token itself is never kept. */
  readonly maskedToken: string;
  readonly approvalCode: string;
  /** The till's idempotency key of the authorisation (asking again never charges twice). */
  readonly paymentId: string;
}

export type Tender =
  | { readonly id: string; readonly kind: 'cash'; readonly amount: number }
  | { readonly id: string; readonly kind: 'card'; readonly amount: number; readonly card: CardDetails }
  /**
   * Loyalty points (one point pays one minor unit). claimId is the till's id for the centre's claim:
   * held online, or (offline, or the answer lost) taken by the ledger when the sale arrives, never twice.
   */
  | { readonly id: string; readonly kind: 'points'; readonly amount: number; readonly points: { readonly memberId: string; readonly claimId: string } }
  | { readonly id: string; readonly kind: 'giftCard'; readonly amount: number; readonly storedValue: StoredValueDetails }
  | { readonly id: string; readonly kind: 'storeCredit'; readonly amount: number; readonly storedValue: StoredValueDetails }
  | { readonly id: string; readonly kind: 'mobile'; readonly amount: number; readonly mobile: MobileDetails };

export type TenderKind = Tender['kind'];

export type StoredValueTender = Extract<Tender, { kind: 'giftCard' | 'storeCredit' }>;

export const isStoredValue = (t: Tender): t is StoredValueTender => t.kind === 'giftCard' || t.kind === 'storeCredit';

/** Only cash can be handed over in excess (the difference is change); every other tender pays at most what is due. */
export const mayExceedDue = (kind: TenderKind): boolean => kind === 'cash';

export interface PaymentState {
  readonly total: number;
  readonly paid: number;
  /** What the customer still owes; 0 once paid. */
  readonly due: number;
  /** Cash handed back; only cash can be over-tendered. */
  readonly change: number;
  readonly complete: boolean;
}

export function paymentState(total: number, tenders: readonly Tender[]): PaymentState {
  const paid = tenders.reduce((a, t) => a + t.amount, 0);
  const over = paid - total;
  return {
    total,
    paid,
    due: Math.max(0, total - paid),
    change: over > 0 ? over : 0,
    complete: paid >= total && tenders.length > 0,
  };
}

/** Masks a card, gift card or barcode number as receipts show it: ****1234 (the last four digits). */
export function maskNumber(number: string): string {
  const digits = number.replace(/\D/g, '');
  return `****${digits.slice(-4)}`;
}

/** The journal's columns of a tender (scheme or provider, masked number, approval, the reference behind it), for any kind. */
export function tenderRecord(t: Tender): { scheme: string | null; maskedNumber: string | null; approvalCode: string | null; reference: string | null } {
  switch (t.kind) {
    case 'card':
      return { scheme: t.card.scheme, maskedNumber: t.card.maskedPan, approvalCode: t.card.approvalCode, reference: t.card.terminalRef };
    case 'giftCard':
    case 'storeCredit':
      return { scheme: null, maskedNumber: t.storedValue.maskedNumber, approvalCode: null, reference: t.storedValue.claimId };
    case 'mobile':
      return { scheme: t.mobile.provider, maskedNumber: t.mobile.maskedToken, approvalCode: t.mobile.approvalCode, reference: t.mobile.paymentId };
    default:
      return { scheme: null, maskedNumber: null, approvalCode: null, reference: null };
  }
}
