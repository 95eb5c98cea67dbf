import type { CompletedSale, SaleTotals } from './sale.ts';
import type { CardDetails } from './tender.ts';
import { paidPerTender } from './returns/refund-split.ts';
import { type Result, fail, ok } from './result.ts';

/**
 * Post-void: a finished sale undone as a whole, by a supervisor, as its own journal entry (the sale
 * itself is a fact and never changes). Every tender goes back where it came from: a card by the
 * terminal's reversal when it was the terminal's last transaction, else a refund on the terminal;
 * the cash kept out of the drawer; points through the centre.
 */

/** When a sale may still be post-voided (store config `postVoid.policy`). */
export interface PostVoidPolicy {
  /** Only sales of the open business day (a sale of a closed day is a return's business). */
  readonly sameBusinessDay: boolean;
  /** At most this many minutes after the sale; null: no limit within the day. */
  readonly maxAgeMinutes: number | null;
}

export const DEFAULT_POST_VOID_POLICY: PostVoidPolicy = { sameBusinessDay: true, maxAgeMinutes: null };

export type PostVoidError = 'void_other_till' | 'void_other_day' | 'void_too_old' | 'void_already' | 'void_returned';

export const POST_VOID_MESSAGES = {
  otherTill: 'only a sale of this till can be post-voided here',
  otherDay: (day: string, today: string) => `the sale is of business day ${day}, not today's (${today}): take it back as a return instead`,
  tooOld: (minutes: number) => `a sale can be post-voided up to ${minutes} minutes after it was rung: take it back as a return instead`,
  already: (voidNumber: string) => `this sale was already post-voided (${voidNumber})`,
  returned: 'part of this sale was already returned: a post-void would give back more than is left; return the rest instead',
} as const;

export interface PostVoidCheck {
  readonly sale: CompletedSale;
  readonly tillId: string;
  /** Today's business day (the open shift's, or the store's date). */
  readonly businessDay: string;
  readonly now: Date;
  readonly policy: PostVoidPolicy;
  /** The number of an earlier post-void of the sale, if any. */
  readonly voidedBy: string | null;
  /** Whether any return of the sale exists (on this till, or pending). */
  readonly returned: boolean;
}

/** Whether a finished sale may be post-voided now. Pure. */
export function checkPostVoid(c: PostVoidCheck): Result<true, PostVoidError> {
  if (c.voidedBy !== null) return fail('void_already', POST_VOID_MESSAGES.already(c.voidedBy));
  if (c.sale.tillId !== c.tillId) return fail('void_other_till', POST_VOID_MESSAGES.otherTill);
  if (c.returned) return fail('void_returned', POST_VOID_MESSAGES.returned);
  if (c.policy.sameBusinessDay && c.sale.businessDay !== c.businessDay) return fail('void_other_day', POST_VOID_MESSAGES.otherDay(c.sale.businessDay, c.businessDay));
  if (c.policy.maxAgeMinutes !== null && c.now.getTime() - Date.parse(c.sale.completedAt) > c.policy.maxAgeMinutes * 60_000) {
    return fail('void_too_old', POST_VOID_MESSAGES.tooOld(c.policy.maxAgeMinutes));
  }
  return ok(true);
}

/** One tender of the sale given back. `method` says how a card went back: reversal (voided on the terminal) or refund. */
export type VoidTender =
  | { readonly id: string; readonly kind: 'cash'; readonly amount: number; readonly originalTenderId: string }
  | { readonly id: string; readonly kind: 'card'; readonly amount: number; readonly originalTenderId: string; readonly method: 'reversal' | 'refund'; readonly card: CardDetails }
  | { readonly id: string; readonly kind: 'points'; readonly amount: number; readonly originalTenderId: string; readonly points: { readonly memberId: string; readonly claimId: string } };

/** What goes back per tender: the amount each kept (cash less the change handed back), in the sale's order. */
export function voidAmounts(sale: Pick<CompletedSale, 'tenders' | 'change'>): { tenderId: string; kind: string; amount: number }[] {
  return paidPerTender(sale.tenders, sale.change).map((p) => ({ tenderId: p.tenderId, kind: p.kind, amount: p.paid }));
}

/** A post-void as the journal keeps it: its own entry, numbered apart (store-till-V-sequence). */
export interface CompletedPostVoid {
  readonly id: string;
  readonly voidNumber: string;
  readonly sequence: number;
  readonly original: { readonly saleId: string; readonly receiptNumber: string; readonly completedAt: string; readonly businessDay: string };
  readonly businessDay: string;
  readonly staffId: string;
  readonly approvedBy: string;
  readonly completedAt: string;
  readonly currency: string;
  /** The sale's totals, given back whole (the void receipt prints them reversed). */
  readonly totals: SaleTotals;
  readonly tenders: readonly VoidTender[];
  /** A member's sale: what the centre's ledger takes back (earned points out, redeemed points in, coupons freed). */
  readonly loyalty?: { readonly memberId: string; readonly pointsEarned: number; readonly pointsRedeemed: number; readonly couponIds: readonly string[] } | undefined;
}

export type PostVoidDraft = Omit<CompletedPostVoid, 'voidNumber' | 'sequence' | 'businessDay' | 'completedAt'>;

/** The draft of a post-void of `sale` with the tenders given back; checks that every won the sale kept goes back. */
export function postVoidDraft(sale: CompletedSale, id: string, staffId: string, approvedBy: string, tenders: readonly VoidTender[]): Result<PostVoidDraft, 'void_unbalanced'> {
  const back = tenders.reduce((a, t) => a + t.amount, 0);
  if (back !== sale.totals.total) return fail('void_unbalanced', `the tenders give back ${back}, the sale kept ${sale.totals.total}`);
  return ok({
    id,
    original: { saleId: sale.id, receiptNumber: sale.receiptNumber, completedAt: sale.completedAt, businessDay: sale.businessDay },
    staffId,
    approvedBy,
    currency: sale.currency,
    totals: sale.totals,
    tenders,
    ...(sale.loyalty
      ? { loyalty: { memberId: sale.loyalty.memberId, pointsEarned: sale.loyalty.pointsEarned, pointsRedeemed: sale.loyalty.pointsRedeemed, couponIds: [...sale.loyalty.couponIds] } }
      : {}),
  });
}

/** Void numbers are for people, like receipt numbers: 0001-01-V000001. */
export const voidNumberOf = (storeCode: string, tillNumber: string, sequence: number): string => `${storeCode}-${tillNumber}-V${String(sequence).padStart(6, '0')}`;
