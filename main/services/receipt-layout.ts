import type { CompletedSale } from '../core/sale.ts';
import type { TillIdentity } from '../core/ports.ts';
import { formatAmount } from '../core/money-format.ts';
import { nameIn } from '../core/product.ts';
import type { PrintBlock, PrintDocument } from '../../drivers/printer/types.ts';
import { RECEIPT_LABELS, receiptLanguageOf, taxSummaryBlocks } from './receipt-labels.ts';
import { loyaltyBlocks } from './loyalty-receipt.ts';
import { tenderBlocks } from './tender-receipt.ts';
import { savedOrderBlocks } from './saved-sale-receipt.ts';
import { cashReceiptBlocks } from './cash-receipt-print.ts';

export interface ReceiptOptions {
  readonly cashierName: string;
  /** A reprint says so on the paper. */
  readonly copy?: boolean;
  /** The digital copy's address on the central server (digital-receipt-url.ts): printed as a QR code. */
  readonly digitalCopyUrl?: string;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** The store's local date and time, YYYY-MM-DD HH:MM (formatters are reused: building one costs more than a receipt). */
function localTime(iso: string, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' });
    dateFormats.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

/**
 * Lays a completed sale out as a Korean till receipt, or an English one for a customer who reads
 * English (the sale's receipt language, Alt+L at the lane) or a store whose locale is English. Pure.
 */
export function layoutReceipt(sale: CompletedSale, store: TillIdentity, options: ReceiptOptions): PrintDocument {
  const lang = sale.receiptLanguage ?? receiptLanguageOf(store.locale);
  const L = RECEIPT_LABELS[lang];
  const amount = (minor: number): string => formatAmount(minor, sale.currency, store.locale);
  const local = localTime(sale.completedAt, store.timeZone);

  const blocks: PrintBlock[] = [];
  if (options.copy) blocks.push({ kind: 'text', text: L.copy, align: 'center', bold: true });
  blocks.push(
    { kind: 'text', text: store.storeName, align: 'center', bold: true, size: 'wide' },
    { kind: 'text', text: `${L.businessNo} ${store.businessNumber}`, align: 'center' },
    ...(store.representative ? [{ kind: 'text' as const, text: `${L.representative} ${store.representative}`, align: 'center' as const }] : []),
    { kind: 'text', text: store.address, align: 'center' },
    { kind: 'text', text: `${L.tel} ${store.phone}`, align: 'center' },
    { kind: 'rule' },
    { kind: 'columns', left: `${L.sale} ${local}`, right: `${L.till} ${store.tillNumber}` },
    { kind: 'columns', left: `${L.receiptNo} ${sale.receiptNumber}`, right: `${L.cashier} ${options.cashierName}` },
    { kind: 'rule' },
  );
  for (const line of sale.lines) {
    if (line.voided) continue;
    const mark = line.taxClass === 'TAX_FREE' ? `${L.taxFreeMark} ` : '';
    blocks.push(
      { kind: 'text', text: `${mark}${nameIn(line.name, lang)}` },
      line.measure
        ? { kind: 'columns', left: `  ${(line.measure.grams / 1000).toFixed(3)}kg x ${amount(line.measure.pricePerKg)}/kg`, right: amount(line.unitPrice) }
        : { kind: 'columns', left: `  ${amount(line.unitPrice)} x ${line.quantity}`, right: amount(line.unitPrice * line.quantity) },
    );
    if (line.override) blocks.push({ kind: 'columns', left: `  ${L.priceOverride}`, right: amount(line.override.originalPrice) });
    // What promotions and discounts took off this line, under it; the savings by name follow the lines.
    const lineSaving = sale.totals.lineDiscounts?.[line.lineId] ?? 0;
    if (lineSaving > 0) blocks.push({ kind: 'columns', left: `  ${L.lineSaving}`, right: `-${amount(lineSaving)}` });
  }
  // Each saving as the customer should see it: the promotion's name and what it took off.
  for (const s of sale.totals.savings ?? []) {
    blocks.push({ kind: 'columns', left: `  ${nameIn(s.label, lang)}`, right: `-${amount(s.amount)}` });
  }
  if ((sale.totals.discount ?? 0) > 0) blocks.push({ kind: 'columns', left: L.savings, right: `-${amount(sale.totals.discount)}`, bold: true });
  blocks.push(...taxSummaryBlocks(sale.totals, lang, amount));
  for (const t of sale.tenders) blocks.push(...tenderBlocks(t, lang, amount));
  if (sale.change > 0) blocks.push({ kind: 'columns', left: L.change, right: amount(sale.change), bold: true });
  blocks.push(...loyaltyBlocks(sale, lang, store.locale));
  blocks.push(...savedOrderBlocks(sale, lang));
  blocks.push(...cashReceiptBlocks(sale, lang, amount));
  blocks.push({ kind: 'rule' }, { kind: 'barcode', data: sale.receiptNumber });
  if (options.digitalCopyUrl) blocks.push({ kind: 'qr', data: options.digitalCopyUrl }, { kind: 'text', text: L.digitalCopy, align: 'center' });
  blocks.push({ kind: 'text', text: L.thanks, align: 'center' });
  return { blocks };
}
