import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REFUND_SPLIT_MESSAGES, paidPerTender, splitRefund } from './refund-split.ts';

describe('refund split across the original tenders', () => {
  it('gives back to the card first, then cash', () => {
    const tenders = [
      { tenderId: 'cash', kind: 'cash', paid: 3000, refundedBefore: 0 },
      { tenderId: 'card', kind: 'card', paid: 5000, refundedBefore: 0 },
    ];
    expect(splitRefund(6000, tenders)).toEqual({ ok: true, value: [{ tenderId: 'card', kind: 'card', amount: 5000 }, { tenderId: 'cash', kind: 'cash', amount: 1000 }] });
  });

  it('takes change out of the cash that was handed over', () => {
    expect(paidPerTender([{ id: 'c', kind: 'card', amount: 1000 }, { id: 'm', kind: 'cash', amount: 10000 }], 3000)).toEqual([
      { tenderId: 'c', kind: 'card', paid: 1000 },
      { tenderId: 'm', kind: 'cash', paid: 7000 },
    ]);
  });

  it('refuses to give back more than is left on the tenders', () => {
    expect(splitRefund(1001, [{ tenderId: 'c', kind: 'card', paid: 1000, refundedBefore: 0 }])).toEqual({
      ok: false, code: 'refund_exceeds_paid', message: REFUND_SPLIT_MESSAGES.exceeds(1001, 1000),
    });
  });

  it('adds up to the refund, and no tender gets back more than it has left', () => {
    const tender = fc.record({ kind: fc.constantFrom('cash', 'card'), paid: fc.integer({ min: 0, max: 1_000_000 }), refundedSeed: fc.nat() });
    fc.assert(
      fc.property(fc.array(tender, { minLength: 1, maxLength: 5 }), fc.nat(), (raw, refundSeed) => {
        const tenders = raw.map((t, i) => ({ tenderId: `t${i}`, kind: t.kind, paid: t.paid, refundedBefore: t.refundedSeed % (t.paid + 1) }));
        const room = tenders.reduce((a, t) => a + t.paid - t.refundedBefore, 0);
        const refund = refundSeed % (room + 1);
        const split = splitRefund(refund, tenders);
        if (!split.ok) throw new Error(split.message);
        expect(split.value.reduce((a, p) => a + p.amount, 0)).toBe(refund);
        for (const p of split.value) {
          const t = tenders.find((x) => x.tenderId === p.tenderId);
          expect(p.amount).toBeGreaterThan(0);
          expect(p.amount).toBeLessThanOrEqual((t?.paid ?? 0) - (t?.refundedBefore ?? 0));
        }
        expect(splitRefund(room + 1, tenders)).toMatchObject({ ok: false, code: 'refund_exceeds_paid' });
      }),
    );
  });
});
