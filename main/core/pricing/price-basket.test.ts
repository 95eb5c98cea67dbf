import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { priceBasket, type ManualDiscount, type PricingLine } from './price-basket.ts';
import { promotionApplies, promotionProblem, type Promotion, type PromotionRule } from './promotion.ts';

const line = (lineId: string, productId: string, unitPrice: number, quantity = 1): PricingLine => ({ lineId, productId, unitPrice, quantity });
const promo = (id: string, rule: PromotionRule, extra: Partial<Promotion> = {}): Promotion => ({ id, name: { ko: id, en: id }, rule, ...extra });

describe('pricing and promotions', () => {
  it('gives the third item free on a 2+1 promotion', () => {
    const p = priceBasket([line('l1', 'ramen', 1100, 3)], [promo('2+1', { kind: 'buy_n_get_m', buy: 2, free: 1, productIds: ['ramen'] })]);
    expect(p).toMatchObject({ gross: 3300, discount: 1100, net: 2200 });
    expect(p.savings).toEqual([{ id: '2+1', source: 'promotion', label: { ko: '2+1', en: '2+1' }, amount: 1100, lineIds: ['l1'] }]);
  });

  it('gives nothing free until a set is complete, and one free per complete set', () => {
    const rule: PromotionRule = { kind: 'buy_n_get_m', buy: 2, free: 1, productIds: ['ramen'] };
    expect(priceBasket([line('l1', 'ramen', 1100, 2)], [promo('p', rule)]).discount).toBe(0);
    expect(priceBasket([line('l1', 'ramen', 1100, 5)], [promo('p', rule)]).discount).toBe(1100);
    expect(priceBasket([line('l1', 'ramen', 1100, 6)], [promo('p', rule)]).discount).toBe(2200);
  });

  it('makes the cheapest item of a 1+1 set free across a group of products', () => {
    const p = priceBasket([line('l1', 'cola', 2000), line('l2', 'cider', 1800)], [promo('1+1', { kind: 'buy_n_get_m', buy: 1, free: 1, productIds: ['cola', 'cider'] })]);
    expect(p.lines).toEqual([
      { lineId: 'l1', gross: 2000, discount: 0, net: 2000 },
      { lineId: 'l2', gross: 1800, discount: 1800, net: 0 },
    ]);
  });

  it('prices a bundle and leaves the rest at the shelf price', () => {
    const p = priceBasket([line('l1', 'beer', 3000, 5)], [promo('4-for-10000', { kind: 'bundle_price', quantity: 4, price: 10000, productIds: ['beer'] })]);
    expect(p.net).toBe(13000);
  });

  it('takes percent and amount off each unit of a group', () => {
    expect(priceBasket([line('l1', 'a', 1500, 2)], [promo('10%', { kind: 'item_percent', percentBps: 1000, productIds: ['a'] })]).discount).toBe(300);
    expect(priceBasket([line('l1', 'a', 500, 2)], [promo('-700', { kind: 'item_amount', amountOff: 700, productIds: ['a'] })]).net).toBe(0);
  });

  it('chooses the better of two item promotions for the customer, and never gives one unit both', () => {
    const p = priceBasket(
      [line('l1', 'cola', 2000, 2)],
      [promo('10%', { kind: 'item_percent', percentBps: 1000, productIds: ['cola'] }), promo('1+1', { kind: 'buy_n_get_m', buy: 1, free: 1, productIds: ['cola'] })],
    );
    expect(p.savings.map((s) => [s.id, s.amount])).toEqual([['1+1', 2000]]);
  });

  it('gives 10,000 off over 50,000, after the item promotions, spread over the lines', () => {
    const p = priceBasket(
      [line('l1', 'a', 30000), line('l2', 'b', 30000)],
      [promo('10k-over-50k', { kind: 'basket_threshold', minTotal: 50000, amountOff: 10000 })],
    );
    expect(p.net).toBe(50000);
    expect(p.lines.map((l) => l.discount)).toEqual([5000, 5000]);
  });

  it('keeps the threshold when an item promotion would drop the basket below it, if that is better', () => {
    const p = priceBasket(
      [line('l1', 'a', 50000), line('l2', 'b', 1000)],
      [promo('b-10%', { kind: 'item_percent', percentBps: 1000, productIds: ['a'] }), promo('10k-over-50k', { kind: 'basket_threshold', minTotal: 50000, amountOff: 10000 })],
    );
    // 10% on a (5,000) would leave 46,000, below the threshold; the threshold alone saves 10,000.
    expect(p.net).toBe(41000);
  });

  it('applies only the best non-stackable basket promotion, and stackable ones on top', () => {
    const rules = [
      promo('5%', { kind: 'basket_percent', percentBps: 500, minTotal: 0 }),
      promo('3000-off', { kind: 'basket_threshold', minTotal: 20000, amountOff: 3000 }),
      promo('member-1%', { kind: 'basket_percent', percentBps: 100, minTotal: 0 }, { stackable: true }),
    ];
    const p = priceBasket([line('l1', 'a', 40000)], rules);
    expect(p.savings.map((s) => [s.id, s.amount])).toEqual([['3000-off', 3000], ['member-1%', 370]]);
  });

  it('applies manual discounts after the promotions', () => {
    const manual: ManualDiscount[] = [
      { id: 'd1', scope: 'line', lineId: 'l1', kind: 'percent', value: 1000, label: { ko: '할인', en: 'Discount' } },
      { id: 'd2', scope: 'basket', kind: 'amount', value: 500, label: { ko: '할인', en: 'Discount' }, approvedBy: 'staff-0003' },
    ];
    const p = priceBasket([line('l1', 'a', 1000, 3), line('l2', 'b', 2000)], [promo('2+1', { kind: 'buy_n_get_m', buy: 2, free: 1, productIds: ['a'] })], manual);
    // a: 3,000 - 1,000 free = 2,000, -10% = 1,800; basket 3,800 - 500 = 3,300
    expect(p.net).toBe(3300);
    expect(p.savings.map((s) => s.id)).toEqual(['2+1', 'd1', 'd2']);
  });

  it('applies member-only and time-boxed promotions only when and to whom they apply', () => {
    const p = promo('evening', { kind: 'item_percent', percentBps: 1000, productIds: ['a'] }, { memberOnly: true, startsAt: '2026-11-25T09:00:00Z', endsAt: '2026-11-25T12:00:00Z' });
    expect(promotionApplies(p, '2026-11-25T09:00:00Z', true)).toBe(true);
    expect(promotionApplies(p, '2026-11-25T08:59:59Z', true)).toBe(false);
    expect(promotionApplies(p, '2026-11-25T12:00:00Z', true)).toBe(false);
    expect(promotionApplies(p, '2026-11-25T10:00:00Z', false)).toBe(false);
  });

  it('refuses promotions that make no sense', () => {
    expect(promotionProblem(promo('x', { kind: 'buy_n_get_m', buy: 0, free: 1, productIds: ['a'] }))).toMatch(/N\+M/);
    expect(promotionProblem(promo('x', { kind: 'basket_threshold', minTotal: 100, amountOff: 1000 }))).toMatch(/threshold/);
    expect(promotionProblem(promo('x', { kind: 'item_percent', percentBps: 1000, productIds: ['a'] }))).toBeNull();
  });

  const arbRule: fc.Arbitrary<PromotionRule> = fc.oneof(
    fc.record({ kind: fc.constant('buy_n_get_m' as const), buy: fc.integer({ min: 1, max: 3 }), free: fc.integer({ min: 1, max: 2 }), productIds: fc.subarray(['a', 'b', 'c'], { minLength: 1 }) }),
    fc.record({ kind: fc.constant('item_percent' as const), percentBps: fc.integer({ min: 1, max: 10000 }), productIds: fc.subarray(['a', 'b', 'c'], { minLength: 1 }) }),
    fc.record({ kind: fc.constant('item_amount' as const), amountOff: fc.integer({ min: 1, max: 5000 }), productIds: fc.subarray(['a', 'b', 'c'], { minLength: 1 }) }),
    fc.record({ kind: fc.constant('bundle_price' as const), quantity: fc.integer({ min: 2, max: 4 }), price: fc.integer({ min: 0, max: 10000 }), productIds: fc.subarray(['a', 'b', 'c'], { minLength: 1 }) }),
    fc.record({ kind: fc.constant('basket_threshold' as const), minTotal: fc.integer({ min: 1000, max: 30000 }), amountOff: fc.integer({ min: 1, max: 1000 }) }),
    fc.record({ kind: fc.constant('basket_percent' as const), percentBps: fc.integer({ min: 1, max: 5000 }), minTotal: fc.integer({ min: 0, max: 30000 }) }),
  );
  const arbLines = fc.array(fc.record({ productId: fc.constantFrom('a', 'b', 'c'), unitPrice: fc.integer({ min: 0, max: 9000 }), quantity: fc.integer({ min: 1, max: 5 }) }), { maxLength: 6 })
    .map((ls) => ls.map((l, i) => ({ ...l, lineId: `l${i}` })));
  const arbPromos = fc.array(fc.record({ rule: arbRule, stackable: fc.boolean() }), { maxLength: 4 })
    .map((ps) => ps.map((p, i) => promo(`p${i}`, p.rule, { stackable: p.stackable })));

  it('accounts for every won: each line net = gross - discount >= 0, savings add up (property)', () => {
    fc.assert(
      fc.property(arbLines, arbPromos, (lines, promos) => {
        const p = priceBasket(lines, promos);
        for (const l of p.lines) {
          expect(l.net).toBe(l.gross - l.discount);
          expect(l.net).toBeGreaterThanOrEqual(0);
          expect(l.discount).toBeGreaterThanOrEqual(0);
        }
        expect(p.savings.reduce((a, s) => a + s.amount, 0)).toBe(p.discount);
        expect(p.lines.reduce((a, l) => a + l.net, 0)).toBe(p.net);
      }),
    );
  });

  it('never makes the basket dearer by adding a promotion (property)', () => {
    fc.assert(
      fc.property(arbLines, arbPromos, arbRule, (lines, promos, extra) => {
        const without = priceBasket(lines, promos).net;
        const withIt = priceBasket(lines, [...promos, promo('extra', extra)]).net;
        expect(withIt).toBeLessThanOrEqual(without);
      }),
    );
  });
});
