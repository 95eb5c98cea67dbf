import { type Result, fail, ok } from '../result.ts';

/** A tender of the original sale and what has already gone back to it. */
export interface OriginalTender {
  readonly tenderId: string;
  readonly kind: string;
  /** What the customer actually paid with it (for cash: less the change given). */
  readonly paid: number;
  readonly refundedBefore: number;
}

export interface RefundPart {
  readonly tenderId: string;
  readonly kind: string;
  readonly amount: number;
}

export const REFUND_SPLIT_MESSAGES = {
  exceeds: (refund: number, room: number) => `the refund ${refund} is more than the ${room} still refundable to the original tenders`,
  invalid: 'a refund is a whole amount of at least 0',
} as const;

/** What was paid per tender: the change given comes out of the cash tenders, the last one first. */
export function paidPerTender(tenders: readonly { id: string; kind: string; amount: number }[], change: number): { tenderId: string; kind: string; paid: number }[] {
  let left = change;
  const paid = tenders.map((t) => ({ tenderId: t.id, kind: t.kind, paid: t.amount }));
  for (let i = paid.length - 1; i >= 0 && left > 0; i--) {
    const p = paid[i];
    if (!p || p.kind !== 'cash') continue;
    const take = Math.min(left, p.paid);
    paid[i] = { ...p, paid: p.paid - take };
    left -= take;
  }
  return paid;
}

/**
 * Splits a refund over the original tenders: cards and other non-cash payments first, in the order
 * they were taken (money goes back where it came from, not out of the drawer), then cash.
 * No tender gets back more than it paid less what earlier returns gave back to it.
 */
export function splitRefund(refund: number, tenders: readonly OriginalTender[]): Result<RefundPart[], 'refund_exceeds_paid' | 'amount_invalid'> {
  if (!Number.isSafeInteger(refund) || refund < 0) return fail('amount_invalid', REFUND_SPLIT_MESSAGES.invalid);
  const order = [...tenders.filter((t) => t.kind !== 'cash'), ...tenders.filter((t) => t.kind === 'cash')];
  const room = order.reduce((a, t) => a + Math.max(0, t.paid - t.refundedBefore), 0);
  if (refund > room) return fail('refund_exceeds_paid', REFUND_SPLIT_MESSAGES.exceeds(refund, room));
  const parts: RefundPart[] = [];
  let left = refund;
  for (const t of order) {
    if (left === 0) break;
    const amount = Math.min(left, Math.max(0, t.paid - t.refundedBefore));
    if (amount > 0) parts.push({ tenderId: t.tenderId, kind: t.kind, amount });
    left -= amount;
  }
  return ok(parts);
}
