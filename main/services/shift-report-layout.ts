import type { TillIdentity } from '../core/ports.ts';
import { formatAmount } from '../core/money-format.ts';
import type { PrintBlock, PrintDocument } from '../../drivers/printer/types.ts';
import type { ShiftReportView } from '../api/contract.ts';
import { receiptLanguageOf } from './receipt-labels.ts';

/** The words on a printed X / shift / Z report, in the store's language. */
export const SHIFT_REPORT_LABELS = {
  ko: {
    X: '[X 리포트] 중간 정산',
    shift: '[교대 마감] 시재 정산',
    Z: '[Z 리포트] 영업 마감',
    businessDay: '영업일',
    till: 'POS',
    zNumber: 'Z 번호',
    opened: '개시',
    closed: '마감',
    printed: '출력',
    saleCount: '판매 건수',
    grossSales: '총 매출',
    cashSales: '현금 매출',
    cardSales: '카드 매출',
    float: '준비금',
    paidIn: '입금',
    paidOut: '출금',
    drops: '중간 회수',
    noSales: '돈통 열기 (무판매)',
    refunds: '반품 환불',
    cashRefunds: '현금 환불',
    voids: '판매 취소',
    cashVoids: '현금 취소',
    expectedCash: '현금 시재 (예상)',
    counted: '현금 시재 (실사)',
    over: '과잉',
    short: '부족',
  },
  en: {
    X: '[X REPORT] mid-shift',
    shift: '[SHIFT CLOSE] cash count',
    Z: '[Z REPORT] end of day',
    businessDay: 'Business day',
    till: 'Till',
    zNumber: 'Z no.',
    opened: 'Opened',
    closed: 'Closed',
    printed: 'Printed',
    saleCount: 'Sales',
    grossSales: 'Gross sales',
    cashSales: 'Cash sales',
    cardSales: 'Card sales',
    float: 'Float',
    paidIn: 'Paid in',
    paidOut: 'Paid out',
    drops: 'Cash drops',
    noSales: 'No-sale opens',
    refunds: 'Return refunds',
    cashRefunds: 'Cash refunds',
    voids: 'Post-voids',
    cashVoids: 'Cash voided',
    expectedCash: 'Expected cash',
    counted: 'Counted cash',
    over: 'Over',
    short: 'Short',
  },
} as const;

const formats = new Map<string, Intl.DateTimeFormat>();
function localTime(iso: string, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' });
    formats.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

/** Lays out an X, shift-close or Z report for the receipt printer. Pure; `printedAt` is when it prints. */
export function layoutShiftReport(report: ShiftReportView, store: TillIdentity, printedAt: string): PrintDocument {
  const L = SHIFT_REPORT_LABELS[receiptLanguageOf(store.locale)];
  const amount = (minor: number): string => formatAmount(minor, report.currency, store.locale);
  const t = report.totals;
  const blocks: PrintBlock[] = [
    { kind: 'text', text: store.storeName, align: 'center', bold: true, size: 'wide' },
    { kind: 'text', text: L[report.kind], align: 'center', bold: true },
    { kind: 'rule' },
    { kind: 'columns', left: `${L.businessDay} ${report.businessDay}`, right: `${L.till} ${store.tillNumber}` },
  ];
  if (report.zNumber !== null) blocks.push({ kind: 'columns', left: L.zNumber, right: String(report.zNumber) });
  blocks.push({ kind: 'columns', left: L.opened, right: localTime(report.openedAt, store.timeZone) });
  if (report.closedAt !== null) blocks.push({ kind: 'columns', left: L.closed, right: localTime(report.closedAt, store.timeZone) });
  blocks.push(
    { kind: 'columns', left: L.printed, right: localTime(printedAt, store.timeZone) },
    { kind: 'rule' },
    { kind: 'columns', left: L.saleCount, right: String(t.saleCount) },
    { kind: 'columns', left: L.grossSales, right: amount(t.grossSales), bold: true },
    { kind: 'columns', left: L.cashSales, right: amount(t.cashSales) },
    { kind: 'columns', left: L.cardSales, right: amount(t.cardSales) },
    { kind: 'rule' },
    { kind: 'columns', left: L.float, right: amount(t.float) },
    { kind: 'columns', left: L.paidIn, right: amount(t.paidIn) },
    { kind: 'columns', left: L.paidOut, right: amount(t.paidOut) },
    { kind: 'columns', left: L.drops, right: amount(t.drops) },
    { kind: 'columns', left: L.noSales, right: String(t.noSales) },
    ...(t.returnCount > 0
      ? ([
          { kind: 'columns', left: `${L.refunds} (${t.returnCount})`, right: amount(t.refunds) },
          { kind: 'columns', left: L.cashRefunds, right: `-${amount(t.cashRefunds)}` },
        ] as const)
      : []),
    ...((t.voidCount ?? 0) > 0
      ? ([
          { kind: 'columns', left: `${L.voids} (${t.voidCount ?? 0})`, right: `-${amount(t.voids ?? 0)}` },
          { kind: 'columns', left: L.cashVoids, right: `-${amount(t.cashVoids ?? 0)}` },
        ] as const)
      : []),
    { kind: 'columns', left: L.expectedCash, right: amount(t.expectedCash), bold: true },
  );
  if (report.counted !== null && report.overShort !== null) {
    blocks.push(
      { kind: 'columns', left: L.counted, right: amount(report.counted), bold: true },
      { kind: 'columns', left: report.overShort >= 0 ? L.over : L.short, right: amount(Math.abs(report.overShort)), bold: true },
    );
  }
  blocks.push({ kind: 'rule' });
  return { blocks };
}
