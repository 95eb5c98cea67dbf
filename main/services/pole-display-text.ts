import type { CompletedSaleView, SaleView } from '../api/contract.ts';
import { formatAmount } from '../core/money-format.ts';
import { centredRow, displayRow, type DisplayCodePage } from '../../drivers/display/protocol/escpos-display.ts';
import { romanize } from '../../drivers/display/protocol/romanize.ts';

/** What the pole display says, in the display's language: Korean with a Korean font, else English. */
const WORDS = {
  ko: { total: '합계', change: '거스름돈', thanks: '감사합니다', welcome: '어서오십시오', voided: '취소' },
  en: { total: 'TOTAL', change: 'CHANGE', thanks: 'THANK YOU', welcome: 'WELCOME', voided: 'VOID' },
} as const;

export interface DisplayTextOptions {
  codePage: DisplayCodePage;
  currency: string;
  locale: string;
}

const words = (o: DisplayTextOptions) => (o.codePage === 'ksc5601' ? WORDS.ko : WORDS.en);

/** A product's name as this display can show it: Korean on a Korean display; else English, else romanized. */
export function displayName(name: Readonly<Record<string, string>>, codePage: DisplayCodePage): string {
  if (codePage === 'ksc5601') return name['ko'] ?? name['en'] ?? '';
  return name['en'] ?? romanize(name['ko'] ?? '');
}

/**
 * The two rows while a sale is rung: the line just rung (or changed) with its amount, and the
 * total. `previous` is the sale as the display last showed it, to find which line changed.
 */
export function saleRows(sale: SaleView, previous: SaleView | null, o: DisplayTextOptions): [string, string] {
  const w = words(o);
  const money = (minor: number): string => formatAmount(minor, o.currency, o.locale);
  const before = new Map((previous?.id === sale.id ? previous.lines : []).map((l) => [l.lineId, l]));
  const changed = [...sale.lines].reverse().find((l) => {
    const was = before.get(l.lineId);
    return !was || was.quantity !== l.quantity || was.amount !== l.amount || was.voided !== l.voided;
  });
  const line = changed ?? [...sale.lines].reverse().find((l) => !l.voided);
  let top = centredRow(w.welcome);
  if (line) {
    const name = displayName(line.name, o.codePage);
    const label = line.quantity > 1 && !line.voided ? `${name} x${line.quantity}` : name;
    top = line.voided ? displayRow(`${w.voided} ${name}`, `-${money(line.amount)}`) : displayRow(label, money(line.amount - line.discount));
  }
  return [top, displayRow(w.total, money(sale.totals.total))];
}

/** After the sale: thanks, and the change given (or the total paid). */
export function completedRows(done: CompletedSaleView, o: DisplayTextOptions): [string, string] {
  const w = words(o);
  const money = (minor: number): string => formatAmount(minor, o.currency, o.locale);
  return [centredRow(w.thanks), done.change > 0 ? displayRow(w.change, money(done.change)) : displayRow(w.total, money(done.total))];
}

/** Between sales. */
export const idleRows = (o: DisplayTextOptions): [string, string] => [centredRow(words(o).welcome), ' '.repeat(20)];
