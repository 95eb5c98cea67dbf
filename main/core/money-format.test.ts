import { describe, expect, it } from 'vitest';
import { currencyExponent, formatAmount } from './money-format.ts';

describe('money formatting', () => {
  it('knows KRW has no minor digits and EUR two', () => {
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('EUR')).toBe(2);
  });

  it('prints won with grouping and cents with their decimals', () => {
    expect(formatAmount(1234500, 'KRW', 'ko-KR')).toBe('1,234,500');
    expect(formatAmount(123450, 'EUR', 'de-DE')).toBe('1.234,50');
  });
});
