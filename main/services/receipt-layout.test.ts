import { describe, expect, it } from 'vitest';
import { layoutReceipt } from './receipt-layout.ts';
import type { CompletedSale } from '../core/sale.ts';
import { TEST_IDENTITY } from '../store/test-helpers.ts';

const sale: CompletedSale = {
  id: 's1', receiptNumber: '0001-01-000007', sequence: 7, storeId: 'store-test', tillId: 'till-test-01', staffId: 'st',
  businessDay: '2026-11-25', startedAt: '2026-11-25T01:00:00.000Z', completedAt: '2026-11-25T01:02:00.000Z', currency: 'KRW',
  lines: [
    { lineId: 'l1', productId: 'p1', barcode: '1', name: { ko: '라면', en: 'Ramen' }, unitPrice: 1100, quantity: 2, taxClass: 'VAT10', voided: false },
    { lineId: 'l2', productId: 'p2', barcode: '2', name: { ko: '바나나', en: 'Banana' }, unitPrice: 1900, quantity: 1, taxClass: 'TAX_FREE', voided: false },
    { lineId: 'l3', productId: 'p3', barcode: '3', name: { ko: '생수', en: 'Water' }, unitPrice: 900, quantity: 1, taxClass: 'VAT10', voided: true },
  ],
  tenders: [
    { id: 't1', kind: 'card', amount: 3000, card: { scheme: 'VISA', maskedPan: '****1234', approvalCode: '12345678', terminalRef: '000001' } },
    { id: 't2', kind: 'cash', amount: 5000 },
  ],
  totals: { total: 4100, gross: 4100, discount: 0, savings: [], lineDiscounts: {}, itemCount: 3, taxableSupply: 2000, tax: 200, taxFree: 1900, taxGroups: [] },
  change: 3900,
};

const text = (doc: ReturnType<typeof layoutReceipt>): string =>
  doc.blocks.map((b) => (b.kind === 'text' ? b.text : b.kind === 'columns' ? `${b.left} | ${b.right}` : b.kind === 'barcode' ? `[${b.data}]` : b.kind)).join('\n');

describe('the receipt layout', () => {
  it('prints a Korean receipt: store, lines, supply value and VAT, tax-free apart, tenders and change', () => {
    const t = text(layoutReceipt(sale, TEST_IDENTITY, { cashierName: '김민지' }));
    expect(t).toContain('테스트점');
    expect(t).toContain('사업자번호 123-45-67890');
    expect(t).toContain('[판매] 2026-11-25 10:02'); // the store's local time (KST)
    expect(t).toContain('라면\n  1,100 x 2 | 2,200');
    expect(t).toContain('(면세) 바나나');
    expect(t).not.toContain('생수');
    expect(t).toContain('과세물품가액 | 2,000');
    expect(t).toContain('부가세 | 200');
    expect(t).toContain('면세물품가액 | 1,900');
    expect(t).toContain('카드 VISA ****1234 | 3,000');
    expect(t).toContain('거스름돈 | 3,900');
    expect(t).toContain('[0001-01-000007]');
  });

  it('says COPY on a reprint, and speaks English where the store does', () => {
    const t = text(layoutReceipt(sale, { ...TEST_IDENTITY, locale: 'en-US' }, { cashierName: 'Kim', copy: true }));
    expect(t.split('\n')[0]).toBe('*** COPY ***');
    expect(t).toContain('Ramen');
    expect(t).toContain('Change | 3,900');
  });
});
