import type { TillIdentity } from '../core/ports.ts';
import { formatAmount } from '../core/money-format.ts';
import { nameIn } from '../core/product.ts';
import type { HandoutLine } from '../core/pickup/handout.ts';
import type { StoreOrder } from '../core/pickup/store-order.ts';
import type { PrintBlock, PrintDocument } from '../../drivers/printer/types.ts';
import { receiptLanguageOf, receiptTime } from './receipt-labels.ts';

/** The words on a printed pickup receipt, in the store's language. */
export const PICKUP_RECEIPT_LABELS = {
  ko: {
    title: '[온라인 주문 픽업]',
    order: '주문번호',
    customer: '고객',
    handedOut: '수령',
    refused: '수령 거부 (환불)',
    substitute: '대체',
    refund: '온라인 결제 환불 예정',
    paid: '온라인 결제',
    time: '수령 시각',
    till: 'POS',
    staff: '담당',
    offline: '오프라인 처리: 본사 확인 대기',
    thanks: '이용해 주셔서 감사합니다',
  },
  en: {
    title: '[ONLINE ORDER PICKUP]',
    order: 'Order',
    customer: 'Customer',
    handedOut: 'Collected',
    refused: 'Refused (refunded)',
    substitute: 'substitute',
    refund: 'Refund to online payment',
    paid: 'Paid online',
    time: 'Collected at',
    till: 'Till',
    staff: 'Staff',
    offline: 'Handed out offline: to be confirmed centrally',
    thanks: 'Thank you',
  },
} as const;

export interface PickupReceipt {
  readonly order: StoreOrder;
  readonly lines: readonly HandoutLine[];
  readonly refunded: number;
  readonly handedOutAt: string;
  readonly staffName: string;
  readonly offline: boolean;
}

/** Lays out the receipt the customer takes with a collected order. Pure. */
export function layoutPickupReceipt(r: PickupReceipt, store: TillIdentity): PrintDocument {
  const language = receiptLanguageOf(store.locale);
  const L = PICKUP_RECEIPT_LABELS[language];
  const amount = (minor: number): string => formatAmount(minor, r.order.currency, store.locale);
  const blocks: PrintBlock[] = [
    { kind: 'text', text: store.storeName, align: 'center', bold: true, size: 'wide' },
    { kind: 'text', text: L.title, align: 'center', bold: true },
    { kind: 'rule' },
    { kind: 'columns', left: L.order, right: r.order.number, bold: true },
    { kind: 'columns', left: L.customer, right: `${r.order.customerName} (${r.order.phoneLast4})` },
    { kind: 'columns', left: L.time, right: receiptTime(r.handedOutAt, store.timeZone) },
    { kind: 'columns', left: `${L.till} ${store.tillNumber}`, right: `${L.staff} ${r.staffName}` },
    { kind: 'rule' },
    { kind: 'text', text: L.handedOut, bold: true },
  ];
  for (const h of r.lines) {
    const line = r.order.lines.find((l) => l.lineId === h.lineId);
    if (!line || h.quantity === 0) continue;
    const fromOrdered = Math.min(h.quantity, line.pickedQuantity ?? line.quantity);
    if (fromOrdered > 0) blocks.push({ kind: 'columns', left: `${nameIn(line.name, language)} x${fromOrdered}`, right: amount(line.unitPrice * fromOrdered) });
    const subs = h.quantity - fromOrdered;
    if (subs > 0 && line.substitute) {
      blocks.push({ kind: 'columns', left: `${line.substitute.name ?? line.substitute.barcode} x${subs} (${L.substitute})`, right: amount(line.unitPrice * subs) });
    }
  }
  const refused = r.lines.filter((h) => h.refused > 0);
  if (refused.length > 0) {
    blocks.push({ kind: 'text', text: L.refused, bold: true });
    for (const h of refused) {
      const line = r.order.lines.find((l) => l.lineId === h.lineId);
      if (line) blocks.push({ kind: 'columns', left: `${nameIn(line.name, language)} x${h.refused}`, right: `-${amount(line.unitPrice * h.refused)}` });
    }
  }
  blocks.push({ kind: 'rule' }, { kind: 'columns', left: `${L.paid} (${r.order.payment.method})`, right: amount(r.order.payment.amount) });
  if (r.refunded > 0) blocks.push({ kind: 'columns', left: L.refund, right: amount(r.refunded), bold: true });
  if (r.offline) blocks.push({ kind: 'text', text: L.offline, bold: true });
  blocks.push({ kind: 'barcode', data: r.order.number }, { kind: 'text', text: L.thanks, align: 'center' });
  return { blocks };
}
