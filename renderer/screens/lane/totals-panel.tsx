import { useId } from 'react';
import type { SaleView } from '../../../main/api/contract.ts';
import type { MessageKey } from '../../i18n/ko.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Props {
  readonly sale: SaleView | null;
  readonly currency: string;
}

/** Each amount is a definition named by its term, e.g. getByRole('definition', {name: '합계'}). */
export function TotalsPanel({ sale, currency }: Props) {
  const { t, money, lang } = useI18n();
  const id = useId();
  const discount = sale?.totals.discount ?? 0;
  const rows: readonly { key: MessageKey; amount: number; className: string }[] = [
    { key: 'totals.total', amount: sale?.totals.total ?? 0, className: 'total' },
    // Shown only when something was saved, as a negative amount ("총 할인 -₩1,100").
    ...(discount > 0 ? [{ key: 'totals.discount' as const, amount: -discount, className: 'saving' }] : []),
    { key: 'totals.taxableSupply', amount: sale?.totals.taxableSupply ?? 0, className: 'minor' },
    { key: 'totals.tax', amount: sale?.totals.tax ?? 0, className: 'minor' },
    { key: 'totals.taxFree', amount: sale?.totals.taxFree ?? 0, className: 'minor' },
    { key: 'totals.paid', amount: sale?.payment.paid ?? 0, className: 'minor' },
    { key: 'totals.due', amount: sale?.payment.due ?? 0, className: 'due' },
  ];
  return (
    <section className="totals" aria-label={t('totals.title')}>
      <dl>
        {rows.map((row, i) => (
          <div key={row.key} className={`totals-row ${row.className}`}>
            <dt id={`${id}-${i}`}>{t(row.key)}</dt>
            <dd aria-labelledby={`${id}-${i}`}>{money(row.amount, sale?.currency ?? currency)}</dd>
          </div>
        ))}
      </dl>
      {sale && sale.savings.length > 0 ? (
        <section className="savings" aria-label={t('savings.title')}>
          <ul>
            {sale.savings.map((saving, i) => {
              const label = saving.label[lang] ?? saving.label['ko'] ?? Object.values(saving.label)[0] ?? '';
              const amount = money(-saving.amount, sale.currency);
              // Read as one phrase ("라면 2+1  -₩1,100"), shown as two columns.
              return (
                <li key={i} aria-label={t('savings.entry', { label, amount })}>
                  <span>{label}</span>
                  <span>{amount}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {sale ? <p className="item-count">{t('basket.itemCount', { count: sale.totals.itemCount })}</p> : null}
    </section>
  );
}
