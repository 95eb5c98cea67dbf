import type { CompletedPostVoid } from '../core/post-void.ts';
import type { CompletedSale } from '../core/sale.ts';
import type { TillIdentity } from '../core/ports.ts';
import { formatAmount } from '../core/money-format.ts';
import { nameIn } from '../core/product.ts';
import type { PrintBlock, PrintDocument } from '../../drivers/printer/types.ts';
import { RECEIPT_LABELS, receiptLanguageOf, taxSummaryBlocks } from './receipt-labels.ts';
import { localTime } from './return-receipt.ts';

/** The words only a void receipt prints; the rest are the sale receipt's. */
export const VOID_RECEIPT_LABELS = {
  ko: {
    title: '취소 영수증',
    original: '원거래',
    approvedBy: '승인',
    refund: '취소 합계',
    reversal: '(승인 취소)',
    refundOnCard: '(카드 환불)',
    points: '포인트 반환',
  },
  en: {
    title: 'VOID',
    original: 'Original',
    approvedBy: 'Approved by',
    refund: 'Void total',
    reversal: '(reversed)',
    refundOnCard: '(refunded)',
    points: 'Points back',
  },
} as const;

/**
 * Lays a post-void out as a till receipt: "취소 영수증 / VOID" as its title, the original sale's
 * number and lines, supply value and VAT reversed (negative, as Korean void receipts print them),
 * each tender given back and how, and the void's own number as its barcode. Pure.
 */
export function layoutVoidReceipt(v: CompletedPostVoid, sale: CompletedSale, store: TillIdentity, options: { cashierName: string; approverName: string }): PrintDocument {
  const lang = receiptLanguageOf(store.locale);
  const L = RECEIPT_LABELS[lang];
  const V = VOID_RECEIPT_LABELS[lang];
  const amount = (minor: number): string => formatAmount(minor, v.currency, store.locale);
  const minus = (minor: number): string => (minor === 0 ? amount(0) : `-${amount(minor)}`);
  const blocks: PrintBlock[] = [
    { kind: 'text', text: store.storeName, align: 'center', bold: true, size: 'wide' },
    { kind: 'text', text: `${L.businessNo} ${store.businessNumber}`, align: 'center' },
    { kind: 'text', text: store.address, align: 'center' },
    { kind: 'rule' },
    { kind: 'text', text: `${VOID_RECEIPT_LABELS.ko.title} / ${VOID_RECEIPT_LABELS.en.title}`, align: 'center', bold: true, size: 'wide' },
    { kind: 'columns', left: localTime(v.completedAt, store.timeZone), right: `${L.till} ${store.tillNumber}` },
    { kind: 'columns', left: `${L.receiptNo} ${v.voidNumber}`, right: `${L.cashier} ${options.cashierName}` },
    { kind: 'columns', left: V.original, right: `${v.original.receiptNumber} (${localTime(v.original.completedAt, store.timeZone)})` },
    { kind: 'columns', left: V.approvedBy, right: options.approverName },
    { kind: 'rule' },
  ];
  for (const line of sale.lines) {
    if (line.voided) continue;
    const mark = line.taxClass === 'TAX_FREE' ? `${L.taxFreeMark} ` : '';
    const net = line.unitPrice * line.quantity - (sale.totals.lineDiscounts?.[line.lineId] ?? 0);
    blocks.push({ kind: 'text', text: `${mark}${nameIn(line.name, lang)}` }, { kind: 'columns', left: `  x ${line.quantity}`, right: minus(net) });
  }
  blocks.push(...taxSummaryBlocks(v.totals, lang, minus, V.refund));
  for (const t of v.tenders) {
    if (t.kind === 'cash') blocks.push({ kind: 'columns', left: L.cash, right: minus(t.amount) });
    else if (t.kind === 'points') blocks.push({ kind: 'columns', left: V.points, right: minus(t.amount) });
    else {
      blocks.push(
        { kind: 'columns', left: `${L.card} ${t.card.scheme} ${t.card.maskedPan} ${t.method === 'reversal' ? V.reversal : V.refundOnCard}`, right: minus(t.amount) },
        { kind: 'columns', left: `  ${L.approval}`, right: t.card.approvalCode },
      );
    }
  }
  blocks.push({ kind: 'rule' }, { kind: 'barcode', data: v.voidNumber });
  return { blocks };
}
