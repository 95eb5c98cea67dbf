import { describe, expect, it } from 'vitest';
import { percentToBps } from './discount-value.ts';

describe('a typed discount percent', () => {
  it('reads whole and decimal percents into basis points', () => {
    expect(percentToBps('20')).toBe(2000);
    expect(percentToBps(' 12.5 ')).toBe(1250);
    expect(percentToBps('7.25%')).toBe(725);
    expect(percentToBps('100')).toBe(10000);
  });

  it('refuses nothing, zero, over 100 %, more than two decimals and words', () => {
    for (const text of ['', '0', '100.01', '150', '1.255', 'abc', '-5']) expect(percentToBps(text)).toBeNull();
  });
});
