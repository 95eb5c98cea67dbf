import { describe, expect, it } from 'vitest';
import type { SaleView } from '../../../main/api/contract.ts';
import { saleToolAvailability } from './sale-tool-availability.ts';

const line = (lineId: string, voided = false): SaleView['lines'][number] => ({
  lineId,
  barcode: '8801234567893',
  name: { ko: '라면' },
  unitPrice: 1100,
  quantity: 1,
  amount: 1100,
  taxFree: false,
  voided,
  discount: 0,
  ageCheck: 'none',
  originalPrice: null,
});

const sale = (lines: SaleView['lines'], paid = 0): SaleView => ({
  id: 's1',
  currency: 'KRW',
  lines,
  totals: { total: 1100, itemCount: 1, taxableSupply: 1000, tax: 100, taxFree: 0, discount: 0 },
  savings: [],
  ageCheckPending: false,
  payment: { paid, due: 1100 - paid, change: 0 },
  tenders: [],
});

describe('sale tool availability', () => {
  it('offers only the suspended sales when no sale is open', () => {
    expect(saleToolAvailability(null, null, false)).toEqual({ discount: false, priceOverride: false, suspend: false, resumeList: true, cancelSale: false, orderForLater: false, cashReceipt: false });
  });

  it('offers every tool on an open sale with a selected live line', () => {
    expect(saleToolAvailability(sale([line('a')]), 'a', false)).toEqual({ discount: true, priceOverride: true, suspend: true, resumeList: true, cancelSale: true, orderForLater: true, cashReceipt: true });
  });

  it('overrides no price without a live selected line, and discounts nothing when every line is voided', () => {
    expect(saleToolAvailability(sale([line('a', true)]), 'a', false)).toMatchObject({ discount: false, priceOverride: false, suspend: true, orderForLater: false });
    expect(saleToolAvailability(sale([line('a')]), null, false)).toMatchObject({ discount: true, priceOverride: false });
  });

  it('changes nothing once a tender is taken or while a payment runs', () => {
    const none = { discount: false, priceOverride: false, suspend: false, cancelSale: false, orderForLater: false };
    expect(saleToolAvailability(sale([line('a')], 500), 'a', false)).toMatchObject({ ...none, resumeList: true, cashReceipt: true });
    expect(saleToolAvailability(sale([line('a')]), 'a', true)).toEqual({ ...none, resumeList: false, cashReceipt: false });
  });
});
