import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type CashMovement, overShort, shiftTotals } from './shift-totals.ts';

const amount = fc.integer({ min: 0, max: 5_000_000 });
const sale = fc.record({ total: amount, cash: amount, change: amount, card: amount });
const movement: fc.Arbitrary<CashMovement> = fc.record({
  kind: fc.constantFrom('drop', 'paidIn', 'paidOut', 'noSale' as const),
  amount,
}).map((m) => (m.kind === 'noSale' ? { kind: m.kind, amount: 0 } : m));

describe('shift totals', () => {
  it('expects float + cash sales - change + paid-in - paid-out - drops in the drawer', () => {
    fc.assert(
      fc.property(amount, fc.array(sale), fc.array(movement), (float, sales, movements) => {
        const t = shiftTotals(float, sales, movements);
        const of = (k: CashMovement['kind']) => movements.filter((m) => m.kind === k).reduce((a, m) => a + m.amount, 0);
        const cash = sales.reduce((a, s) => a + s.cash, 0);
        const change = sales.reduce((a, s) => a + s.change, 0);
        expect(t.expectedCash).toBe(float + cash - change + of('paidIn') - of('paidOut') - of('drop'));
        expect(t.expectedCash).toBe(t.float + t.cashSales + t.paidIn - t.paidOut - t.drops);
      }),
    );
  });

  it('does not depend on the order of sales and movements', () => {
    fc.assert(
      fc.property(amount, fc.array(sale), fc.array(movement), (float, sales, movements) => {
        expect(shiftTotals(float, [...sales].reverse(), [...movements].reverse())).toEqual(shiftTotals(float, sales, movements));
      }),
    );
  });

  it('counts card sales and no-sale drawer openings apart from the cash', () => {
    const t = shiftTotals(100_000, [{ total: 5_000, cash: 10_000, change: 5_000, card: 0 }, { total: 3_000, cash: 0, change: 0, card: 3_000 }], [
      { kind: 'noSale', amount: 0 },
      { kind: 'drop', amount: 50_000 },
    ]);
    expect(t).toEqual({
      float: 100_000, saleCount: 2, grossSales: 8_000, cashSales: 5_000, cardSales: 3_000,
      paidIn: 0, paidOut: 0, drops: 50_000, noSales: 1, returnCount: 0, refunds: 0, cashRefunds: 0, voidCount: 0, voids: 0, cashVoids: 0, expectedCash: 55_000,
    });
  });

  it('shows post-voids apart and takes the cash they paid out off the expected cash (a voided card sale moves no cash)', () => {
    const sales = [{ total: 5_000, cash: 10_000, change: 5_000, card: 0 }, { total: 3_000, cash: 0, change: 0, card: 3_000 }];
    const t = shiftTotals(100_000, sales, [], [], [{ total: 5_000, cash: 5_000, other: 0 }, { total: 3_000, cash: 0, other: 3_000 }]);
    expect(t).toMatchObject({ saleCount: 2, grossSales: 8_000, voidCount: 2, voids: 8_000, cashVoids: 5_000, expectedCash: 100_000 });
  });

  it('never lets a post-void change the expected cash by more than the cash it paid out (property)', () => {
    fc.assert(
      fc.property(amount, fc.array(sale), fc.array(fc.record({ total: fc.integer({ min: 0, max: 1_000_000 }), cash: fc.integer({ min: 0, max: 1_000_000 }), other: fc.nat() })), (float, sales, voids) => {
        const without = shiftTotals(float, sales, []);
        const withVoids = shiftTotals(float, sales, [], [], voids);
        expect(without.expectedCash - withVoids.expectedCash).toBe(voids.reduce((a, v) => a + v.cash, 0));
        expect(withVoids.grossSales).toBe(without.grossSales);
      }),
    );
  });

  it('takes the cash that returns paid out of the drawer off the expected cash, and not what went back to cards', () => {
    const sales = [{ total: 5_000, cash: 10_000, change: 5_000, card: 0 }];
    const t = shiftTotals(100_000, sales, [], [{ total: 1_100, cash: 1_100, other: 0 }, { total: 2_000, cash: 0, other: 2_000 }]);
    expect(t).toMatchObject({ returnCount: 2, refunds: 3_100, cashRefunds: 1_100, expectedCash: 103_900 });
    expect(shiftTotals(100_000, sales, []).expectedCash - t.expectedCash).toBe(1_100);
  });

  it('calls a count above the expected cash over, below it short', () => {
    expect(overShort(55_100, 55_000)).toBe(100);
    expect(overShort(54_000, 55_000)).toBe(-1_000);
  });
});
