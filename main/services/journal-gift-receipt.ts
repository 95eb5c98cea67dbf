import type { CompletedSale } from '../core/sale.ts';
import type { TillIdentity } from '../core/ports.ts';
import { nameIn } from '../core/product.ts';
import type { PrintBlock, PrintDocument } from '../../drivers/printer/types.ts';
import { receiptLanguageOf } from './receipt-labels.ts';

export const GIFT_RECEIPT_LABELS = {
  ko: { title: '교환권 (선물 영수증)', receiptNo: '영수증', date: '구매일', note: '가격은 표시되지 않습니다. 교환 시 이 교환권을 지참하세요.' },
  en: { title: 'GIFT RECEIPT', receiptNo: 'Receipt', date: 'Purchased', note: 'Prices are not shown. Bring this receipt to exchange an item.' },
} as const;

/** A gift receipt: what was bought and the receipt number for an exchange, with no price, total or tender. Pure. */
export function layoutGiftReceipt(sale: CompletedSale, store: TillIdentity): PrintDocument {
  const lang = receiptLanguageOf(store.locale);
  const L = GIFT_RECEIPT_LABELS[lang];
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: store.timeZone, dateStyle: 'short' }).format(new Date(sale.completedAt));
  const blocks: PrintBlock[] = [
    { kind: 'text', text: store.storeName, align: 'center', bold: true, size: 'wide' },
    { kind: 'text', text: L.title, align: 'center', bold: true },
    { kind: 'rule' },
    { kind: 'columns', left: `${L.receiptNo} ${sale.receiptNumber}`, right: `${L.date} ${day}` },
    { kind: 'rule' },
  ];
  for (const line of sale.lines) {
    if (line.voided) continue;
    blocks.push({ kind: 'columns', left: nameIn(line.name, lang), right: `x ${line.quantity}` });
  }
  blocks.push({ kind: 'rule' }, { kind: 'barcode', data: sale.receiptNumber }, { kind: 'text', text: L.note, align: 'center' });
  return { blocks };
}
