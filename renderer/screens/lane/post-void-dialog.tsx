import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../main/api/contract.ts';
import type { PostVoidDoneView, PostVoidSaleView } from '../../../main/api/sale-changes-contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ApprovalFailure } from './approval-failure.tsx';
import { SupervisorPinField } from './supervisor-pin-field.tsx';
import { ToolDialog } from './tool-dialog.tsx';

interface Props {
  readonly client: TillClient;
  /** From the journal (F7): the sale already found there. */
  readonly receiptNumber?: string | undefined;
  readonly onClose: () => void;
}

/**
 * Post-void (Alt+V, or from the F7 journal): type the receipt number of a sale of this till and this
 * business day, see what goes back to each tender, and confirm with a supervisor's PIN. The void
 * receipt prints; cash comes out of the drawer after the commit.
 */
export function PostVoidDialog({ client, receiptNumber, onClose }: Props) {
  const { t, money, error } = useI18n();
  const id = useId();
  const [receipt, setReceipt] = useState(receiptNumber ?? '');
  const [sale, setSale] = useState<PostVoidSaleView | null>(null);
  const [done, setDone] = useState<PostVoidDoneView | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [pin, setPin] = useState('');
  const pinField = useRef<HTMLInputElement>(null);
  const doneNote = useRef<HTMLDivElement>(null);

  const find = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || receipt.trim() === '') return;
    setBusy(true);
    const r = await client.invoke('postVoid.find', { receiptNumber: receipt.trim() });
    setBusy(false);
    if (!r.ok) {
      setSale(null);
      return setFailure(r.error);
    }
    setFailure(null);
    setSale(r.value);
  };

  // From the journal the sale is known: look it up at once.
  useEffect(() => {
    if (receiptNumber) void find();
  }, []);
  useEffect(() => {
    if (done) doneNote.current?.focus();
  }, [done]);

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !sale) return;
    setBusy(true);
    const r = await client.invoke('postVoid.commit', { receiptNumber: sale.receiptNumber, ...(pin ? { supervisorPin: pin } : {}) });
    setBusy(false);
    if (!r.ok) {
      setPin('');
      return setFailure(r.error);
    }
    setFailure(null);
    setDone(r.value);
  };

  const kindText = (kind: string): string => (kind === 'cash' ? t('postVoid.cash') : kind === 'card' ? t('postVoid.card') : kind === 'points' ? t('postVoid.points') : kind);

  return (
    <ToolDialog title={t('postVoid.title')} className="post-void-dialog" onClose={onClose}>
      {done ? (
        <div ref={doneNote} tabIndex={-1} role="status" aria-label={t('postVoid.done')}>
          <p>{t('postVoid.doneText', { voidNumber: done.voidNumber, receipt: done.receiptNumber, amount: money(done.total, done.currency) })}</p>
          <ul aria-label={t('postVoid.givenBack')}>
            {done.tenders.map((x, i) => (
              <li key={i}>{`${kindText(x.kind)}${x.detail ? ` ${x.detail}` : ''} ${money(-x.amount, done.currency)}`}</li>
            ))}
          </ul>
          {done.receipt.printed ? null : <p role="alert">{t('postVoid.notPrinted', { detail: done.receipt.error ?? '' })}</p>}
          <KeyButton shortcut="Esc" className="primary" onClick={onClose}>
            {t('postVoid.close')}
          </KeyButton>
        </div>
      ) : (
        <>
          <form aria-label={t('postVoid.findTitle')} onSubmit={(e) => void find(e)}>
            <label htmlFor={`${id}-receipt`}>{t('postVoid.receipt')}</label>
            <input id={`${id}-receipt`} type="text" autoComplete="off" autoFocus maxLength={20} data-wedge="off" value={receipt} onChange={(e) => setReceipt(e.target.value)} />
            <KeyButton type="submit" shortcut="Enter" disabled={busy}>
              {t('postVoid.find')}
            </KeyButton>
          </form>
          {sale ? (
            <form aria-label={t('postVoid.confirmTitle')} onSubmit={(e) => void confirm(e)}>
              <p>{t('postVoid.sale', { receipt: sale.receiptNumber, amount: money(sale.total, sale.currency) })}</p>
              <ul aria-label={t('postVoid.toGiveBack')}>
                {sale.tenders.map((x, i) => (
                  <li key={i}>{`${kindText(x.kind)}${x.detail ? ` ${x.detail}` : ''} ${money(x.amount, sale.currency)}`}</li>
                ))}
              </ul>
              {sale.refusal ? (
                <p role="alert" className="tool-error">
                  {error({ code: sale.refusal.code, message: sale.refusal.message })}
                </p>
              ) : (
                <>
                  <SupervisorPinField value={pin} onChange={setPin} inputRef={pinField} />
                  <KeyButton type="submit" shortcut="Enter" className="primary danger" disabled={busy || pin.length < 4}>
                    {t('postVoid.confirm')}
                  </KeyButton>
                </>
              )}
            </form>
          ) : null}
          <ApprovalFailure failure={failure} />
          <KeyButton shortcut="Esc" onClick={onClose}>
            {t('postVoid.close')}
          </KeyButton>
        </>
      )}
    </ToolDialog>
  );
}
