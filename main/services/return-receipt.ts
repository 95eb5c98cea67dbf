import type { CompletedReturn } from '../core/returns/sale-return.ts';
import type { TillIdentity } from '../core/ports.ts';
import { formatAmount } from '../core/money-format.ts';
import { nameIn } from '../core/product.ts';
import type { PrintBlock, PrintDocument } from '../../drivers/printer/types.ts';
import { RECEIPT_LABELS, receiptLanguageOf, taxSummaryBlocks } from './receipt-labels.ts';

/** The words only a return receipt prints; the rest are the sale receipt's. */
export const RETURN_RECEIPT_LABELS = {
  ko: {
    title: '[반품]',
    original: '원거래',
    receiptless: '영수증 없는 반품',
    approvedBy: '승인',
    refund: '환불 합계',
    restock: '재입고',
    damaged: '불량',
    online: '온라인 결제 환불',
    storeCredit: '적립금 환불',
    signature: '고객 서명',
  },
  en: {
    title: '[RETURN]',
    original: 'Original',
    receiptless: 'Return without receipt',
    approvedBy: 'Approved by',
    refund: 'Refund total',
    restock: 'restock',
    damaged: 'damaged',
    online: 'Online payment refund',
    storeCredit: 'Refund to store credit',
    signature: 'Customer signature',
  },
} as const;

const dateFormat = new Map<string, Intl.DateTimeFormat>();
/** The store's local date and time, YYYY-MM-DD HH:MM (formatters reused per time zone). */
export function localTime(iso: string, timeZone: string): string {
  let f = dateFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' });
    dateFormat.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

/**
 * Lays a return out as a till receipt: what came back and where it goes, the supply value and VAT it
 * reverses (printed negative, as Korean return receipts do), the refund per tender, and the return's
 * own number as its barcode. Pure.
 */
export function layoutReturnReceipt(r: CompletedReturn, store: TillIdentity, options: { cashierName: string; approverName?: string | undefined; copy?: boolean }): PrintDocument {
  const lang = receiptLanguageOf(store.locale);
  const L = RECEIPT_LABELS[lang];
  const R = RETURN_RECEIPT_LABELS[lang];
  const amount = (minor: number): string => formatAmount(minor, r.currency, store.locale);
  const minus = (minor: number): string => (minor === 0 ? amount(0) : `-${amount(minor)}`);
  const blocks: PrintBlock[] = [
    ...(options.copy ? [{ kind: 'text', text: L.copy, align: 'center', bold: true } as const] : []),
    { kind: 'text', text: store.storeName, align: 'center', bold: true, size: 'wide' },
    { kind: 'text', text: `${L.businessNo} ${store.businessNumber}`, align: 'center' },
    { kind: 'text', text: store.address, align: 'center' },
    { kind: 'rule' },
    { kind: 'text', text: R.title, align: 'center', bold: true, size: 'wide' },
    { kind: 'columns', left: localTime(r.completedAt, store.timeZone), right: `${L.till} ${store.tillNumber}` },
    { kind: 'columns', left: `${L.receiptNo} ${r.receiptNumber}`, right: `${L.cashier} ${options.cashierName}` },
    r.original
      ? { kind: 'columns', left: R.original, right: `${r.original.receiptNumber} (${localTime(r.original.soldAt, store.timeZone)})` }
      : { kind: 'text', text: R.receiptless },
  ];
  if (r.approvedBy) blocks.push({ kind: 'columns', left: R.approvedBy, right: options.approverName ?? r.approvedBy });
  blocks.push({ kind: 'rule' });
  for (const l of r.lines) {
    const mark = l.taxClass === 'TAX_FREE' ? `${L.taxFreeMark} ` : '';
    blocks.push(
      { kind: 'text', text: `${mark}${nameIn(l.name, lang)}` },
      { kind: 'columns', left: `  x ${l.quantity}  (${l.disposition === 'restock' ? R.restock : R.damaged})`, right: minus(l.refund) },
    );
  }
  blocks.push(...taxSummaryBlocks(r.totals, lang, minus, R.refund));
  for (const t of r.tenders) {
    if (t.kind === 'cash') blocks.push({ kind: 'columns', left: L.cash, right: minus(t.amount) });
    else if (t.kind === 'online') blocks.push({ kind: 'columns', left: `${R.online} ${t.online.method}`, right: minus(t.amount) });
    else if (t.kind === 'storeCredit') blocks.push({ kind: 'columns', left: `${R.storeCredit} ${t.storedValue.maskedNumber}`, right: minus(t.amount) });
    else {
      blocks.push(
        { kind: 'columns', left: `${L.card} ${t.card.scheme} ${t.card.maskedPan}`, right: minus(t.amount) },
        { kind: 'columns', left: `  ${L.approval}`, right: t.card.approvalCode },
      );
    }
  }
  blocks.push({ kind: 'rule' }, { kind: 'text', text: `${R.signature}: ________________` }, { kind: 'barcode', data: r.receiptNumber });
  return { blocks };
}
