import type { LocalizedText } from '../product.ts';
import type { Promotion, PromotionRule } from '../pricing/promotion.ts';

/** A personal coupon from the coupon stream: a member's own offer, priced by the pricing engine. */
export interface PersonalCoupon {
  readonly id: string;
  readonly memberId: string;
  readonly name: LocalizedText;
  readonly rule: PromotionRule;
  readonly expiresAt: string | null;
  /** Used on a sale (here or anywhere the centre knows of): never applied again. */
  readonly used: boolean;
}

/** Promotions made from coupons carry this prefix, so the sale knows which coupons gave a saving. */
export const COUPON_PREFIX = 'coupon:';

/** A coupon as a member-only promotion: the engine prices it like any other, and shows it as a saving. */
export function couponPromotion(c: PersonalCoupon): Promotion {
  return { id: `${COUPON_PREFIX}${c.id}`, name: c.name, memberOnly: true, stackable: true, rule: c.rule, ...(c.expiresAt ? { endsAt: c.expiresAt } : {}) };
}

/** The coupons a member can use at an instant. */
export function usableCoupons(coupons: readonly PersonalCoupon[], memberId: string, at: string): PersonalCoupon[] {
  const t = Date.parse(at);
  return coupons.filter((c) => c.memberId === memberId && !c.used && (c.expiresAt === null || t < Date.parse(c.expiresAt)));
}

/** The coupons behind savings: the ids of coupon promotions that saved something. */
export function couponsUsed(savings: readonly { readonly id: string; readonly amount: number }[]): string[] {
  return savings.filter((s) => s.id.startsWith(COUPON_PREFIX) && s.amount > 0).map((s) => s.id.slice(COUPON_PREFIX.length));
}
