import { useId } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Props {
  readonly amount: number;
  readonly currency: string;
}

/** Shown while the terminal has the charge; it cannot be closed from here (the terminal decides). */
export function CardPanel({ amount, currency }: Props) {
  const { t, money } = useI18n();
  const id = useId();
  return (
    <section className="panel card-panel" role="dialog" aria-labelledby={id} aria-busy="true">
      <h2 id={id}>{t('card.title')}</h2>
      <p className="panel-amount">{t('card.amount', { amount: money(amount, currency) })}</p>
      <p className="card-waiting" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> {t('card.waiting')}
      </p>
    </section>
  );
}
