import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ApiError, MemberHitView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ToolDialog } from './tool-dialog.tsx';
import { MemberFailure } from './member-failure.tsx';
import { moveFocusInList } from './list-focus.ts';
import { MemberEnrolForm } from './member-enrol-form.tsx';

interface Props {
  readonly client: TillClient;
  readonly onClose: () => void;
}

/**
 * Finds a member on the till (offline): a full mobile number or the app's QR identifies them at
 * once; the last four digits may match several, told apart by masked name (↑↓, Enter).
 */
export function MemberDialog({ client, onClose }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly MemberHitView[] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  const list = useRef<HTMLUListElement>(null);

  const attach = async (memberId: string) => {
    if (busy) return;
    setBusy(true);
    const reply = await client.invoke('member.attach', { memberId });
    setBusy(false);
    if (reply.ok) onClose();
    else setFailure(reply.error);
  };

  const lookup = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || query.trim() === '') return;
    setFailure(null);
    const reply = await client.invoke('member.lookup', { query });
    if (!reply.ok) {
      setHits(null);
      setFailure(reply.error);
      return;
    }
    setHits(reply.value);
    // One member by full number or app code: identified at once. Several: the cashier picks.
    const only = reply.value[0];
    if (reply.value.length === 1 && only && !/^\d{4}$/.test(query.trim())) await attach(only.id);
    else setTimeout(() => list.current?.querySelector('button')?.focus(), 0);
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => moveFocusInList(event, list);

  return (
    <ToolDialog title={t('member.title')} className="member-dialog" onClose={onClose}>
      <form onSubmit={(e) => void lookup(e)}>
        <label>
          {t('member.query')}
          <input autoFocus inputMode="numeric" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <p className="hint">{t('member.queryHint')}</p>
      </form>
      {hits !== null && hits.length === 0 ? <p role="status">{t('member.none')}</p> : null}
      {hits !== null && hits.length > 0 ? (
        <ul ref={list} className="member-list" aria-label={t('member.matches')} onKeyDown={onListKey}>
          {hits.map((m) => (
            <li key={m.id}>
              <button type="button" onClick={() => void attach(m.id)}>
                {t('member.entry', { name: m.maskedName, phone: m.maskedPhone, tier: m.tier, points: m.pointsBalance.toLocaleString() })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {failure ? <MemberFailure failure={failure} /> : null}
      {enrolling ? <MemberEnrolForm client={client} onEnrolled={(m) => void attach(m.id)} /> : null}
      <div className="panel-actions">
        {enrolling ? null : (
          <KeyButton onClick={() => setEnrolling(true)}>
            {t('enrol.open')}
          </KeyButton>
        )}
        <KeyButton shortcut="Esc" onClick={onClose}>
          {t('panel.close')}
        </KeyButton>
      </div>
    </ToolDialog>
  );
}
