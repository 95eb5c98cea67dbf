import { describe, expect, it } from 'vitest';
import type { Promotion } from '../pricing/promotion.ts';
import { promotionsForProduct } from './price-check.ts';

const promo = (id: string, rule: Promotion['rule'], extra: Partial<Promotion> = {}): Promotion => ({ id, name: { ko: id, en: id }, rule, ...extra });

describe('price check promotions', () => {
  const at = '2026-06-01T00:00:00.000Z';
  const all = [
    promo('ramen-2+1', { kind: 'buy_n_get_m', buy: 2, free: 1, productIds: ['ramen', 'udon'] }),
    promo('water-10', { kind: 'item_percent', percentBps: 1000, productIds: ['water'] }),
    promo('members', { kind: 'item_amount', amountOff: 100, productIds: ['ramen'] }, { memberOnly: true }),
    promo('ended', { kind: 'item_amount', amountOff: 100, productIds: ['ramen'] }, { endsAt: '2026-05-01T00:00:00.000Z' }),
    promo('basket', { kind: 'basket_threshold', minTotal: 50000, amountOff: 5000 }),
  ];

  it('lists the running item promotions naming the product, member-only ones included, and nothing basket-wide or ended', () => {
    expect(promotionsForProduct('ramen', all, at).map((p) => p.id)).toEqual(['ramen-2+1', 'members']);
    expect(promotionsForProduct('water', all, at).map((p) => p.id)).toEqual(['water-10']);
    expect(promotionsForProduct('tofu', all, at)).toEqual([]);
  });
});
