import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RETURN_POLICY as P, POLICY_MESSAGES, checkReturn, dispositionFor, receiptlessUnitPrice } from './return-policy.ts';

const now = new Date('2026-03-31T03:00:00Z');

describe('return policy', () => {
  it('allows the days configured for the category, and the default elsewhere', () => {
    expect(checkReturn(P, 'bakery', '2026-03-30T05:00:00Z', now, 'unopened')).toEqual({ ok: true, value: true });
    expect(checkReturn(P, 'bakery', '2026-03-29T05:00:00Z', now, 'unopened')).toEqual({ ok: false, code: 'return_window_passed', message: POLICY_MESSAGES.window(1) });
    expect(checkReturn(P, 'snacks', '2026-03-02T05:00:00Z', now, 'opened')).toMatchObject({ ok: true });
    expect(checkReturn(P, 'snacks', '2026-02-28T05:00:00Z', now, 'opened')).toMatchObject({ ok: false, code: 'return_window_passed' });
  });

  it('takes alcohol back only unopened, unless faulty, and a faulty item goes to damaged', () => {
    expect(checkReturn(P, 'alcohol', '2026-03-30T05:00:00Z', now, 'opened')).toEqual({ ok: false, code: 'condition_refused', message: POLICY_MESSAGES.unopened });
    expect(checkReturn(P, 'alcohol', '2026-03-30T05:00:00Z', now, 'faulty')).toMatchObject({ ok: true });
    expect(dispositionFor('faulty', 'restock')).toBe('damaged');
    expect(dispositionFor('unopened', 'restock')).toBe('restock');
  });

  it('prices a receipt-less return at the lowest price of the lookback window, never above the current price', () => {
    const history = [
      { price: 900, until: '2026-02-01T00:00:00Z' }, // before the 30 days: ignored
      { price: 1000, until: '2026-03-20T00:00:00Z' },
      { price: 1500, until: '2026-03-25T00:00:00Z' },
    ];
    expect(receiptlessUnitPrice(1200, history, now, 30)).toBe(1000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.array(fc.record({ price: fc.integer({ min: 0, max: 1e6 }), ago: fc.integer({ min: 0, max: 90 }) })), (current, raw) => {
        const h = raw.map((r) => ({ price: r.price, until: new Date(now.getTime() - r.ago * 86_400_000).toISOString() }));
        const price = receiptlessUnitPrice(current, h, now, 30);
        expect(price).toBeLessThanOrEqual(current);
        expect(price).toBe(Math.min(current, ...raw.filter((r) => r.ago <= 30).map((r) => r.price)));
      }),
    );
  });
});
