import { useId } from 'react';
import type { ShiftReportView } from '../../../main/api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/ko.ts';

const titles: Record<ShiftReportView['kind'], MessageKey> = { X: 'report.titleX', shift: 'report.titleShift', Z: 'report.titleZ' };

/** A report on screen: the same figures the printer printed, each a labelled value. */
export function ShiftReportPanel({ report }: { report: ShiftReportView }) {
  const { t, money, dateTime } = useI18n();
  const id = useId();
  const m = (minor: number) => money(minor, report.currency);
  const tt = report.totals;
  const rows: [MessageKey, string][] = [
    ['report.businessDay', report.businessDay],
    ...(report.zNumber !== null ? ([['report.zNumber', String(report.zNumber)]] as [MessageKey, string][]) : []),
    ['report.opened', dateTime(report.openedAt)],
    ...(report.closedAt !== null ? ([['report.closed', dateTime(report.closedAt)]] as [MessageKey, string][]) : []),
    ['report.saleCount', String(tt.saleCount)],
    ['report.grossSales', m(tt.grossSales)],
    ['report.cashSales', m(tt.cashSales)],
    ['report.cardSales', m(tt.cardSales)],
    ['report.float', m(tt.float)],
    ['report.paidIn', m(tt.paidIn)],
    ['report.paidOut', m(tt.paidOut)],
    ['report.drops', m(tt.drops)],
    ['report.noSales', String(tt.noSales)],
    ...(tt.returnCount > 0 ? ([['report.refunds', m(tt.refunds)], ['report.cashRefunds', m(tt.cashRefunds)]] satisfies [MessageKey, string][]) : []),
    // Post-voids apart: their cash went back out of the drawer, and the expected cash already excludes it.
    ...((tt.voidCount ?? 0) > 0 ? ([['report.voids', `${String(tt.voidCount ?? 0)} · ${m(-(tt.voids ?? 0))}`], ['report.cashVoids', m(-(tt.cashVoids ?? 0))]] satisfies [MessageKey, string][]) : []),
    ['report.expectedCash', m(tt.expectedCash)],
  ];
  if (report.counted !== null && report.overShort !== null) {
    rows.push(['report.counted', m(report.counted)], [report.overShort >= 0 ? 'report.over' : 'report.short', m(Math.abs(report.overShort))]);
  }
  return (
    <section className="panel shift-report" role="region" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(titles[report.kind])}</h2>
      <dl>
        {rows.map(([key, value]) => (
          <div key={key} className="report-row">
            <dt id={`${id}-${key}`}>{t(key)}</dt>
            <dd aria-labelledby={`${id}-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p aria-live="polite">{report.printed.printed ? t('report.printed') : t('report.printFailed', { detail: report.printed.error ?? '' })}</p>
    </section>
  );
}
