import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KOREAN_VAT, breakDownTax, taxIncluded } from './tax.ts';
import { money } from './money.ts';

describe('tax (VAT-included, Korean receipts)', () => {
  it('shows 11,000 won as 10,000 supply value and 1,000 VAT', () => {
    const b = breakDownTax([{ taxClass: 'VAT10', gross: money(11000, 'KRW') }], KOREAN_VAT, 'KRW');
    expect(b.taxableSupply.minor).toBe(10000);
    expect(b.tax.minor).toBe(1000);
    expect(b.taxFree.minor).toBe(0);
  });

  it('truncates the VAT of an odd amount (1,500 won -> 136 VAT, 1,364 supply)', () => {
    expect(taxIncluded(1500, 1000, 'floor')).toBe(136);
    const b = breakDownTax([{ taxClass: 'VAT10', gross: money(1500, 'KRW') }], KOREAN_VAT, 'KRW');
    expect(b.taxableSupply.minor + b.tax.minor).toBe(1500);
  });

  it('keeps tax-free lines apart from the taxable supply value', () => {
    const b = breakDownTax(
      [
        { taxClass: 'VAT10', gross: money(3300, 'KRW') },
        { taxClass: 'TAX_FREE', gross: money(2500, 'KRW') },
        { taxClass: 'VAT10', gross: money(1100, 'KRW') },
      ],
      KOREAN_VAT,
      'KRW',
    );
    expect(b.taxFree.minor).toBe(2500);
    expect(b.taxableSupply.minor).toBe(4000);
    expect(b.tax.minor).toBe(400);
    expect(b.groups.map((g) => g.taxClass)).toEqual(['TAX_FREE', 'VAT10']);
  });

  it('computes VAT once per receipt group, not per line, so rounding does not drift', () => {
    // Three lines of 1,500: per line 136+136+136 = 408; once on 4,500: 409.
    const b = breakDownTax([1500, 1500, 1500].map((g) => ({ taxClass: 'VAT10', gross: money(g, 'KRW') })), KOREAN_VAT, 'KRW');
    expect(b.tax.minor).toBe(409);
  });

  it('rejects an unknown tax class', () => {
    expect(() => breakDownTax([{ taxClass: 'VAT99', gross: money(1, 'KRW') }], KOREAN_VAT, 'KRW')).toThrow(/unknown tax class/);
  });

  it('never loses a won: supply + VAT + tax-free = what the customer pays (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ taxClass: fc.constantFrom('VAT10', 'TAX_FREE'), gross: fc.integer({ min: -1_000_000, max: 5_000_000 }) }), { maxLength: 40 }),
        fc.constantFrom('floor' as const, 'half-up' as const),
        (lines, rounding) => {
          const rules = { ...KOREAN_VAT, rounding };
          const b = breakDownTax(lines.map((l) => ({ taxClass: l.taxClass, gross: money(l.gross, 'KRW') })), rules, 'KRW');
          const paid = lines.reduce((a, l) => a + l.gross, 0);
          expect(b.taxableSupply.minor + b.tax.minor + b.taxFree.minor).toBe(paid);
          // VAT is never more than a tenth of the supply value, give or take one won of rounding.
          expect(Math.abs(b.tax.minor * 10 - b.taxableSupply.minor)).toBeLessThanOrEqual(10);
        },
      ),
    );
  });
});
