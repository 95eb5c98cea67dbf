import type { LocalizedText } from '../product.ts';
import type { CouponTerms } from '../coupons/barcode-coupon.ts';

/**
 * A promotion as data (from the central API's promotions stream). Item-level rules compete for
 * units: a unit takes at most one item promotion. Basket-level rules apply to what is left;
 * a non-stackable basket rule excludes the other non-stackable ones (the best one wins),
 * stackable ones apply on top.
 */
export type PromotionRule =
  /** N+M: buy N, get M free (1+1, 2+1), across every product of the group; the cheapest units of a set are free. */
  | { readonly kind: 'buy_n_get_m'; readonly buy: number; readonly free: number; readonly productIds: readonly string[] }
  /** Percent off each unit of a product or a group (basis points: 1000 = 10%). */
  | { readonly kind: 'item_percent'; readonly percentBps: number; readonly productIds: readonly string[] }
  /** An amount off each unit (minor units). */
  | { readonly kind: 'item_amount'; readonly amountOff: number; readonly productIds: readonly string[] }
  /** Any `quantity` units of the group for `price`. */
  | { readonly kind: 'bundle_price'; readonly quantity: number; readonly price: number; readonly productIds: readonly string[] }
  /** "10,000 KRW off over 50,000": an amount off the basket from a threshold. */
  | { readonly kind: 'basket_threshold'; readonly minTotal: number; readonly amountOff: number }
  /** Percent off the basket, optionally from a threshold. */
  | { readonly kind: 'basket_percent'; readonly percentBps: number; readonly minTotal: number };

export interface Promotion {
  readonly id: string;
  readonly name: LocalizedText;
  /** ISO instants; absent = open-ended. Time-boxed promotions apply from startsAt (inclusive) to endsAt (exclusive). */
  readonly startsAt?: string | undefined;
  readonly endsAt?: string | undefined;
  readonly memberOnly?: boolean | undefined;
  /** Basket rules only: applies on top of the best non-stackable basket rule. */
  readonly stackable?: boolean | undefined;
  /** Applies only when the live lines' shelf total reaches it (a coupon's minimum spend). */
  readonly minSpend?: number | undefined;
  /** A coupon by barcode (main/core/coupons): never applies by itself, only once scanned onto a sale. */
  readonly coupon?: CouponTerms | undefined;
  readonly rule: PromotionRule;
}

export const isItemRule = (r: PromotionRule): boolean => r.kind !== 'basket_threshold' && r.kind !== 'basket_percent';

/** Whether a promotion applies at an instant, for a customer who is (or is not) an identified member. */
export function promotionApplies(p: Promotion, at: string, isMember: boolean): boolean {
  if (p.memberOnly && !isMember) return false;
  const t = Date.parse(at);
  if (p.startsAt !== undefined && t < Date.parse(p.startsAt)) return false;
  if (p.endsAt !== undefined && t >= Date.parse(p.endsAt)) return false;
  return true;
}

/** Rules that make no sense are refused when the promotion is read, not discovered at the till. */
export function promotionProblem(p: Promotion): string | null {
  const r = p.rule;
  const whole = (n: number): boolean => Number.isSafeInteger(n);
  switch (r.kind) {
    case 'buy_n_get_m':
      return whole(r.buy) && whole(r.free) && r.buy >= 1 && r.free >= 1 && r.productIds.length > 0 ? null : 'N+M needs buy >= 1, free >= 1 and products';
    case 'item_percent':
      return whole(r.percentBps) && r.percentBps > 0 && r.percentBps <= 10000 && r.productIds.length > 0 ? null : 'percent must be 1..10000 bps with products';
    case 'item_amount':
      return whole(r.amountOff) && r.amountOff > 0 && r.productIds.length > 0 ? null : 'amount off must be positive with products';
    case 'bundle_price':
      return whole(r.quantity) && whole(r.price) && r.quantity >= 2 && r.price >= 0 && r.productIds.length > 0 ? null : 'a bundle needs quantity >= 2, a price and products';
    case 'basket_threshold':
      return whole(r.minTotal) && whole(r.amountOff) && r.amountOff > 0 && r.minTotal >= r.amountOff ? null : 'a threshold needs amountOff > 0 and minTotal >= amountOff';
    case 'basket_percent':
      return whole(r.percentBps) && whole(r.minTotal) && r.percentBps > 0 && r.percentBps <= 10000 && r.minTotal >= 0 ? null : 'percent must be 1..10000 bps';
  }
}
