import { useId } from 'react';
import type { CompletedSaleView } from '../../../main/api/contract.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Props {
  readonly completed: CompletedSaleView;
  readonly currency: string;
  readonly onNewSale: () => void;
}

export function CompletionPanel({ completed, currency, onNewSale }: Props) {
  const { t, money } = useI18n();
  const id = useId();
  return (
    <section className="completion" role="status" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('done.title')}</h2>
      <dl className="completion-facts">
        <div>
          <dt id={`${id}-receipt`}>{t('done.receiptNumber')}</dt>
          <dd aria-labelledby={`${id}-receipt`}>{completed.receiptNumber}</dd>
        </div>
        <div>
          <dt id={`${id}-total`}>{t('done.total')}</dt>
          <dd aria-labelledby={`${id}-total`}>{money(completed.total, currency)}</dd>
        </div>
        {completed.tenders.map((tender, i) => (
          <div key={i}>
            <dt>{tender.kind === 'cash' ? t('done.tenderCash') : tender.kind === 'points' ? t('done.tenderPoints') : t('done.tenderCard')}</dt>
            <dd>
              {money(tender.amount, currency)}
              {tender.detail ? ` · ${tender.detail}` : ''}
            </dd>
          </div>
        ))}
        {completed.loyalty ? (
          <>
            <div className="loyalty">
              <dt>{t('done.pointsEarned')}</dt>
              <dd>{completed.loyalty.pointsEarned.toLocaleString()}P</dd>
            </div>
            <div className="loyalty">
              <dt>{t('done.pointsBalance')}</dt>
              <dd>{completed.loyalty.balanceAfter.toLocaleString()}P</dd>
            </div>
          </>
        ) : null}
        <div className="change">
          <dt id={`${id}-change`}>{t('done.change')}</dt>
          <dd aria-labelledby={`${id}-change`}>{money(completed.change, currency)}</dd>
        </div>
      </dl>
      <p className={completed.receipt.printed ? 'receipt-ok' : 'receipt-failed'}>
        {completed.receipt.printed ? t('done.printed') : t('done.printFailed', { detail: completed.receipt.error ?? '' })}
      </p>
      <KeyButton shortcut="Enter" className="primary" autoFocus onClick={onNewSale}>
        {t('done.newSale')}
      </KeyButton>
    </section>
  );
}
