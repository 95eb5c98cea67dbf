import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CASH_COUNT_MESSAGES, KRW_DENOMINATIONS, countedTotal } from './cash-count.ts';

describe('blind cash count', () => {
  it('adds up KRW notes and coins by denomination', () => {
    expect(countedTotal({ 50000: 2, 10000: 3, 5000: 1, 1000: 4, 500: 1, 100: 3, 50: 1, 10: 2 })).toEqual({ ok: true, value: 139_870 });
    expect(countedTotal({})).toEqual({ ok: true, value: 0 });
  });

  it('is the sum of denomination x pieces for any count', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 }), { minLength: KRW_DENOMINATIONS.length, maxLength: KRW_DENOMINATIONS.length }), (pieces) => {
        const counts = Object.fromEntries(KRW_DENOMINATIONS.map((d, i) => [String(d), pieces[i] ?? 0]));
        const expected = KRW_DENOMINATIONS.reduce((a, d, i) => a + d * (pieces[i] ?? 0), 0);
        expect(countedTotal(counts)).toEqual({ ok: true, value: expected });
      }),
    );
  });

  it('refuses a denomination KRW does not have, and negative or fractional counts', () => {
    expect(countedTotal({ 20000: 1 })).toEqual({ ok: false, code: 'invalid_count', message: CASH_COUNT_MESSAGES.unknownDenomination('20000') });
    expect(countedTotal({ 1000: -1 })).toEqual({ ok: false, code: 'invalid_count', message: CASH_COUNT_MESSAGES.badCount('1000') });
    expect(countedTotal({ 1000: 1.5 })).toMatchObject({ ok: false, code: 'invalid_count' });
  });
});
