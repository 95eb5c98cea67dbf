/**
 * The points programme as configuration (the store config key `loyalty.programme`): what a paid
 * amount earns, by tier, and what never earns. One point is worth one minor unit when redeemed.
 */
export interface LoyaltyProgramme {
  /** Points per paid amount in basis points: 100 = 1% of the paid amount. */
  readonly earnRateBps: number;
  /** Tier multipliers in basis points (10000 = x1); a tier not listed earns x1. */
  readonly tierMultiplierBps: Readonly<Record<string, number>>;
  /** Products that never earn (gift cards, tobacco by law...). */
  readonly excludedProductIds: readonly string[];
  /** Tax classes that never earn. */
  readonly excludedTaxClasses: readonly string[];
  /** The smallest redemption (points). */
  readonly minRedeem: number;
}

export const DEFAULT_PROGRAMME: LoyaltyProgramme = {
  earnRateBps: 100,
  tierMultiplierBps: { BASIC: 10000, SILVER: 15000, GOLD: 20000, VIP: 30000 },
  excludedProductIds: [],
  excludedTaxClasses: [],
  minRedeem: 100,
};

export interface EarnLine {
  readonly productId: string;
  readonly taxClass: string;
  /** The line's amount after promotions and discounts. */
  readonly net: number;
  readonly voided: boolean;
}

/**
 * Points earned on a sale: the eligible lines' net, less what was paid with points (points do not
 * earn points), times the rate and the tier's multiplier, rounded down (never a fraction of a point).
 */
export function earnPoints(programme: LoyaltyProgramme, tier: string, lines: readonly EarnLine[], paidWithPoints: number): number {
  const excludedProducts = new Set(programme.excludedProductIds);
  const excludedClasses = new Set(programme.excludedTaxClasses);
  const eligible = lines
    .filter((l) => !l.voided && !excludedProducts.has(l.productId) && !excludedClasses.has(l.taxClass))
    .reduce((a, l) => a + Math.max(0, l.net), 0);
  const base = Math.max(0, eligible - Math.max(0, paidWithPoints));
  const multiplier = programme.tierMultiplierBps[tier] ?? 10000;
  // Integer arithmetic: base x rate x multiplier stays far below 2^53 for any real basket.
  return Math.floor((base * programme.earnRateBps * multiplier) / 100_000_000);
}
