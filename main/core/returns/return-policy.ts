import { type Result, fail, ok } from '../result.ts';

/** The state the item comes back in, as the cashier sees it. */
export type ItemCondition = 'unopened' | 'opened' | 'faulty';
/** Where a returned item goes: back on the shelf, or written off as damaged. */
export type Disposition = 'restock' | 'damaged';

/**
 * The store's return policy, as configuration (till.json `returnPolicy`): how many days after the
 * sale each category may come back, which categories only come back unopened (unless faulty), and
 * whether and how an item may come back without its receipt.
 */
export interface ReturnPolicy {
  readonly defaultDays: number;
  readonly daysByCategory: Readonly<Record<string, number>>;
  /** Categories accepted only unopened (a faulty item is always accepted). */
  readonly unopenedOnly: readonly string[];
  /** Categories never taken back (except faulty). */
  readonly noReturn: readonly string[];
  readonly receiptless: {
    readonly allowed: boolean;
    /** Priced at the lowest shelf price of this many days back. */
    readonly lookbackDays: number;
  };
}

export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  defaultDays: 30,
  daysByCategory: { fresh: 3, bakery: 1, meat: 3, seafood: 1, produce: 3, dairy: 7 },
  unopenedOnly: ['alcohol', 'tobacco', 'health'],
  noReturn: [],
  receiptless: { allowed: true, lookbackDays: 30 },
};

export type PolicyError = 'return_window_passed' | 'condition_refused' | 'receiptless_not_allowed';

export const POLICY_MESSAGES = {
  window: (days: number) => `this item can be returned within ${days} days of the sale`,
  unopened: 'this item is taken back only unopened (or faulty)',
  noReturn: 'this item is not taken back (unless faulty)',
  receiptless: 'this store does not take returns without a receipt',
} as const;

const DAY_MS = 86_400_000;

export const daysAllowed = (policy: ReturnPolicy, category: string): number => policy.daysByCategory[category] ?? policy.defaultDays;

/** Is an item of this category, sold at `soldAt`, in this condition, returnable at `now`? */
export function checkReturn(policy: ReturnPolicy, category: string, soldAt: string, now: Date, condition: ItemCondition): Result<true, PolicyError> {
  const faulty = condition === 'faulty';
  if (!faulty && policy.noReturn.includes(category)) return fail('condition_refused', POLICY_MESSAGES.noReturn);
  if (!faulty && condition !== 'unopened' && policy.unopenedOnly.includes(category)) return fail('condition_refused', POLICY_MESSAGES.unopened);
  const days = daysAllowed(policy, category);
  if (now.getTime() - Date.parse(soldAt) > days * DAY_MS) return fail('return_window_passed', POLICY_MESSAGES.window(days));
  return ok(true);
}

/** The unit price of a receipt-less return: the lowest shelf price the product had in the last N days. */
export function receiptlessUnitPrice(current: number, history: readonly { price: number; until: string }[], now: Date, lookbackDays: number): number {
  const since = now.getTime() - lookbackDays * DAY_MS;
  return history.filter((h) => Date.parse(h.until) >= since).reduce((low, h) => Math.min(low, h.price), current);
}

/** A faulty or damaged item never goes back on the shelf. */
export const dispositionFor = (condition: ItemCondition, chosen: Disposition): Disposition => (condition === 'faulty' ? 'damaged' : chosen);
