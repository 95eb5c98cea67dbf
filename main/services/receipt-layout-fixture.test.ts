import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CompletedSale } from '../core/sale.ts';
import { TEST_IDENTITY } from '../store/test-helpers.ts';
import { toReceiptMarkup } from '../../drivers/printer/protocol/receipt-markup.ts';
import { encodeEscPos } from '../../drivers/printer/protocol/escpos-encoder.ts';
import { decodeEscPos } from '../../drivers/printer/protocol/escpos-decoder.ts';
import { layoutReceipt } from './receipt-layout.ts';
import { RECEIPT_LABELS } from './receipt-labels.ts';
import { digitalReceiptUrl } from './digital-receipt-url.ts';

// A member's sale with a 2+1 promotion, a tax-free line, card and cash: every part of the receipt.
const store = { ...TEST_IDENTITY, storeName: '옴니마트 강남점', representative: '김옴니', address: '서울특별시 강남구 테헤란로 100', phone: '02-555-0101' };
const sale: CompletedSale = {
  id: '0193a1b2-0000-7000-8000-000000000001', receiptNumber: '0001-01-000042', sequence: 42, storeId: 'store-test', tillId: 'till-test-01', staffId: 'st',
  businessDay: '2026-12-04', startedAt: '2026-12-04T01:00:00.000Z', completedAt: '2026-12-04T01:02:00.000Z', currency: 'KRW',
  lines: [
    { lineId: 'l1', productId: 'p1', barcode: '8809100000017', name: { ko: '매운 라면 봉지', en: 'Spicy Ramen Pack' }, unitPrice: 1100, quantity: 3, taxClass: 'VAT10', voided: false },
    { lineId: 'l2', productId: 'p2', barcode: '8809120000019', name: { ko: '바나나 2입', en: 'Bananas 2' }, unitPrice: 2900, quantity: 1, taxClass: 'TAX_FREE', voided: false },
  ],
  tenders: [
    { id: 't1', kind: 'card', amount: 4000, card: { scheme: 'VISA', maskedPan: '****1234', approvalCode: '30012345', terminalRef: '000017', instalmentMonths: 3 } },
    { id: 't2', kind: 'cash', amount: 5000 },
  ],
  totals: {
    total: 5100, gross: 6200, discount: 1100,
    savings: [{ id: 'promo-1', source: 'promotion', label: { ko: '2+1 라면', en: '3 for 2 ramen' }, amount: 1100, lineIds: ['l1'] }],
    lineDiscounts: { l1: 1100 }, itemCount: 4, taxableSupply: 2000, tax: 200, taxFree: 2900, taxGroups: [],
  },
  change: 3900,
  loyalty: { memberId: 'm1', maskedName: '김*지', maskedPhone: '010-****-5678', tier: 'GOLD', pointsEarned: 51, pointsRedeemed: 0, balanceBefore: 1200, balanceAfter: 1251, couponIds: [] },
};
const url = digitalReceiptUrl('http://127.0.0.1:4000', { saleId: sale.id, receiptNumber: sale.receiptNumber }, 'ko');

/** The expected markup lives next to this test; UPDATE_RECEIPT_FIXTURES=1 rewrites it (then read the diff). */
function fixture(name: string, actual: string): string {
  const file = new URL(`./fixtures/${name}`, import.meta.url);
  if (process.env['UPDATE_RECEIPT_FIXTURES'] === '1') writeFileSync(file, actual);
  return readFileSync(file, 'utf8');
}

describe('the till receipt, byte for byte', () => {
  it('has the same labels in Korean and English', () => {
    expect(Object.keys(RECEIPT_LABELS.en).sort()).toEqual(Object.keys(RECEIPT_LABELS.ko).sort());
    for (const [key, text] of Object.entries(RECEIPT_LABELS.en)) expect({ key, text }).toEqual({ key, text: expect.stringMatching(/\S/) });
  });

  it('lays out the Korean receipt: store, 대표자, lines with their savings, supply value / VAT / tax-free, tenders, member, barcode and QR', () => {
    const markup = toReceiptMarkup(layoutReceipt(sale, store, { cashierName: '김민지', digitalCopyUrl: url }));
    expect(markup).toBe(fixture('receipt-ko.receiptline', markup));
  });

  it('lays out the English receipt for a customer who reads English, from the same sale', () => {
    const english = { ...sale, receiptLanguage: 'en' as const };
    const markup = toReceiptMarkup(layoutReceipt(english, store, { cashierName: 'Kim Minji', digitalCopyUrl: url.replace('lang=ko', 'lang=en') }));
    expect(markup).toBe(fixture('receipt-en.receiptline', markup));
    // Only the store's own data (name, address, representative) and the member's masked name stay Korean.
    for (const label of [RECEIPT_LABELS.ko.total, RECEIPT_LABELS.ko.vat, RECEIPT_LABELS.ko.taxableSupply, RECEIPT_LABELS.ko.change, RECEIPT_LABELS.ko.thanks, '일시불']) {
      expect(markup).not.toContain(label);
    }
  });

  it('prints Korean in the printer\'s code page, the receipt number as a barcode and the digital copy as a QR code', () => {
    const decoded = decodeEscPos(encodeEscPos(layoutReceipt(sale, store, { cashierName: '김민지', digitalCopyUrl: url })));
    expect(decoded.unknown).toEqual([]);
    const printed = decoded.receipts[0];
    if (!printed) throw new Error('nothing was printed');
    expect(printed.lines).toEqual(expect.arrayContaining([expect.stringContaining('대표자 김옴니'), expect.stringContaining('과세물품가액'), expect.stringContaining('할부')]));
    expect(printed.barcodes).toEqual(['0001-01-000042']);
    expect(printed.qrCodes).toEqual([url]);
  });

  it('prints no QR without a digital copy address, and no 대표자 line when the store has none configured', () => {
    const markup = toReceiptMarkup(layoutReceipt(sale, { ...store, representative: '' }, { cashierName: '김민지' }));
    expect(markup).not.toContain('qrcode');
    expect(markup).not.toContain('대표자');
  });
});
