import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from './database.ts';
import { SqlitePromotions, parsePromotion } from './promotion-repository.ts';
import { tempDataDir } from './test-helpers.ts';
import type { Promotion } from '../core/pricing/promotion.ts';

let dbs: TillDatabases;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDataDir();
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
});
afterEach(() => {
  dbs.close();
  cleanup();
});

const twoPlusOne: Promotion = { id: 'p1', name: { ko: '2+1', en: '2+1' }, rule: { kind: 'buy_n_get_m', buy: 2, free: 1, productIds: ['ramen'] } };

describe('promotions on the till', () => {
  it('lists the promotions whose window contains the instant (start inclusive, end exclusive)', () => {
    const repo = new SqlitePromotions(dbs.catalog);
    const boxed = { ...twoPlusOne, id: 'p2', startsAt: '2026-11-26T00:00:00+09:00', endsAt: '2026-11-27T00:00:00+09:00' };
    repo.applyPage('promotions', [{ id: 'p1', deleted: false, promotion: twoPlusOne }, { id: 'p2', deleted: false, promotion: boxed }], 'c1', false);
    expect(repo.active('2026-11-25T14:59:59Z').map((p) => p.id)).toEqual(['p1']);
    expect(repo.active('2026-11-25T15:00:00Z').map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(repo.active('2026-11-26T15:00:00Z').map((p) => p.id)).toEqual(['p1']);
    expect(repo.cursor('promotions')).toBe('c1');
  });

  it('removes tombstoned promotions and starts over on a reset', () => {
    const repo = new SqlitePromotions(dbs.catalog);
    repo.applyPage('promotions', [{ id: 'p1', deleted: false, promotion: twoPlusOne }], 'c1', false);
    repo.applyPage('promotions', [{ id: 'p1', deleted: true, promotion: null }], 'c2', false);
    expect(repo.active('2026-11-25T00:00:00Z')).toEqual([]);
    repo.applyPage('promotions', [{ id: 'p9', deleted: false, promotion: { ...twoPlusOne, id: 'p9' } }], 'r', true);
    expect(repo.active('2026-11-25T00:00:00Z').map((p) => p.id)).toEqual(['p9']);
  });

  it('refuses a promotion that is malformed or makes no sense, with the reason', () => {
    expect(parsePromotion({ ...twoPlusOne, rule: { kind: 'buy_n_get_m', buy: 0, free: 1, productIds: ['x'] } })).toMatchObject({ ok: false, reason: expect.stringMatching(/N\+M/) });
    expect(parsePromotion({ id: 'x', name: {}, rule: { kind: 'free_lunch' } })).toMatchObject({ ok: false });
    expect(parsePromotion(twoPlusOne)).toEqual({ ok: true, promotion: twoPlusOne });
  });
});

const flyer = {
  id: 'coupon-flyer', name: { ko: '전단 쿠폰' }, minSpend: 15_000,
  coupon: { barcode: '9900000020007', singleUse: false }, rule: { kind: 'basket_threshold', minTotal: 15_000, amountOff: 2_000 },
};
const expired = { ...flyer, id: 'coupon-old', endsAt: '2025-12-01T00:00:00+09:00', coupon: { barcode: '9900000099992', singleUse: false } };

describe('coupon definitions on the till (the promotions stream)', () => {
  it('keeps coupons out of the promotions that apply by themselves, and lists every coupon, expired ones too', () => {
    const repo = new SqlitePromotions(dbs.catalog);
    const parsed = [flyer, expired, { id: 'p1', name: { ko: '2+1' }, rule: { kind: 'buy_n_get_m', buy: 2, free: 1, productIds: ['ramen'] } }].map((d) => {
      const p = parsePromotion(d);
      if (!p.ok) throw new Error(p.reason);
      return p.promotion;
    });
    repo.applyPage('promotion', parsed.map((p) => ({ id: p.id, deleted: false, promotion: p })), 'c1', false);
    expect(repo.active('2026-12-04T00:00:00Z').map((p) => p.id)).toEqual(['p1']);
    expect(repo.coupons().map((p) => [p.id, p.coupon?.barcode, p.minSpend])).toEqual([
      ['coupon-flyer', '9900000020007', 15_000],
      ['coupon-old', '9900000099992', 15_000],
    ]);
  });

  it('refuses coupon terms it cannot use, with the reason, so a half-understood coupon never prices a sale', () => {
    expect(parsePromotion({ ...flyer, coupon: { singleUse: true, prefix: '9951234' } })).toEqual({ ok: false, reason: 'a single-use coupon needs a prefix and a code length' });
    expect(parsePromotion({ ...flyer, coupon: { singleUse: false } })).toEqual({ ok: false, reason: 'a multi-use coupon needs its barcode' });
    expect(parsePromotion({ ...flyer, coupon: { barcode: '9900000020007', singleUse: false, colour: 'red' } }).ok).toBe(false);
  });
});
