import type { LocalizedText } from '../product.ts';
import { type Result, fail, ok } from '../result.ts';

/** A line of the original sale, as either this till's journal or the central API knows it. */
export interface OriginalLine {
  readonly lineId: string;
  readonly productId: string;
  readonly barcode: string;
  readonly name: LocalizedText;
  readonly taxClass: string;
  readonly unitPrice: number;
  readonly quantity: number;
  /** Promotions and manual discounts on the line (basket savings already spread onto it). */
  readonly discount: number;
  readonly voided: boolean;
}

/** What earlier returns (on any till) took back from one original line. */
export interface EarlierReturn {
  readonly originalLineId: string;
  readonly quantity: number;
  readonly refund: number;
}

export interface ReturnableLine {
  readonly line: OriginalLine;
  /** What the customer paid for the whole line: unit price x quantity less its discount. */
  readonly paid: number;
  readonly returned: number;
  readonly refunded: number;
  /** Units still returnable. */
  readonly returnable: number;
}

export type ReturnableError = 'line_unknown' | 'quantity_invalid' | 'over_return';

export const RETURNABLE_MESSAGES = {
  lineUnknown: (lineId: string) => `line ${lineId} is not on the original sale (or was voided)`,
  quantity: 'a return quantity is a whole number of at least 1',
  overReturn: (returnable: number) => `only ${returnable} of this item can still be returned`,
} as const;

/** What is still returnable of each live line: sold quantities less earlier returns. */
export function returnableLines(lines: readonly OriginalLine[], earlier: readonly EarlierReturn[]): ReturnableLine[] {
  return lines
    .filter((l) => !l.voided)
    .map((line) => {
      const mine = earlier.filter((e) => e.originalLineId === line.lineId);
      const returned = mine.reduce((a, e) => a + e.quantity, 0);
      const refunded = mine.reduce((a, e) => a + e.refund, 0);
      return { line, paid: line.unitPrice * line.quantity - line.discount, returned, refunded, returnable: Math.max(0, line.quantity - returned) };
    });
}

/**
 * The refund for `quantity` more units of a line. Units are priced cumulatively, floor(paid x k / sold)
 * for the first k units, so the discount is apportioned over every unit, the units of one line add
 * up to exactly what was paid for it, and no sequence of partial returns ever refunds more than that.
 */
export function refundFor(r: ReturnableLine, quantity: number): Result<number, ReturnableError> {
  if (!Number.isSafeInteger(quantity) || quantity < 1) return fail('quantity_invalid', RETURNABLE_MESSAGES.quantity);
  if (quantity > r.returnable) return fail('over_return', RETURNABLE_MESSAGES.overReturn(r.returnable));
  const sold = r.line.quantity;
  const upTo = (k: number): number => (k >= sold ? r.paid : Math.floor((r.paid * k) / sold));
  const after = r.returned + quantity;
  const share = after >= sold ? r.paid - r.refunded : upTo(after) - upTo(r.returned);
  return ok(Math.max(0, Math.min(share, r.paid - r.refunded)));
}

/** Picks a line and prices its return; the error says why it cannot be returned. */
export function priceReturnLine(lines: readonly ReturnableLine[], lineId: string, quantity: number): Result<{ line: ReturnableLine; refund: number }, ReturnableError> {
  const line = lines.find((l) => l.line.lineId === lineId);
  if (!line) return fail('line_unknown', RETURNABLE_MESSAGES.lineUnknown(lineId));
  const refund = refundFor(line, quantity);
  return refund.ok ? ok({ line, refund: refund.value }) : refund;
}
