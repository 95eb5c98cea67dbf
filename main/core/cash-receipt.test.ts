import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cashReceiptAmount, cashReceiptRequest, isBusinessNumber, maskedCashReceiptId } from './cash-receipt.ts';

describe('cash receipts (현금영수증)', () => {
  it('checks a business registration number by its check digit', () => {
    expect(isBusinessNumber('1248100998')).toBe(true); // 124-81-00998
    expect(isBusinessNumber('1248100999')).toBe(false);
    expect(isBusinessNumber('124810099')).toBe(false);
  });

  it('finds exactly one check digit for every first nine digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        expect([...'0123456789'].filter((d) => isBusinessNumber(nine + d))).toHaveLength(1);
      }),
    );
  });

  it('takes a mobile number or a card for deduction, a business number for expense', () => {
    expect(cashReceiptRequest('deduction', 'phone', '010-1234-5678')).toEqual({ ok: true, value: { purpose: 'deduction', idKind: 'phone', identifier: '01012345678' } });
    expect(cashReceiptRequest('deduction', 'card', '1234 5678 9012 3456').ok).toBe(true);
    expect(cashReceiptRequest('expense', 'business', '124-81-00998').ok).toBe(true);
    expect(cashReceiptRequest('expense', 'phone', '01012345678')).toMatchObject({ ok: false, code: 'cash_receipt_invalid' });
    expect(cashReceiptRequest('deduction', 'business', '1248100998')).toMatchObject({ ok: false });
    expect(cashReceiptRequest('deduction', 'phone', '02-555-0101')).toMatchObject({ ok: false });
    expect(cashReceiptRequest('expense', 'business', '124-81-00999')).toMatchObject({ ok: false });
  });

  it('masks what it prints', () => {
    expect(maskedCashReceiptId({ idKind: 'phone', identifier: '01012345678' })).toBe('010-****-5678');
    expect(maskedCashReceiptId({ idKind: 'business', identifier: '1248100998' })).toBe('124-81-*****');
    expect(maskedCashReceiptId({ idKind: 'card', identifier: '1234567890123456' })).toBe('1234-****-****-3456');
  });

  it('covers the cash kept, never more than the total', () => {
    expect(cashReceiptAmount(8900, 10000, 1100)).toBe(8900);
    expect(cashReceiptAmount(8900, 5000, 0)).toBe(5000); // the rest was paid by card
    fc.assert(fc.property(fc.nat(10 ** 7), fc.nat(10 ** 7), fc.nat(10 ** 7), (total, cash, change) => {
      const a = cashReceiptAmount(total, cash, change);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(total);
    }));
  });
});
