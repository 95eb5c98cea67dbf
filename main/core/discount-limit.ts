/**
 * How much a role may give away by hand, in basis points of what the discount applies to
 * (1000 = 10%). Anything over the limit needs someone whose limit covers it (a supervisor's PIN).
 * Configuration, not code: these are the defaults.
 */
export type DiscountLimits = Readonly<Record<string, number>>;

export const DEFAULT_DISCOUNT_LIMITS: DiscountLimits = { cashier: 1000, supervisor: 3000, manager: 10000 };

/** The share of `base` a discount takes, in basis points, rounded up so a limit is never exceeded by rounding. */
export function discountShareBps(kind: 'percent' | 'amount', value: number, base: number): number {
  if (kind === 'percent') return value;
  if (base <= 0) return value > 0 ? 10000 : 0;
  return Math.ceil((value * 10000) / base);
}

export const withinLimit = (limits: DiscountLimits, role: string, shareBps: number): boolean => shareBps <= (limits[role] ?? 0);

/** Price overrides: only roles whose limit is at least this may override without approval. */
export const OVERRIDE_WITHOUT_APPROVAL_BPS = 3000;
