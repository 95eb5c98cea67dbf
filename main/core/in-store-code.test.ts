import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_IN_STORE_LAYOUTS, readInStoreCode, weighedPrice } from './in-store-code.ts';

describe('in-store price and weight codes', () => {
  it('reads the price from a scale label with prefix 20', () => {
    expect(readInStoreCode('2012345045002', DEFAULT_IN_STORE_LAYOUTS)).toEqual({ itemBody: '201234500000', value: 'price', amount: 4500 });
  });

  it('reads grams from a weight label with prefix 25', () => {
    expect(readInStoreCode('2500042012507', DEFAULT_IN_STORE_LAYOUTS)).toEqual({ itemBody: '250004200000', value: 'weight', amount: 1250 });
  });

  it('leaves ordinary GTINs alone', () => {
    expect(readInStoreCode('8809100000017', DEFAULT_IN_STORE_LAYOUTS)).toBeNull();
  });

  it('prices a weighed item half up to the won', () => {
    expect(weighedPrice(23900, 1250)).toBe(29875);
    expect(weighedPrice(9990, 333)).toBe(3327); // 3326.67
    expect(weighedPrice(1000, 1)).toBe(1);
    expect(weighedPrice(999, 1)).toBe(1); // 0.999 -> 1
    expect(weighedPrice(499, 1)).toBe(0); // 0.499 -> 0
  });

  it('is never more than half a won from the exact price (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 50_000 }), (perKg, g) => {
      expect(Math.abs(weighedPrice(perKg, g) - (perKg * g) / 1000)).toBeLessThanOrEqual(0.5);
    }));
  });
});
