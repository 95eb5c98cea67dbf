import type { LocalizedText } from '../product.ts';
import type { Promotion } from '../pricing/promotion.ts';
import { type Result, fail, ok } from '../result.ts';

/**
 * Coupons by barcode. A coupon is a promotion of the promotions stream that carries `coupon` terms:
 * it never applies by itself, only once its barcode is scanned onto a sale. A multi-use coupon has
 * one barcode (printed on every flyer); a single-use coupon is a prefix followed by a serial, each
 * code redeemable once anywhere (claimed at the centre before the first tender).
 */
export interface CouponTerms {
  /** Multi-use: the one barcode every copy carries. */
  readonly barcode?: string | undefined;
  /** Single-use: codes are this prefix followed by a serial, `length` characters in all (check digit included). */
  readonly prefix?: string | undefined;
  readonly length?: number | undefined;
  readonly singleUse: boolean;
}

/** A coupon scanned onto a sale: its definition's pricing snapshot, so the sale prices the same on resume and commit. */
export interface SaleCoupon {
  /** The code as scanned: the serial of a single-use coupon, the shared barcode of a multi-use one. */
  readonly code: string;
  readonly couponId: string;
  readonly name: LocalizedText;
  readonly singleUse: boolean;
  readonly promotion: Promotion;
}

/** A coupon as the completed sale and the centre keep it: what it saved (0: scanned but nothing to take off). */
export interface RedeemedCoupon {
  readonly code: string;
  readonly couponId: string;
  readonly singleUse: boolean;
  readonly saved: number;
}

export type CouponScanError = 'coupon_unknown' | 'coupon_expired' | 'coupon_not_started' | 'coupon_on_sale';

export const COUPON_MESSAGES = {
  unknown: (code: string) => `${code} is a coupon barcode this store does not know: nothing was rung`,
  expired: (name: string, at: string) => `the coupon "${name}" expired on ${at.slice(0, 10)}: nothing was rung`,
  notStarted: (name: string, at: string) => `the coupon "${name}" is valid from ${at.slice(0, 10)}: nothing was rung`,
  onSale: 'this coupon is already on the sale',
  usedElsewhere: 'a single-use coupon on this sale was already used elsewhere: it was taken off; check the new total',
} as const;

/** Promotions made from scanned coupons carry this prefix and the code, so each saving names its coupon. */
export const SCANNED_COUPON_PREFIX = 'scan-coupon:';

/** GS1 keeps EAN-13 prefix 99 for coupons: such a code is never looked up as a product. */
export const isCouponNamespace = (code: string): boolean => /^99\d{11}$/.test(code);

/** The coupon definition a scanned code belongs to, if any: an exact multi-use barcode, or a single-use prefix and length. */
export function couponFor(code: string, definitions: readonly Promotion[]): Promotion | null {
  for (const p of definitions) {
    const c = p.coupon;
    if (!c) continue;
    if (!c.singleUse && c.barcode === code) return p;
    if (c.singleUse && c.prefix !== undefined && c.length !== undefined && code.length === c.length && code.startsWith(c.prefix)) return p;
  }
  return null;
}

/** Terms that make no sense are refused when the definition is read (the promotions stream's schema calls this). */
export function couponTermsProblem(c: CouponTerms): string | null {
  if (c.singleUse) {
    if (c.prefix === undefined || c.length === undefined) return 'a single-use coupon needs a prefix and a code length';
    return c.prefix.length >= 2 && c.length > c.prefix.length && c.length <= 64 ? null : 'the code length must be longer than the prefix';
  }
  return c.barcode !== undefined && c.barcode.length >= 4 ? null : 'a multi-use coupon needs its barcode';
}

/**
 * A scanned coupon onto a sale: it must be within its dates and not already on the sale. Returns what
 * the sale keeps; the pricing engine then applies it within the stacking rules (coupons stack on top).
 */
export function scanCoupon(code: string, definition: Promotion, onSale: readonly SaleCoupon[], at: string): Result<SaleCoupon, CouponScanError> {
  const name = definition.name['ko'] ?? Object.values(definition.name)[0] ?? definition.id;
  const t = Date.parse(at);
  if (definition.startsAt !== undefined && t < Date.parse(definition.startsAt)) return fail('coupon_not_started', COUPON_MESSAGES.notStarted(name, definition.startsAt));
  if (definition.endsAt !== undefined && t >= Date.parse(definition.endsAt)) return fail('coupon_expired', COUPON_MESSAGES.expired(name, definition.endsAt));
  if (onSale.some((c) => c.code === code || c.couponId === definition.id)) return fail('coupon_on_sale', COUPON_MESSAGES.onSale);
  const { coupon: _terms, startsAt: _s, endsAt: _e, ...pricing } = definition;
  return ok({
    code,
    couponId: definition.id,
    name: definition.name,
    singleUse: definition.coupon?.singleUse ?? false,
    // Coupons stack on top of the store's promotions (a basket coupon on the best basket promotion).
    promotion: { ...pricing, id: `${SCANNED_COUPON_PREFIX}${code}`, stackable: true },
  });
}

/** The promotions a sale's coupons price with. */
export const couponPromotions = (coupons: readonly SaleCoupon[] | undefined): Promotion[] => (coupons ?? []).map((c) => c.promotion);

/** What each coupon saved, from the sale's savings. */
export function redeemedCoupons(coupons: readonly SaleCoupon[] | undefined, savings: readonly { readonly id: string; readonly amount: number }[]): RedeemedCoupon[] {
  return (coupons ?? []).map((c) => ({
    code: c.code,
    couponId: c.couponId,
    singleUse: c.singleUse,
    saved: savings.filter((s) => s.id === c.promotion.id).reduce((a, s) => a + s.amount, 0),
  }));
}

/** Takes coupons off a sale (used elsewhere, or the cashier's choice); the rest stay. */
export function withoutCoupons<S extends { readonly coupons?: readonly SaleCoupon[] | undefined }>(sale: S, codes: readonly string[]): S {
  return { ...sale, coupons: (sale.coupons ?? []).filter((c) => !codes.includes(c.code)) };
}
