import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addItem, emptyBasket } from '../core/basket.ts';
import { couponPromotion } from '../core/loyalty/coupon.ts';
import { saleMemberOf } from '../core/loyalty/member.ts';
import type { OpenSale } from '../core/sale.ts';
import { KOREAN_VAT } from '../core/tax.ts';
import { openTillDatabases, type TillDatabases } from '../store/database.ts';
import { SqliteStoreConfig } from '../store/config-repository.ts';
import { SqliteMembers, memberPhoneHash } from '../store/member-repository.ts';
import { SqliteMemberRequests } from '../store/member-request-repository.ts';
import { SqliteOutbox } from '../store/outbox-repository.ts';
import { tempDataDir } from '../store/test-helpers.ts';
import { MemberService } from './member-service.ts';

// The member service on real SQLite files: programme rules from the store's config, points written
// into the sale at commit, enrolment queued in the outbox. (Claims against the real central server
// are in test/e2e/loyalty-lane.test.ts.)
let dbs: TillDatabases;
let cleanup: () => void;
let members: SqliteMembers;
let config: SqliteStoreConfig;
let service: MemberService;
let n = 0;

const minji = {
  id: 'm1', phoneHash: memberPhoneHash('01012345678'), phoneLastFour: '5678', maskedName: '김*지', tier: 'GOLD', pointsBalance: 5_000, balanceVersion: 4, tokenHash: null,
};

beforeEach(() => {
  const t = tempDataDir('member-service-');
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
  members = new SqliteMembers(dbs.catalog);
  config = new SqliteStoreConfig(dbs.till);
  members.addLocal(minji);
  service = new MemberService({
    members, lane: () => { throw new Error('not used here'); }, client: { claimPoints: () => Promise.reject(new Error('not used here')) },
    config, online: () => true, rules: KOREAN_VAT, clock: { now: () => new Date('2026-11-25T01:00:00Z') }, ids: { newId: () => `id-${++n}` },
    requests: new SqliteMemberRequests(dbs.till), staffId: () => 'staff-1',
  });
});
afterEach(() => {
  dbs.close();
  cleanup();
});

function memberSale(items: { id: string; price: number; taxClass?: string }[], extra: Partial<OpenSale> = {}): OpenSale {
  let basket = emptyBasket('KRW');
  for (const i of items) {
    const r = addItem(basket, { id: i.id, barcode: i.id, name: { ko: i.id }, price: i.price, currency: 'KRW', taxClass: i.taxClass ?? 'VAT10', category: 'x' }, 1, `l-${i.id}`);
    if (!r.ok) throw new Error(r.message);
    basket = r.value;
  }
  return { id: 'sale-1', staffId: 'staff-1', startedAt: '2026-11-25T00:59:00Z', basket, tenders: [], member: saleMemberOf(minji), ...extra };
}

describe('the member service', () => {
  it('earns on what was paid after a coupon and points, at the tier\'s rate, leaving excluded products out', () => {
    config.applyPage('config', [{ key: 'loyalty.programme', value: { earnRateBps: 100, excludedProductIds: ['gift-card'] }, deleted: false }], 'c1', false);
    const coupon = couponPromotion({ id: 'c9', memberId: 'm1', name: { ko: '쿠폰' }, rule: { kind: 'basket_threshold', minTotal: 20_000, amountOff: 3_000 }, expiresAt: null, used: false });
    const sale = memberSale([{ id: 'cushion', price: 28_000 }, { id: 'gift-card', price: 10_000 }], {
      promotions: [coupon],
      tenders: [{ id: 't1', kind: 'points', amount: 1_000, points: { memberId: 'm1', claimId: 'c1' } }],
    });
    const committed = service.laneHooks().beforeCommit(sale);
    // The coupon's 3,000 is spread over the lines by price (the gift card carries 789 of it): the cushion
    // nets 25,789, less 1,000 paid with points = 24,789; GOLD x2 of 1% = 495 (rounded down).
    expect(committed.loyalty).toEqual({
      memberId: 'm1', maskedName: '김*지', maskedPhone: '010-****-5678', tier: 'GOLD', pointsEarned: 495, pointsRedeemed: 1_000,
      balanceBefore: 5_000, balanceAfter: 4_495, couponIds: ['c9'],
    });
  });

  it('uses the default programme when the store\'s rules do not parse, and an offline cap it can read', () => {
    config.applyPage('config', [
      { key: 'loyalty.programme', value: { earnRateBps: 'lots' }, deleted: false },
      { key: 'offline.pointsRedeemCap', value: { points: 2_000 }, deleted: false },
    ], 'c2', false);
    expect(service.programme().earnRateBps).toBe(100);
    expect(service.offlineCap()).toBe(2_000);
  });

  it('finds members by full number, last four or nothing, and refuses free text with the reason', () => {
    expect(service.lookup('010-1234-5678')).toMatchObject({ ok: true, value: [{ id: 'm1', maskedName: '김*지', maskedPhone: '010-****-5678', pointsBalance: 5_000 }] });
    expect(service.lookup('5678')).toMatchObject({ ok: true, value: [{ id: 'm1' }] });
    expect(service.lookup('010-0000-0000')).toEqual({ ok: true, value: [] });
    expect(service.lookup('김*지')).toMatchObject({ ok: false, code: 'query_invalid' });
  });

  it('queues an enrolment with both consents and puts the masked member on the till; a refused one queues nothing', () => {
    const outbox = new SqliteOutbox(dbs.till);
    expect(service.enrol({ phone: '010-7777-8888', name: '정하늘', termsAccepted: false, marketing: true })).toMatchObject({ ok: false, code: 'enrol_terms' });
    expect(service.enrol({ phone: '010-1234-5678', name: '다른 사람', termsAccepted: true, marketing: false })).toMatchObject({ ok: false, code: 'enrol_phone' });
    expect(outbox.pending(10)).toEqual([]);
    const r = service.enrol({ phone: '010-7777-8888', name: '정하늘', termsAccepted: true, marketing: true });
    expect(r).toMatchObject({ ok: true, value: { maskedName: '정*늘', maskedPhone: '010-****-8888', pointsBalance: 0 } });
    const [queued] = outbox.pending(10);
    expect(queued).toMatchObject({ kind: 'MEMBER_ENROLL', payload: { phone: '01077778888', name: '정하늘', termsVersion: 'terms-2026-01', marketing: true, staffId: 'staff-1' } });
    // On the till only the masked record: the full number and name live in the queued request alone.
    expect(JSON.stringify(dbs.catalog.prepare('SELECT * FROM member').all())).not.toMatch(/정하늘|01077778888/);
  });
});
