import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskName, maskPhone, readLookupQuery, saleMemberOf } from './member.ts';
import { DEFAULT_PROGRAMME, type EarnLine, earnPoints } from './programme.ts';
import { REDEEM_MESSAGES, checkRedeem } from './redeem.ts';
import { couponPromotion, couponsUsed, usableCoupons, type PersonalCoupon } from './coupon.ts';

describe('member lookup and masking', () => {
  it('shows a phone as 010-****-1234 and a name as 김*지', () => {
    expect(maskPhone('1234')).toBe('010-****-1234');
    expect(maskName('김민지')).toBe('김*지');
    expect(maskName('이준')).toBe('이*');
    expect(maskName('남궁민수')).toBe('남**수');
    expect(maskName('Kim')).toBe('K*m');
  });

  it('never shows more than the first and last character of a name', () => {
    fc.assert(fc.property(fc.string({ minLength: 3, maxLength: 12 }).filter((s) => s.trim() === s && !s.includes('*')), (name) => {
      const masked = Array.from(maskName(name));
      return masked.slice(1, -1).every((c) => c === '*');
    }));
  });

  it('reads a full mobile number, its last four digits, or an app token', () => {
    expect(readLookupQuery('010-1234-5678')).toEqual({ ok: true, value: { kind: 'phone', digits: '01012345678' } });
    expect(readLookupQuery(' 5678 ')).toEqual({ ok: true, value: { kind: 'lastFour', digits: '5678' } });
    expect(readLookupQuery('M1:abcdef0123456789')).toEqual({ ok: true, value: { kind: 'token', token: 'M1:abcdef0123456789' } });
  });

  it('refuses what is neither (a landline, 3 digits, free text)', () => {
    for (const q of ['02-555-0101', '123', '김민지 고객', '']) expect(readLookupQuery(q).ok).toBe(false);
  });

  it('puts only masked data on the sale', () => {
    const m = saleMemberOf({ id: 'm1', phoneHash: 'h', phoneLastFour: '5678', maskedName: '김*지', tier: 'GOLD', pointsBalance: 100, balanceVersion: 3, tokenHash: null });
    expect(m).toEqual({ id: 'm1', maskedName: '김*지', maskedPhone: '010-****-5678', tier: 'GOLD', pointsBalance: 100, balanceVersion: 3 });
  });
});

describe('points earned', () => {
  const line = (net: number, over: Partial<EarnLine> = {}): EarnLine => ({ productId: 'p', taxClass: 'standard', net, voided: false, ...over });

  it('earns the rate of the paid amount times the tier multiplier, rounded down', () => {
    expect(earnPoints(DEFAULT_PROGRAMME, 'BASIC', [line(12_345)], 0)).toBe(123);
    expect(earnPoints(DEFAULT_PROGRAMME, 'GOLD', [line(12_345)], 0)).toBe(246);
    expect(earnPoints(DEFAULT_PROGRAMME, 'UNKNOWN', [line(10_000)], 0)).toBe(100);
  });

  it('does not earn on excluded products, voided lines, or what points paid', () => {
    const p = { ...DEFAULT_PROGRAMME, excludedProductIds: ['gift'] };
    expect(earnPoints(p, 'BASIC', [line(10_000), line(50_000, { productId: 'gift' }), line(9_000, { voided: true })], 2_000)).toBe(80);
  });

  it('never earns a negative or a fraction, and never more than the rate allows', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 20 }), fc.integer({ min: 0, max: 20_000_000 }), fc.constantFrom('BASIC', 'GOLD', 'VIP'),
      (nets, paid, tier) => {
        const earned = earnPoints(DEFAULT_PROGRAMME, tier, nets.map((n) => line(n)), paid);
        const base = Math.max(0, nets.reduce((a, n) => a + n, 0) - paid);
        const max = (base * DEFAULT_PROGRAMME.earnRateBps * (DEFAULT_PROGRAMME.tierMultiplierBps[tier] ?? 10000)) / 1e8;
        return Number.isSafeInteger(earned) && earned >= 0 && earned <= max && max - earned < 1;
      }));
  });
});

describe('points redeemed', () => {
  const base = { points: 1000, balance: 5000, due: 8000, minRedeem: 100, offline: null };

  it('lets points pay up to the balance and what is due', () => {
    expect(checkRedeem(base)).toEqual({ ok: true, value: 1000 });
    expect(checkRedeem({ ...base, points: 9000 })).toMatchObject({ ok: false, code: 'redeem_over_due' });
    expect(checkRedeem({ ...base, points: 6000, due: 9000 })).toMatchObject({ ok: false, code: 'redeem_over_balance', message: REDEEM_MESSAGES.overBalance(5000) });
    expect(checkRedeem({ ...base, points: 50 })).toMatchObject({ ok: false, code: 'redeem_below_minimum' });
    expect(checkRedeem({ ...base, points: 1.5 })).toMatchObject({ ok: false, code: 'redeem_invalid' });
  });

  it('caps what one sale redeems offline, counting what it already redeemed', () => {
    expect(checkRedeem({ ...base, offline: { cap: 3000, alreadyRedeemed: 0 } }).ok).toBe(true);
    expect(checkRedeem({ ...base, points: 2500, offline: { cap: 3000, alreadyRedeemed: 1000 } })).toEqual({
      ok: false, code: 'redeem_offline_cap', message: REDEEM_MESSAGES.offlineCap(3000),
    });
  });

  it('never accepts more than balance, due or cap allow', () => {
    fc.assert(fc.property(fc.integer({ min: -10, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), fc.option(fc.integer({ min: 0, max: 20_000 })),
      (points, balance, due, cap) => {
        const r = checkRedeem({ points, balance, due, minRedeem: 1, offline: cap === null ? null : { cap, alreadyRedeemed: 0 } });
        return !r.ok || (r.value <= balance && r.value <= due && (cap === null || r.value <= cap) && r.value > 0);
      }));
  });
});

describe('personal coupons', () => {
  const coupon: PersonalCoupon = {
    id: 'c1', memberId: 'm1', name: { ko: '3,000원 쿠폰' }, rule: { kind: 'basket_threshold', minTotal: 10_000, amountOff: 3_000 }, expiresAt: '2030-01-01T00:00:00.000Z', used: false,
  };

  it('becomes a member-only promotion whose saving names the coupon', () => {
    const p = couponPromotion(coupon);
    expect(p).toMatchObject({ id: 'coupon:c1', memberOnly: true, endsAt: coupon.expiresAt });
    expect(couponsUsed([{ id: 'coupon:c1', amount: 3000 }, { id: 'promo-1', amount: 100 }, { id: 'coupon:c2', amount: 0 }])).toEqual(['c1']);
  });

  it('is usable only by its member, before it expires, and once', () => {
    const at = '2026-11-25T10:00:00.000Z';
    expect(usableCoupons([coupon], 'm1', at)).toHaveLength(1);
    expect(usableCoupons([coupon], 'm2', at)).toHaveLength(0);
    expect(usableCoupons([{ ...coupon, used: true }], 'm1', at)).toHaveLength(0);
    expect(usableCoupons([coupon], 'm1', '2030-01-01T00:00:00.000Z')).toHaveLength(0);
  });
});

describe('enrolment at the counter', () => {
  it('needs a mobile number, a name and the terms; marketing is the customer\'s separate choice', async () => {
    const { checkEnrolment } = await import('./member-mutation.ts');
    expect(checkEnrolment({ phone: '010-5555-1234', name: ' 홍길동 ', termsAccepted: true })).toEqual({ ok: true, value: { phone: '01055551234', name: '홍길동' } });
    expect(checkEnrolment({ phone: '02-555-0101', name: '홍길동', termsAccepted: true })).toMatchObject({ ok: false, code: 'enrol_phone' });
    expect(checkEnrolment({ phone: '01055551234', name: '  ', termsAccepted: true })).toMatchObject({ ok: false, code: 'enrol_name' });
    expect(checkEnrolment({ phone: '01055551234', name: '홍길동', termsAccepted: false })).toMatchObject({ ok: false, code: 'enrol_terms' });
  });
});
