import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type OriginalLine, RETURNABLE_MESSAGES, priceReturnLine, refundFor, returnableLines } from './returnable.ts';

const line = (over: Partial<OriginalLine> = {}): OriginalLine => ({
  lineId: 'l1', productId: 'p1', barcode: '8809100000017', name: { ko: '라면' }, taxClass: 'VAT10',
  unitPrice: 1100, quantity: 3, discount: 0, voided: false, ...over,
});

describe('what is still returnable of an original sale', () => {
  it('refunds what was paid per unit of a 2+1: three ramen for 2,200 refund 733, 733 and 734', () => {
    const [r] = returnableLines([line({ discount: 1100 })], []);
    if (!r) throw new Error('no line');
    expect(r.paid).toBe(2200);
    expect(refundFor(r, 1)).toEqual({ ok: true, value: 733 });
    const [after1] = returnableLines([line({ discount: 1100 })], [{ originalLineId: 'l1', quantity: 1, refund: 733 }]);
    if (!after1) throw new Error('no line');
    expect(refundFor(after1, 1)).toEqual({ ok: true, value: 733 });
    expect(refundFor(after1, 2)).toEqual({ ok: true, value: 1467 });
  });

  it('takes earlier returns off, refuses more than is left, and leaves voided lines out', () => {
    const lines = returnableLines([line(), line({ lineId: 'l2', voided: true })], [{ originalLineId: 'l1', quantity: 2, refund: 2200 }]);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.returnable).toBe(1);
    expect(priceReturnLine(lines, 'l1', 2)).toEqual({ ok: false, code: 'over_return', message: RETURNABLE_MESSAGES.overReturn(1) });
    expect(priceReturnLine(lines, 'l2', 1)).toMatchObject({ ok: false, code: 'line_unknown' });
    expect(priceReturnLine(lines, 'l1', 0)).toMatchObject({ ok: false, code: 'quantity_invalid' });
  });

  it('never refunds more than was paid for a line, whatever the partial returns, and refunds all of it once all is back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.nat(),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 60 }),
        (quantity, unitPrice, discountSeed, steps) => {
          const gross = unitPrice * quantity;
          const original = line({ quantity, unitPrice, discount: gross === 0 ? 0 : discountSeed % (gross + 1) });
          const earlier: { originalLineId: string; quantity: number; refund: number }[] = [];
          for (const step of steps) {
            const [r] = returnableLines([original], earlier);
            if (!r || r.returnable === 0) break;
            const q = Math.min(step, r.returnable);
            const refund = refundFor(r, q);
            if (!refund.ok) throw new Error(refund.message);
            expect(refund.value).toBeGreaterThanOrEqual(0);
            earlier.push({ originalLineId: 'l1', quantity: q, refund: refund.value });
          }
          const [r] = returnableLines([original], earlier);
          if (!r) throw new Error('no line');
          expect(r.refunded).toBeLessThanOrEqual(r.paid);
          if (r.returnable === 0) expect(r.refunded).toBe(r.paid);
          expect(refundFor(r, r.returnable + 1)).toMatchObject({ ok: false, code: 'over_return' });
        },
      ),
    );
  });
});
