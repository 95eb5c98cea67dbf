/**
 * Tenders: how the customer pays. The app never holds a full card number:
 * only the scheme, the masked PAN, the approval code and the terminal's reference.
 */
export interface CardDetails {
  readonly scheme: string;
  readonly maskedPan: string;
  readonly approvalCode: string;
  readonly terminalRef: string;
}

export type Tender =
  | { readonly id: string; readonly kind: 'cash'; readonly amount: number }
  | { readonly id: string; readonly kind: 'card'; readonly amount: number; readonly card: CardDetails }
  /**
   * Loyalty points (one point pays one minor unit). claimId is the till's id for the centre's claim:
   * held online, or (offline, or the answer lost) taken by the ledger when the sale arrives, never twice.
   */
  | { readonly id: string; readonly kind: 'points'; readonly amount: number; readonly points: { readonly memberId: string; readonly claimId: string } };

export type TenderKind = Tender['kind'];

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
