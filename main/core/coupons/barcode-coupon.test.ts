import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Promotion } from '../pricing/promotion.ts';
import { priceBasket, type PricingLine } from '../pricing/price-basket.ts';
import { COUPON_MESSAGES, couponFor, couponPromotions, couponTermsProblem, isCouponNamespace, redeemedCoupons, scanCoupon, withoutCoupons } from './barcode-coupon.ts';

const flyer: Promotion = {
  id: 'coupon-flyer', name: { ko: '전단 쿠폰', en: 'Flyer coupon' }, minSpend: 15_000,
  coupon: { barcode: '9900000020007', singleUse: false }, rule: { kind: 'basket_threshold', minTotal: 15_000, amountOff: 2_000 },
};
const welcome: Promotion = {
  id: 'coupon-welcome', name: { ko: '웰컴 쿠폰' }, minSpend: 30_000, endsAt: '2026-12-31T15:00:00Z',
  coupon: { prefix: '9951234', length: 13, singleUse: true }, rule: { kind: 'basket_threshold', minTotal: 30_000, amountOff: 5_000 },
};
const ramenCoupon: Promotion = {
  id: 'coupon-ramen', name: { ko: '라면 쿠폰' }, startsAt: '2026-12-01T00:00:00Z',
  coupon: { barcode: '9900000005002', singleUse: false }, rule: { kind: 'item_amount', amountOff: 500, productIds: ['ramen'] },
};
const defs = [flyer, welcome, ramenCoupon];
const at = '2026-12-04T03:00:00Z';
const line = (lineId: string, productId: string, unitPrice: number, quantity = 1): PricingLine => ({ lineId, productId, unitPrice, quantity });

describe('coupons by barcode', () => {
  it('recognises a multi-use coupon by its barcode and a single-use one by its prefix and length', () => {
    expect(couponFor('9900000020007', defs)?.id).toBe('coupon-flyer');
    expect(couponFor('9951234000017', defs)?.id).toBe('coupon-welcome');
    expect(couponFor('9951234000024', defs)?.id).toBe('coupon-welcome');
    // Too short for the welcome series, and a product's barcode: not coupons.
    expect(couponFor('995123400001', defs)).toBeNull();
    expect(couponFor('8809100000017', defs)).toBeNull();
  });

  it('treats every EAN-13 of GS1 prefix 99 as a coupon, known or not', () => {
    expect(isCouponNamespace('9912345678904')).toBe(true);
    expect(isCouponNamespace('8809100000017')).toBe(false);
    expect(isCouponNamespace('99123')).toBe(false);
  });

  it('refuses a coupon outside its dates, saying when it was valid, and a second scan of one on the sale', () => {
    const expired = scanCoupon('9951234000017', welcome, [], '2027-01-02T00:00:00Z');
    expect(expired).toEqual({ ok: false, code: 'coupon_expired', message: COUPON_MESSAGES.expired('웰컴 쿠폰', '2026-12-31T15:00:00Z') });
    expect(scanCoupon('9900000005002', ramenCoupon, [], '2026-11-30T00:00:00Z')).toMatchObject({ ok: false, code: 'coupon_not_started' });
    const first = scanCoupon('9900000020007', flyer, [], at);
    if (!first.ok) throw new Error(first.message);
    expect(scanCoupon('9900000020007', flyer, [first.value], at)).toMatchObject({ ok: false, code: 'coupon_on_sale' });
  });

  it('takes one coupon of a definition per sale, even with another serial of the same single-use series', () => {
    const first = scanCoupon('9951234000017', welcome, [], at);
    if (!first.ok) throw new Error(first.message);
    expect(scanCoupon('9951234000024', welcome, [first.value], at)).toMatchObject({ ok: false, code: 'coupon_on_sale' });
  });

  it('prices a basket coupon on top of the best basket promotion, from its minimum spend on', () => {
    const c = scanCoupon('9900000020007', flyer, [], at);
    if (!c.ok) throw new Error(c.message);
    const store: Promotion = { id: 'store-5%', name: { ko: '5%' }, rule: { kind: 'basket_percent', percentBps: 500, minTotal: 0 } };
    const under = priceBasket([line('l1', 'a', 14_999)], [store, ...couponPromotions([c.value])]);
    expect(under.savings.map((s) => s.id)).toEqual(['store-5%']);
    const over = priceBasket([line('l1', 'a', 20_000)], [store, ...couponPromotions([c.value])]);
    // 5% of 20,000 = 1,000, then the coupon's 2,000 on what is left.
    expect(over.savings.map((s) => [s.id, s.amount])).toEqual([['store-5%', 1_000], ['scan-coupon:9900000020007', 2_000]]);
    expect(over.net).toBe(17_000);
    expect(redeemedCoupons([c.value], over.savings)).toEqual([{ code: '9900000020007', couponId: 'coupon-flyer', singleUse: false, saved: 2_000 }]);
    expect(redeemedCoupons([c.value], under.savings)).toEqual([{ code: '9900000020007', couponId: 'coupon-flyer', singleUse: false, saved: 0 }]);
  });

  it('lets an item coupon compete for units with the item promotions: a unit takes at most one', () => {
    const c = scanCoupon('9900000005002', ramenCoupon, [], at);
    if (!c.ok) throw new Error(c.message);
    const half: Promotion = { id: '50%', name: { ko: '50%' }, rule: { kind: 'item_percent', percentBps: 5000, productIds: ['ramen'] } };
    const p = priceBasket([line('l1', 'ramen', 1_100, 2)], [half, ...couponPromotions([c.value])]);
    // 550 off each beats 500 off each: the coupon saves nothing here.
    expect(p.discount).toBe(1_100);
    expect(redeemedCoupons([c.value], p.savings)[0]?.saved).toBe(0);
  });

  it('takes used coupons off a sale and keeps the others', () => {
    const a = scanCoupon('9900000020007', flyer, [], at);
    const b = scanCoupon('9951234000017', welcome, [], at);
    if (!a.ok || !b.ok) throw new Error('scan');
    expect(withoutCoupons({ coupons: [a.value, b.value] }, ['9951234000017']).coupons).toEqual([a.value]);
  });

  it('refuses coupon terms that make no sense', () => {
    expect(couponTermsProblem({ singleUse: true, prefix: '99', length: 2 })).not.toBeNull();
    expect(couponTermsProblem({ singleUse: true })).not.toBeNull();
    expect(couponTermsProblem({ singleUse: false })).not.toBeNull();
    expect(couponTermsProblem({ singleUse: false, barcode: '9900000020007' })).toBeNull();
  });

  it('never raises what a basket costs, and never takes off more than it costs (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('ramen', 'water', 'beef'), fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 80_000 }),
        fc.integer({ min: 0, max: 80_000 }),
        (rows, amountOff, minSpend) => {
          const lines = rows.map(([p, price, q], i) => line(`l${i}`, p, price, q));
          const coupon: Promotion = { id: 'c', name: { ko: 'c' }, minSpend, coupon: { barcode: '9900000020007', singleUse: false }, rule: { kind: 'basket_threshold', minTotal: amountOff, amountOff } };
          const s = scanCoupon('9900000020007', coupon, [], at);
          if (!s.ok) throw new Error(s.message);
          const without = priceBasket(lines, []);
          const withCoupon = priceBasket(lines, couponPromotions([s.value]));
          expect(withCoupon.net).toBeLessThanOrEqual(without.net);
          expect(withCoupon.net).toBeGreaterThanOrEqual(0);
          expect(withCoupon.lines.reduce((a, l) => a + l.net, 0)).toBe(withCoupon.net);
          if (without.gross < minSpend) expect(withCoupon.net).toBe(without.net);
        },
      ),
    );
  });
});
