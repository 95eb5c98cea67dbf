import { useEffect, useEffectEvent, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError, ReturnDoneView, ReturnOriginalView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ApprovalFailure } from './approval-failure.tsx';
import { SupervisorPinField } from './supervisor-pin-field.tsx';
import { ToolDialog } from './tool-dialog.tsx';
import { ReturnLines, type LineChoice } from './return-lines.tsx';
import { ReturnReceiptless } from './return-receiptless.tsx';

interface Props {
  readonly client: TillClient;
  readonly onClose: () => void;
}

type Step = { kind: 'find' } | { kind: 'lines'; original: ReturnOriginalView } | { kind: 'receiptless' } | { kind: 'done'; done: ReturnDoneView };

/** What a return starts from: a receipt number, or an online order's QR. */
const RETURN_CODE = /^(\d{4}-\d{2}-\d{6}|omni-order:\d{6,20}:[A-Za-z2-9]{6})$/i;

/** The codes after which a supervisor's PIN may let the return through. */
const needsSupervisor = (e: ApiError | null): boolean => e?.code === 'return_policy' || e?.code === 'supervisor_required' || e?.code === 'pin_wrong';

/**
 * Returns (Alt+T): scan or type the receipt number, choose what comes back and in what state,
 * refund to the original tenders. Without a receipt: a supervisor approves, refunded in cash.
 */
export function ReturnDialog({ client, onClose }: Props) {
  const { t, money } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'find' });
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState('');
  const [choices, setChoices] = useState<Record<string, LineChoice>>({});
  const [pin, setPin] = useState('');
  const pinField = useRef<HTMLInputElement>(null);
  const receiptField = useRef<HTMLInputElement>(null);
  const receiptId = useId();

  const doneNote = useRef<HTMLDivElement>(null);
  const linesForm = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (step.kind === 'find') receiptField.current?.focus();
    // The form that had the focus is gone: keep it in the dialog, so Escape still closes it.
    if (step.kind === 'done') doneNote.current?.focus();
    if (step.kind === 'lines') (linesForm.current?.querySelector<HTMLElement>('input:not([disabled])') ?? linesForm.current)?.focus();
  }, [step.kind]);

  const lookUp = async (code: string) => {
    if (busy || code === '') return;
    setBusy(true);
    setFailure(null);
    const reply = await client.invoke('return.find', { code });
    setBusy(false);
    if (!reply.ok) return setFailure(reply.error);
    setChoices({});
    setStep({ kind: 'lines', original: reply.value });
  };

  const find = (event: FormEvent) => {
    event.preventDefault();
    void lookUp(receipt.trim());
  };

  // A device scanner (serial, HID, TCP) rings into the sale, which refuses a receipt or an order QR:
  // while the dialog waits for one, such a scan is taken here instead.
  const onScan = useEffectEvent((code: string) => {
    if (step.kind !== 'find' || !RETURN_CODE.test(code.trim())) return;
    setReceipt(code.trim());
    void lookUp(code.trim());
  });
  useEffect(() => client.on('scanRejected', ({ code }) => onScan(code)), [client]);

  const refund = async () => {
    if (busy || step.kind !== 'lines') return;
    const lines = Object.entries(choices)
      .filter(([, c]) => c.quantity > 0)
      .map(([lineId, c]) => ({ lineId, quantity: c.quantity, condition: c.condition, disposition: c.disposition }));
    setBusy(true);
    setFailure(null);
    const reply = await client.invoke('return.commit', { saleId: step.original.saleId, lines, ...(pin !== '' ? { supervisorPin: pin } : {}) });
    setBusy(false);
    if (!reply.ok) return setFailure(reply.error);
    setPin('');
    setStep({ kind: 'done', done: reply.value });
  };

  const reprint = async (done: ReturnDoneView) => {
    if (busy) return;
    setBusy(true);
    const reply = await client.invoke('return.reprint', { returnId: done.returnId });
    setBusy(false);
    if (!reply.ok) return setFailure(reply.error);
    setFailure(null);
    setStep({ kind: 'done', done: { ...done, receipt: reply.value } });
  };

  const chosen = Object.values(choices).some((c) => c.quantity > 0);

  return (
    <ToolDialog title={t('return.title')} className="return-dialog" onClose={onClose}>
      {step.kind === 'find' ? (
        <form onSubmit={find} data-wedge="off">
          <label htmlFor={receiptId}>{t('return.receipt')}</label>
          <input id={receiptId} ref={receiptField} autoComplete="off" value={receipt} onChange={(e) => setReceipt(e.target.value)} />
          <p className="hint">{t('return.receiptHint')}</p>
          <div className="panel-actions">
            <KeyButton type="submit" shortcut="Enter" className="primary" disabled={busy}>
              {t('return.find')}
            </KeyButton>
            <KeyButton onClick={() => { setFailure(null); setStep({ kind: 'receiptless' }); }}>{t('return.noReceipt')}</KeyButton>
          </div>
        </form>
      ) : null}
      {step.kind === 'lines' ? (
        <form ref={linesForm} tabIndex={-1} onSubmit={(e) => { e.preventDefault(); void refund(); }} data-wedge="off">
          <p>
            {t(step.original.source === 'central' ? 'return.foundCentral' : step.original.source === 'order' ? 'return.foundOrder' : 'return.foundTill', {
              receipt: step.original.receiptNumber,
            })}
          </p>
          <ReturnLines original={step.original} choices={choices} onChange={setChoices} />
          {needsSupervisor(failure) ? <SupervisorPinField value={pin} onChange={setPin} inputRef={pinField} /> : null}
          <div className="panel-actions">
            <KeyButton type="submit" shortcut="Enter" className="primary" disabled={busy || !chosen}>
              {t('return.refund')}
            </KeyButton>
          </div>
        </form>
      ) : null}
      {step.kind === 'receiptless' ? (
        <ReturnReceiptless client={client} onDone={(done) => setStep({ kind: 'done', done })} />
      ) : null}
      {step.kind === 'done' ? (
        <div ref={doneNote} tabIndex={-1} role="status" aria-label={t('return.done')} className="tool-done">
          <p>{t('return.doneText', { number: step.done.returnNumber, amount: money(step.done.refund, step.done.currency) })}</p>
          <ul>
            {step.done.tenders.map((tender, i) => (
              <li key={i}>
                {t(tender.kind === 'card' ? 'return.toCard' : tender.kind === 'online' ? 'return.toOnline' : tender.kind === 'storeCredit' ? 'return.toStoreCredit' : 'return.toCash', {
                  amount: money(tender.amount, step.done.currency),
                  detail: tender.detail ?? '',
                })}
              </li>
            ))}
          </ul>
          {step.done.receipt.printed ? null : <p>{t('return.notPrinted', { detail: step.done.receipt.error ?? '' })}</p>}
          <KeyButton disabled={busy} onClick={() => void reprint(step.done)}>
            {t('return.reprint')}
          </KeyButton>
        </div>
      ) : null}
      <ApprovalFailure failure={failure} />
      <div className="panel-actions">
        <KeyButton shortcut="Esc" onClick={onClose}>
          {t('panel.close')}
        </KeyButton>
      </div>
    </ToolDialog>
  );
}
