import { useId } from 'react';
import type { CompletedSaleView } from '../../../main/api/contract.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/ko.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { ReceiptPreview } from './receipt-preview.tsx';

interface Props {
  readonly completed: CompletedSaleView;
  readonly currency: string;
  readonly onNewSale: () => void;
  /** To show the receipt on screen when it did not print. */
  readonly client?: TillClient;
}

const TENDER_NAMES = {
  cash: 'done.tenderCash', card: 'done.tenderCard', points: 'done.tenderPoints', giftCard: 'done.tenderGiftCard', storeCredit: 'done.tenderStoreCredit', mobile: 'done.tenderMobile',
} as const satisfies Record<CompletedSaleView['tenders'][number]['kind'], MessageKey>;

export function CompletionPanel({ completed, currency, onNewSale, client }: Props) {
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
            <dt>{t(TENDER_NAMES[tender.kind])}</dt>
            <dd>
              {money(tender.amount, currency)}
              {tender.detail ? ` · ${tender.detail}` : ''}
              {tender.instalmentMonths ? ` · ${t('done.instalment', { months: tender.instalmentMonths })}` : ''}
              {tender.balanceAfter !== undefined ? ` · ${t('done.balance', { amount: money(tender.balanceAfter, currency) })}` : ''}
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
      {!completed.receipt.printed && client ? <ReceiptPreview client={client} saleId={completed.saleId} /> : null}
      <KeyButton shortcut="Enter" className="primary" autoFocus onClick={onNewSale}>
        {t('done.newSale')}
      </KeyButton>
    </section>
  );
}
