import type { CompletedSale } from '../core/sale.ts';
import { nameIn } from '../core/product.ts';
import { savedOrders } from '../core/saved-sale.ts';
import type { PrintBlock } from '../../drivers/printer/types.ts';
import type { ReceiptLanguage } from './receipt-labels.ts';

/** The save-the-sale words on a receipt, in the store's language. */
export const SAVED_SALE_RECEIPT_LABELS = {
  ko: { title: '주문 상품 (결제 완료, 다른 곳에서 수령)', order: '주문번호', pickup: (store: string) => `${store} 픽업`, delivery: '택배 배송', notice: '준비되면 문자로 알려 드립니다.' },
  en: { title: 'Ordered items (paid, collected elsewhere)', order: 'Order no.', pickup: (store: string) => `Pickup at ${store}`, delivery: 'Home delivery', notice: 'We will text you when it is ready.' },
} as const;

/** 010-1234-5678 -> 010-****-5678: the receipt may be left on the counter. */
export const maskPhone = (phone: string): string => {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 8 ? '****' : `${digits.slice(0, 3)}-****-${digits.slice(-4)}`;
};

/**
 * The orders a saved sale made: number, where it goes, for whom (masked) and which items. The
 * numbers are the till's own (from the receipt number), so an offline till prints the same ones
 * the centre will use.
 */
export function savedOrderBlocks(sale: CompletedSale, lang: ReceiptLanguage): PrintBlock[] {
  if (!sale.ordered || sale.ordered.length === 0) return [];
  const L = SAVED_SALE_RECEIPT_LABELS[lang];
  const blocks: PrintBlock[] = [{ kind: 'rule' }, { kind: 'text', text: L.title, bold: true }];
  for (const o of savedOrders(sale.receiptNumber, sale.ordered)) {
    const f = o.fulfilment;
    blocks.push(
      { kind: 'columns', left: L.order, right: o.orderNumber, bold: true },
      { kind: 'text', text: `  ${f.kind === 'pickup' ? L.pickup(f.storeName) : L.delivery} · ${maskPhone(f.phone)}` },
    );
    for (const id of o.lineIds) {
      const line = sale.lines.find((l) => l.lineId === id);
      if (line) blocks.push({ kind: 'text', text: `  ${nameIn(line.name, lang)} x ${line.quantity}` });
    }
  }
  blocks.push({ kind: 'text', text: L.notice });
  return blocks;
}
