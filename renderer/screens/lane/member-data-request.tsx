import { useState } from 'react';
import type { ApiError } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { MemberFailure } from './member-failure.tsx';

/** The member asks at the counter to see or to delete their data: sent to the centre; a deletion asks once more first. */
export function MemberDataRequest({ client, memberId }: { client: TillClient; memberId: string }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<'SEE' | 'DELETE' | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const send = async (kind: 'SEE' | 'DELETE') => {
    setFailure(null);
    const reply = await client.invoke('member.dataRequest', { memberId, kind });
    setConfirming(false);
    if (reply.ok) setSent(kind);
    else setFailure(reply.error);
  };

  return (
    <div className="member-data" role="group" aria-label={t('dataRequest.title')}>
      <button type="button" onClick={() => void send('SEE')}>
        {t('dataRequest.see')}
      </button>
      {confirming ? (
        <button type="button" className="danger" onClick={() => void send('DELETE')}>
          {t('dataRequest.confirmDelete')}
        </button>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('dataRequest.delete')}
        </button>
      )}
      {sent ? <p role="status">{sent === 'SEE' ? t('dataRequest.seeSent') : t('dataRequest.deleteSent')}</p> : null}
      {failure ? <MemberFailure failure={failure} /> : null}
    </div>
  );
}
