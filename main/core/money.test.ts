import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, allocate, money, multiply, subtract } from './money.ts';

describe('money', () => {
  it('adds and subtracts whole won', () => {
    expect(add(money(1500, 'KRW'), money(800, 'KRW'))).toEqual(money(2300, 'KRW'));
    expect(subtract(money(1500, 'KRW'), money(2000, 'KRW')).minor).toBe(-500);
  });

  it('refuses to mix currencies', () => {
    expect(() => add(money(1, 'KRW'), money(1, 'EUR'))).toThrow(/currency mismatch/);
  });

  it('refuses fractions of a minor unit', () => {
    expect(() => money(10.5, 'KRW')).toThrow(RangeError);
    expect(() => multiply(money(100, 'KRW'), 1.5)).toThrow(RangeError);
  });

  it('splits 10,000 won three ways without losing a won', () => {
    expect(allocate(money(10000, 'KRW'), [1, 1, 1]).map((m) => m.minor)).toEqual([3334, 3333, 3333]);
  });

  it('never loses or invents a unit when allocating (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((r) => r.some((x) => x > 0)),
        (total, ratios) => {
          const parts = allocate(money(total, 'KRW'), ratios);
          expect(parts.reduce((a, p) => a + p.minor, 0)).toBe(total);
          parts.forEach((p, i) => {
            const exact = (total * (ratios[i] ?? 0)) / ratios.reduce((a, b) => a + b, 0);
            expect(Math.abs(p.minor - exact)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
