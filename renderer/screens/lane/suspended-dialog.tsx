import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiError, MethodOutput } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ApprovalFailure } from './approval-failure.tsx';
import { ToolDialog } from './tool-dialog.tsx';
import { moveFocusInList } from './list-focus.ts';

interface Props {
  readonly client: TillClient;
  readonly currency: string;
  readonly onClose: () => void;
}

type Suspended = MethodOutput<'sale.suspendedInStore'>;

/**
 * The store's suspended sales, oldest first: this till's, and (online) the other tills' (named by
 * their till); Enter (or a click) resumes one, ↑↓ move between them. Offline it says only this
 * till's are shown.
 */
export function SuspendedDialog({ client, currency, onClose }: Props) {
  const { t, money, dateTime } = useI18n();
  const [sales, setSales] = useState<Suspended | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    void client.invoke('sale.suspendedInStore', {}).then((reply) => {
      if (!live) return;
      if (reply.ok) setSales(reply.value);
      else setFailure(reply.error);
    });
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(() => {
    list.current?.querySelector('button')?.focus();
  }, [sales]);

  const resume = async (saleId: string) => {
    // Not disabled while busy: a disabled button drops the focus out of the dialog (and Escape with it).
    if (busy) return;
    setBusy(true);
    const reply = await client.invoke('sale.resume', { saleId });
    setBusy(false);
    if (reply.ok) onClose();
    else setFailure(reply.error);
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => moveFocusInList(event, list);

  return (
    <ToolDialog title={t('resume.title')} className="suspended-dialog" onClose={onClose}>
      {sales?.offline ? <p role="status">{t('resume.offline')}</p> : null}
      {sales !== null && sales.sales.length === 0 ? <p>{t('resume.empty')}</p> : null}
      <ul ref={list} className="suspended-list" aria-label={t('resume.list')} onKeyDown={onListKey}>
        {(sales?.sales ?? []).map((s) => (
          <li key={s.saleId}>
            <button type="button" onClick={() => void resume(s.saleId)}>
              {s.here
                ? t('resume.entry', { time: dateTime(s.suspendedAt), count: s.itemCount, total: money(s.total, currency) })
                : t('resume.entryOther', { till: s.tillNumber, time: dateTime(s.suspendedAt), count: s.itemCount, total: money(s.total, currency) })}
            </button>
          </li>
        ))}
      </ul>
      <ApprovalFailure failure={failure} />
      <div className="panel-actions">
        <KeyButton shortcut="Esc" onClick={onClose}>
          {t('panel.close')}
        </KeyButton>
      </div>
    </ToolDialog>
  );
}
