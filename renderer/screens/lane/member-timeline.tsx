import { useState } from 'react';
import type { ApiError, MemberTimelineView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { MemberFailure } from './member-failure.tsx';

/** The member's latest purchases, open requests and products from their history, asked of the centre when the cashier asks. */
export function MemberTimeline({ client, memberId, currency }: { client: TillClient; memberId: string; currency: string }) {
  const { t, money, dateTime, lang } = useI18n();
  const [timeline, setTimeline] = useState<MemberTimelineView | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const load = async () => {
    setFailure(null);
    const reply = await client.invoke('member.timeline', { memberId });
    if (reply.ok) setTimeline(reply.value);
    else setFailure(reply.error);
  };

  return (
    <div className="member-timeline">
      <button type="button" onClick={() => void load()}>
        {t('timeline.show')}
      </button>
      {failure ? <MemberFailure failure={failure} /> : null}
      {timeline ? (
        <>
          <ul aria-label={t('timeline.purchases')}>
            {timeline.purchases.length === 0 ? <li>{t('timeline.noPurchases')}</li> : null}
            {timeline.purchases.map((p) => (
              <li key={p.saleId}>{t('timeline.purchase', { when: dateTime(p.completedAt), store: p.storeName, receipt: p.receiptNumber, total: money(p.total, currency) })}</li>
            ))}
          </ul>
          <ul aria-label={t('timeline.recommendations')}>
            {timeline.recommendations.map((r) => (
              <li key={r.barcode}>{r.name[lang] ?? r.name['ko'] ?? r.barcode}</li>
            ))}
          </ul>
          {timeline.openRequests.length > 0 ? (
            <ul aria-label={t('timeline.requests')}>
              {timeline.openRequests.map((r) => (
                <li key={`${r.kind}-${r.requestedAt}`}>{t('timeline.request', { kind: r.kind, when: dateTime(r.requestedAt) })}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
