import { type Money, money } from './money.ts';

/**
 * Tax rules are configuration. Korea: prices include 10% VAT; some goods (fresh food, ...)
 * are tax-free (면세) and are kept apart on the receipt.
 */
export interface TaxClassRule {
  /** Rate in basis points: 1000 = 10%. 0 = tax-free. */
  readonly rateBps: number;
}

export interface TaxRules {
  readonly pricesIncludeTax: boolean;
  readonly classes: Readonly<Record<string, TaxClassRule>>;
  /**
   * How the tax of a VAT-included amount is rounded. Korean receipts show
   * VAT = floor(gross / 11) for 10% ("절사"), supply value = gross - VAT.
   */
  readonly rounding: 'floor' | 'half-up';
}

export const KOREAN_VAT: TaxRules = {
  pricesIncludeTax: true,
  classes: { VAT10: { rateBps: 1000 }, TAX_FREE: { rateBps: 0 } },
  rounding: 'floor',
};

export interface TaxGroup {
  readonly taxClass: string;
  readonly rateBps: number;
  /** What the customer pays for lines of this class (tax included). */
  readonly gross: Money;
  /** 공급가액: the value before tax. */
  readonly supply: Money;
  /** 부가세. */
  readonly tax: Money;
}

export interface TaxBreakdown {
  readonly groups: readonly TaxGroup[];
  /** Sum of the taxable groups' supply values (과세물품가액). */
  readonly taxableSupply: Money;
  readonly tax: Money;
  /** Sum of the tax-free groups (면세물품가액). */
  readonly taxFree: Money;
}

export function rateOf(rules: TaxRules, taxClass: string): number {
  const rule = rules.classes[taxClass];
  if (!rule) throw new RangeError(`unknown tax class ${taxClass}`);
  return rule.rateBps;
}

/** Tax inside a tax-included amount, computed once per receipt group so rounding never loses a won. */
export function taxIncluded(gross: number, rateBps: number, rounding: TaxRules['rounding']): number {
  if (rateBps === 0) return 0;
  const numerator = gross * rateBps;
  const denominator = 10000 + rateBps;
  const sign = gross < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const q = rounding === 'floor' ? Math.floor(abs / denominator) : Math.floor((abs * 2 + denominator) / (denominator * 2));
  return sign * q;
}

/** Breaks gross amounts by tax class into supply value and tax, one group per class. */
export function breakDownTax(
  amounts: readonly { taxClass: string; gross: Money }[],
  rules: TaxRules,
  currency: string,
): TaxBreakdown {
  const byClass = new Map<string, number>();
  for (const a of amounts) {
    if (a.gross.currency !== currency) throw new TypeError(`currency mismatch: ${a.gross.currency} vs ${currency}`);
    byClass.set(a.taxClass, (byClass.get(a.taxClass) ?? 0) + a.gross.minor);
  }
  const groups: TaxGroup[] = [...byClass.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([taxClass, gross]) => {
      const rateBps = rateOf(rules, taxClass);
      const tax = rules.pricesIncludeTax
        ? taxIncluded(gross, rateBps, rules.rounding)
        : Math.floor((gross * rateBps) / 10000);
      const supply = rules.pricesIncludeTax ? gross - tax : gross;
      return {
        taxClass,
        rateBps,
        gross: money(rules.pricesIncludeTax ? gross : gross + tax, currency),
        supply: money(supply, currency),
        tax: money(tax, currency),
      };
    });
  const taxable = groups.filter((g) => g.rateBps > 0);
  return {
    groups,
    taxableSupply: money(taxable.reduce((a, g) => a + g.supply.minor, 0), currency),
    tax: money(taxable.reduce((a, g) => a + g.tax.minor, 0), currency),
    taxFree: money(groups.filter((g) => g.rateBps === 0).reduce((a, g) => a + g.gross.minor, 0), currency),
  };
}
