import { useEffect, useState } from 'react';
import type { CompletedSaleView, SaleView } from '../../../main/api/contract.ts';
import type { LiveTillClient } from '../../client/live-till-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { lineName } from '../lane/line-name.ts';

/**
 * The customer-facing display: what is rung, what it costs, what was saved, the change.
 * A second window in Electron, a page (?view=customer) in browser mode. Read-only: no controls.
 */
export function CustomerDisplay({ client }: { client: LiveTillClient }) {
  const { t, money, lang } = useI18n();
  const [sale, setSale] = useState<SaleView | null>(null);
  const [done, setDone] = useState<CompletedSaleView | null>(null);
  const [currency, setCurrency] = useState('KRW');

  useEffect(() => {
    void client.invoke('till.status', {}).then((r) => {
      if (!r.ok) return;
      setSale(r.value.sale);
      setDone(r.value.lastCompleted);
      setCurrency(r.value.store.currency);
    });
    const offSale = client.on('sale', (s) => {
      setSale(s);
      if (s) setDone(null);
    });
    const offDone = client.on('saleCompleted', (c) => setDone(c));
    return () => {
      offSale();
      offDone();
    };
  }, [client]);

  const live = sale?.lines.filter((l) => !l.voided) ?? [];
  return (
    <main className="customer-display" aria-label={t('display.region')}>
      {done ? (
        <section aria-live="polite" className="customer-display__done">
          <p className="customer-display__big">{t('display.thanks')}</p>
          <p>
            {t('display.total')}: <strong>{money(done.total, currency)}</strong>
          </p>
          {done.change > 0 ? (
            <p className="customer-display__big" aria-label={t('display.change')}>
              {t('display.change')} {money(done.change, currency)}
            </p>
          ) : null}
        </section>
      ) : live.length === 0 ? (
        <p className="customer-display__big">{t('display.welcome')}</p>
      ) : (
        <>
          <ul aria-label={t('display.lines')} className="customer-display__lines">
            {live.map((l) => (
              <li key={l.lineId}>
                <span>
                  {lineName(l, lang)} × {l.quantity}
                </span>
                <span>{money(l.amount - l.discount, sale?.currency ?? currency)}</span>
              </li>
            ))}
          </ul>
          {sale && sale.totals.discount > 0 ? (
            <p aria-label={t('display.savings')}>
              {t('display.savings')} {money(sale.totals.discount, sale.currency)}
            </p>
          ) : null}
          <p className="customer-display__big" aria-label={t('display.total')} aria-live="polite">
            {t('display.total')} {money(sale?.totals.total ?? 0, sale?.currency ?? currency)}
          </p>
        </>
      )}
    </main>
  );
}
