import type { PrintBlock } from '../../drivers/printer/types.ts';
/** The words printed on a receipt, in the store's language. Keys are the same in every language. */
export const RECEIPT_LABELS = {
  ko: {
    sale: '[판매]',
    receiptNo: '영수증',
    cashier: '계산원',
    till: 'POS',
    businessNo: '사업자번호',
    representative: '대표자',
    tel: 'TEL',
    header: '상품명 / 단가 x 수량 / 금액',
    taxFreeMark: '(면세)',
    savings: '할인 합계',
    ageChecked: '(연령 확인)',
    priceOverride: '가격 변경',
    taxableSupply: '과세물품가액',
    vat: '부가세',
    taxFree: '면세물품가액',
    total: '합계',
    items: '품목수',
    cash: '현금',
    card: '카드',
    approval: '승인',
    change: '거스름돈',
    thanks: '감사합니다. 또 오세요!',
    copy: '*** 재발행 ***',
    digitalCopy: 'QR을 스캔하면 전자 영수증을 볼 수 있습니다',
    lineSaving: '할인',
  },
  en: {
    sale: '[SALE]',
    receiptNo: 'Receipt',
    cashier: 'Cashier',
    till: 'Till',
    businessNo: 'Business no.',
    representative: 'Representative',
    tel: 'Tel',
    header: 'Item / Price x Qty / Amount',
    taxFreeMark: '(tax-free)',
    savings: 'You saved',
    ageChecked: '(age checked)',
    priceOverride: 'Price changed',
    taxableSupply: 'Taxable supply',
    vat: 'VAT',
    taxFree: 'Tax-free',
    total: 'TOTAL',
    items: 'Items',
    cash: 'Cash',
    card: 'Card',
    approval: 'Approval',
    change: 'Change',
    thanks: 'Thank you!',
    copy: '*** COPY ***',
    digitalCopy: 'Scan the QR code for a digital copy',
    lineSaving: 'Discount',
  },
} as const;

export type ReceiptLanguage = keyof typeof RECEIPT_LABELS;

export function receiptLanguageOf(locale: string): ReceiptLanguage {
  const lang = locale.slice(0, 2);
  return lang === 'en' ? 'en' : 'ko';
}

const receiptTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as receipts print it: the store's wall clock, "2026-11-25 14:05" (sv-SE is ISO-like). */
export function receiptTime(iso: string, timeZone: string): string {
  let f = receiptTimeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' });
    receiptTimeFormats.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

/**
 * The tax summary every till receipt prints the same way (sale, return): item count, supply value,
 * VAT, the tax-free part when there is one, and the bold total, between rules. `money` formats an
 * amount (a return prints them negative).
 */
export function taxSummaryBlocks(
  totals: { readonly itemCount: number; readonly taxableSupply: number; readonly tax: number; readonly taxFree: number; readonly total: number },
  lang: ReceiptLanguage,
  money: (minor: number) => string,
  totalLabel: string = RECEIPT_LABELS[lang].total,
): PrintBlock[] {
  const L = RECEIPT_LABELS[lang];
  return [
    { kind: 'rule' },
    { kind: 'columns', left: L.items, right: String(totals.itemCount) },
    { kind: 'columns', left: L.taxableSupply, right: money(totals.taxableSupply) },
    { kind: 'columns', left: L.vat, right: money(totals.tax) },
    ...(totals.taxFree !== 0 ? [{ kind: 'columns' as const, left: L.taxFree, right: money(totals.taxFree) }] : []),
    { kind: 'columns', left: totalLabel, right: money(totals.total), bold: true },
    { kind: 'rule' },
  ];
}
