import { describe, expect, it, vi } from 'vitest';
import { quickKeyViews, quickKeysOf, quickKeysSchema } from './quick-keys.ts';

const till = [{ key: 1, barcode: '9001' }, { key: 2, barcode: '9002' }];
const catalog = {
  findByBarcode: (barcode: string) =>
    barcode === '9001' ? { id: 'p', barcode, name: { ko: '봉투', en: 'Carrier bag' }, price: 100, currency: 'KRW', taxClass: 'VAT10', category: 'counter' } : undefined,
};

describe('quick keys', () => {
  it('takes the store\'s panel over the till\'s, and keeps the till\'s when the store\'s is not a panel', () => {
    const store = [{ key: 3, barcode: '9003' }];
    expect(quickKeysOf(store, till)).toEqual(store);
    expect(quickKeysOf(undefined, till)).toBe(till);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(quickKeysOf([{ key: 10, barcode: '9003' }], till)).toBe(till);
    expect(quickKeysOf([{ key: 1, barcode: '9001' }, { key: 1, barcode: '9002' }], till)).toBe(till);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('refuses a panel with a key used twice or a code that is no catalog code', () => {
    expect(quickKeysSchema.safeParse([{ key: 1, barcode: '9001' }, { key: 1, barcode: '9002' }]).success).toBe(false);
    expect(quickKeysSchema.safeParse([{ key: 1, barcode: '90 01' }]).success).toBe(false);
  });

  it('shows each key with the catalog\'s name and price, and one the catalog lacks by its label, without a price', () => {
    expect(quickKeyViews([{ key: 2, barcode: '9002', label: { ko: '쇼핑백' } }, { key: 1, barcode: '9001' }], catalog, 'KRW')).toEqual([
      { key: 1, barcode: '9001', name: { ko: '봉투', en: 'Carrier bag' }, price: 100, currency: 'KRW' },
      { key: 2, barcode: '9002', name: { ko: '쇼핑백' }, price: null, currency: 'KRW' },
    ]);
  });
});
