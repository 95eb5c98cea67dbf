import { useCallback, useEffect, useEffectEvent, useId, useState, type FormEvent } from 'react';
import type { ApiError, ShiftReportView, ShiftView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { parseMoneyInput } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { CashCountForm } from './cash-count-form.tsx';
import { ShiftReportPanel } from './shift-report-view.tsx';
import { UnsyncedDialog } from './unsynced-dialog.tsx';

interface Props {
  readonly client: TillClient;
  readonly onClose: () => void;
}

type CashKind = 'drop' | 'paidIn' | 'paidOut' | 'noSale';
const cashKinds: readonly CashKind[] = ['drop', 'paidIn', 'paidOut', 'noSale'];
const cashKindLabels = { drop: 'shift.kind.drop', paidIn: 'shift.kind.paidIn', paidOut: 'shift.kind.paidOut', noSale: 'shift.kind.noSale' } as const;

/** The screen's own keys (the lane's are not active here). */
export const shiftKeys = { reportX: 'F2', closeShift: 'F3', reportZ: 'F4', back: 'Escape' } as const;

/**
 * Shift and cash drawer: open with a float, cash drops, paid-in/out, no-sale, X report,
 * close with a blind count, Z report. Reached from the lane with F6.
 */
export function ShiftScreen({ client, onClose }: Props) {
  const { t, money, error } = useI18n();
  const id = useId();
  const [shift, setShift] = useState<ShiftView | null | undefined>(undefined);
  const [report, setReport] = useState<ShiftReportView | null>(null);
  const [counting, setCounting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [floatText, setFloatText] = useState('');
  const [kind, setKind] = useState<CashKind>('drop');
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const [askZ, setAskZ] = useState<{ count: number; failure: ApiError | null } | null>(null);

  const reload = useCallback(async () => {
    const r = await client.invoke('shift.current', {});
    if (r.ok) setShift(r.value);
    else setFailure(r.error);
  }, [client]);
  useEffect(() => void reload(), [reload]);

  const run = async <T,>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>, then: (value: T) => void) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setDone(null);
    const r = await call();
    setBusy(false);
    if (r.ok) then(r.value);
    else setFailure(r.error);
    await reload();
  };

  const openShift = (event: FormEvent) => {
    event.preventDefault();
    const float = parseMoneyInput(floatText, 'KRW');
    if (float === null) return setFailure({ code: 'invalid_input', message: '' });
    void run(() => client.invoke('shift.open', { float }), () => setReport(null));
  };

  const recordCash = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'noSale') {
      return void run(() => client.invoke('shift.noSale', { reason }), () => {
        setDone(t('shift.recorded'));
        setReason('');
      });
    }
    const amount = parseMoneyInput(amountText, 'KRW');
    if (amount === null || amount <= 0) return setFailure({ code: 'invalid_input', message: '' });
    void run(() => client.invoke('shift.cash', { kind, amount, reason }), () => {
      setDone(t('shift.recorded'));
      setAmountText('');
      setReason('');
    });
  };

  const reportX = () => void run(() => client.invoke('report.x', {}), setReport);
  const reportZ = () => void closeDay(undefined);
  /** With unsynced sales the host asks for a supervisor: the dialog takes the PIN and tries again. */
  const closeDay = async (supervisorPin: string | undefined) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const r = await client.invoke('report.z', supervisorPin ? { supervisorPin } : {});
    setBusy(false);
    if (r.ok) {
      setAskZ(null);
      setReport(r.value);
    } else if (r.error.code === 'unsynced_sales') {
      const status = await client.invoke('till.status', {});
      setAskZ({ count: status.ok ? status.value.sync.queued : 0, failure: supervisorPin ? r.error : null });
    } else setFailure(r.error);
    await reload();
  };
  const closeShift = (counts: Record<string, number>) =>
    void run(() => client.invoke('shift.close', { counts }), (r) => {
      setCounting(false);
      setReport(r);
    });

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    const open = shift !== null && shift !== undefined;
    if (askZ) return; // the dialog has the keyboard
    if (event.key === shiftKeys.back) {
      if (counting) setCounting(false);
      else onClose();
    } else if (event.key === shiftKeys.reportX && open) reportX();
    else if (event.key === shiftKeys.closeShift && open) setCounting(true);
    else if (event.key === shiftKeys.reportZ && !open) reportZ();
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <main className="shift-screen" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('shift.title')}</h1>
      {failure ? (
        <p role="alert" className="alert">
          {error(failure)}
        </p>
      ) : null}
      {done ? <p aria-live="polite">{done}</p> : null}
      {shift === undefined ? null : shift === null ? (
        <form className="panel" aria-labelledby={`${id}-open`} onSubmit={openShift}>
          <h2 id={`${id}-open`}>{t('shift.openTitle')}</h2>
          <label htmlFor={`${id}-float`}>{t('shift.float')}</label>
          <input id={`${id}-float`} type="text" inputMode="numeric" autoComplete="off" autoFocus value={floatText} onChange={(e) => setFloatText(e.target.value)} />
          <KeyButton type="submit" shortcut="Enter" className="primary" disabled={busy}>
            {t('shift.open')}
          </KeyButton>
        </form>
      ) : counting ? (
        <CashCountForm busy={busy} onCount={closeShift} onCancel={() => setCounting(false)} />
      ) : (
        <>
          <p>{t('shift.openSummary', { day: shift.businessDay, float: money(shift.float, shift.currency) })}</p>
          <form className="panel" aria-labelledby={`${id}-cash`} onSubmit={recordCash}>
            <h2 id={`${id}-cash`}>{t('shift.cashTitle')}</h2>
            <fieldset>
              <legend>{t('shift.cashKind')}</legend>
              {cashKinds.map((k) => (
                <label key={k}>
                  <input type="radio" name="cash-kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(cashKindLabels[k])}
                </label>
              ))}
            </fieldset>
            {kind !== 'noSale' ? (
              <>
                <label htmlFor={`${id}-amount`}>{t('shift.amount')}</label>
                <input id={`${id}-amount`} type="text" inputMode="numeric" autoComplete="off" value={amountText} onChange={(e) => setAmountText(e.target.value)} />
              </>
            ) : null}
            <label htmlFor={`${id}-reason`}>{t('shift.reason')}</label>
            <input id={`${id}-reason`} type="text" autoComplete="off" maxLength={100} required value={reason} onChange={(e) => setReason(e.target.value)} />
            <KeyButton type="submit" shortcut="Enter" disabled={busy}>
              {t('shift.record')}
            </KeyButton>
          </form>
        </>
      )}
      <div className="lane-actions" role="group" aria-label={t('shift.actions')}>
        <KeyButton shortcut={shiftKeys.reportX} disabled={busy || !shift} onClick={reportX}>
          {t('shift.reportX')}
        </KeyButton>
        <KeyButton shortcut={shiftKeys.closeShift} disabled={busy || !shift} onClick={() => setCounting(true)}>
          {t('shift.close')}
        </KeyButton>
        <KeyButton shortcut={shiftKeys.reportZ} disabled={busy || shift !== null} onClick={reportZ}>
          {t('shift.reportZ')}
        </KeyButton>
        <KeyButton shortcut="Esc" onClick={onClose}>
          {t('shift.back')}
        </KeyButton>
      </div>
      {askZ ? (
        <UnsyncedDialog count={askZ.count} action="closeDay" failure={askZ.failure} onConfirm={(pin) => void closeDay(pin)} onCancel={() => setAskZ(null)} />
      ) : null}
      {report ? <ShiftReportPanel report={report} /> : null}
    </main>
  );
}
