import type { LocalizedText } from '../product.ts';
import type { CardDetails } from '../tender.ts';
import { type TaxRules, breakDownTax } from '../tax.ts';
import { money } from '../money.ts';
import { type Result, fail, ok } from '../result.ts';
import type { Disposition, ItemCondition } from './return-policy.ts';

/** A line taken back: what it refunds, and where the item goes. */
export interface ReturnLine {
  readonly lineId: string;
  /** The line of the original sale; null for a receipt-less return. */
  readonly originalLineId: string | null;
  readonly productId: string;
  readonly barcode: string;
  readonly name: LocalizedText;
  readonly taxClass: string;
  readonly quantity: number;
  /** The original line's quantity (null receipt-less): the journal refuses returns beyond it. */
  readonly soldQuantity: number | null;
  readonly refund: number;
  readonly condition: ItemCondition;
  readonly disposition: Disposition;
}

/** Money given back. `originalTenderId` is the tender of the original sale it goes back to. */
export type RefundTender =
  | { readonly id: string; readonly kind: 'cash'; readonly amount: number; readonly originalTenderId: string | null }
  | { readonly id: string; readonly kind: 'card'; readonly amount: number; readonly originalTenderId: string | null; readonly card: CardDetails }
  /** Back to an online order's payment, through the central API (queued in the outbox while offline). */
  | { readonly id: string; readonly kind: 'online'; readonly amount: number; readonly originalTenderId: string | null; readonly online: { readonly method: string; readonly reference: string } }
  /**
   * What a gift card or store credit paid goes back as store credit, onto the same central account
   * (never as cash): credited by the central API when the return reaches it (queued while offline).
   */
  | { readonly id: string; readonly kind: 'storeCredit'; readonly amount: number; readonly originalTenderId: string | null; readonly storedValue: { readonly accountId: string; readonly maskedNumber: string } };

/** The sale a return refers to, and where it was found. */
export interface OriginalRef {
  readonly saleId: string;
  readonly receiptNumber: string;
  readonly soldAt: string;
  /** 'till': this till's journal; 'central': another till's sale found through the central API; 'order': an online order. */
  readonly source: 'till' | 'central' | 'order';
}

export interface ReturnTotals {
  /** The refund: what goes back to the customer. */
  readonly total: number;
  readonly itemCount: number;
  /** Supply value, VAT and tax-free amounts reversed by this return. */
  readonly taxableSupply: number;
  readonly tax: number;
  readonly taxFree: number;
}

/** A return as rung, before it has a number. */
export interface ReturnDraft {
  readonly id: string;
  readonly staffId: string;
  /** The supervisor who approved (receipt-less returns, policy overrides), else null. */
  readonly approvedBy: string | null;
  readonly original: OriginalRef | null;
  readonly currency: string;
  readonly lines: readonly ReturnLine[];
  readonly tenders: readonly RefundTender[];
}

/** A finished return: a journal entry of its own, never an update of the sale it refers to. */
export interface CompletedReturn extends ReturnDraft {
  /** The return's own number (store-till-R-sequence), printed as the barcode of its receipt. */
  readonly receiptNumber: string;
  readonly sequence: number;
  readonly storeId: string;
  readonly tillId: string;
  readonly businessDay: string;
  readonly completedAt: string;
  readonly totals: ReturnTotals;
}

export type ReturnError = 'return_empty' | 'refund_mismatch' | 'amount_invalid';

export const RETURN_MESSAGES = {
  empty: 'a return takes back at least one item',
  mismatch: (refund: number, tendered: number) => `the refund tenders give back ${tendered}, the lines refund ${refund}`,
  amount: 'refunds are whole amounts of 0 or more',
} as const;

export function returnTotals(lines: readonly ReturnLine[], rules: TaxRules, currency: string): ReturnTotals {
  const tax = breakDownTax(lines.map((l) => ({ taxClass: l.taxClass, gross: money(l.refund, currency) })), rules, currency);
  return {
    total: lines.reduce((a, l) => a + l.refund, 0),
    itemCount: lines.reduce((a, l) => a + l.quantity, 0),
    taxableSupply: tax.taxableSupply.minor,
    tax: tax.tax.minor,
    taxFree: tax.taxFree.minor,
  };
}

export interface ReturnFacts {
  readonly receiptNumber: string;
  readonly sequence: number;
  readonly storeId: string;
  readonly tillId: string;
  readonly businessDay: string;
  readonly completedAt: string;
}

/** Completes a return: it takes something back, and its refund tenders give back exactly what its lines refund. */
export function completeReturn(draft: ReturnDraft, facts: ReturnFacts, rules: TaxRules): Result<CompletedReturn, ReturnError> {
  if (draft.lines.length === 0) return fail('return_empty', RETURN_MESSAGES.empty);
  if ([...draft.lines.map((l) => l.refund), ...draft.tenders.map((t) => t.amount)].some((a) => !Number.isSafeInteger(a) || a < 0)) {
    return fail('amount_invalid', RETURN_MESSAGES.amount);
  }
  const totals = returnTotals(draft.lines, rules, draft.currency);
  const tendered = draft.tenders.reduce((a, t) => a + t.amount, 0);
  if (tendered !== totals.total) return fail('refund_mismatch', RETURN_MESSAGES.mismatch(totals.total, tendered));
  return ok({ ...draft, ...facts, totals });
}

/** Return numbers are for people, and never collide with sale receipt numbers: 0001-01-R000042. */
export function returnNumberOf(storeCode: string, tillNumber: string, sequence: number): string {
  return `${storeCode}-${tillNumber}-R${String(sequence).padStart(6, '0')}`;
}
