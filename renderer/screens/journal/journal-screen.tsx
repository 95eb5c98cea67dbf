import { useEffect, useEffectEvent, useId, useState, type FormEvent } from 'react';
import type { ApiError, JournalHitView, MethodInput } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { parseMoneyInput } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { OwedReceipts } from './owed-receipts.tsx';
import { PostVoidDialog } from '../lane/post-void-dialog.tsx';
import { saleChangeCommandFor, saleChangeKeys } from '../lane/sale-changes-keys.ts';

interface Props {
  readonly client: TillClient;
  readonly onClose: () => void;
}

/** The screen's own keys (the lane's are not active here). */
export const journalKeys = { reprint: 'F2', gift: 'F3', back: 'Escape' } as const;

/**
 * Electronic journal (F7 from the lane): find a sale by receipt number, day, amount or card
 * last four; reprint it as a copy (F2) or print a gift receipt (F3). Arrows pick a result.
 */
export function JournalScreen({ client, onClose }: Props) {
  const { t, money, dateTime, error } = useI18n();
  const id = useId();
  const [receipt, setReceipt] = useState('');
  const [day, setDay] = useState('');
  const [amount, setAmount] = useState('');
  const [last4, setLast4] = useState('');
  const [hits, setHits] = useState<readonly JournalHitView[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Post-void of the sale found (Alt+V), in its own dialog over the journal.
  const [voiding, setVoiding] = useState<string | null>(null);
  const selectedReceipt = (hits ?? []).find((h) => h.saleId === selected)?.receiptNumber ?? null;

  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    const query: MethodInput<'journal.search'> = { limit: 50 };
    if (receipt.trim()) query.receiptNumber = receipt.trim();
    if (day) query.businessDay = day;
    if (amount.trim()) {
      const minor = parseMoneyInput(amount, 'KRW');
      if (minor === null) return setFailure({ code: 'invalid_input', message: '' });
      query.amount = minor;
    }
    if (last4.trim()) query.cardLastFour = last4.trim();
    const r = await client.invoke('journal.search', query);
    setDone(null);
    if (r.ok) {
      setFailure(null);
      setHits(r.value);
      setSelected(r.value[0]?.saleId ?? null);
    } else setFailure(r.error);
  };

  const print = async (gift: boolean) => {
    if (busy || selected === null) return;
    setBusy(true);
    const r = await client.invoke('journal.reprint', { saleId: selected, gift });
    setBusy(false);
    if (!r.ok) return setFailure(r.error);
    setFailure(null);
    setDone(r.value.printed ? t(gift ? 'journal.giftPrinted' : 'journal.reprinted') : t('journal.printFailed', { detail: r.value.error ?? '' }));
  };

  const move = (step: number) => {
    const ids = (hits ?? []).map((h) => h.saleId);
    if (ids.length === 0) return;
    const at = selected === null ? -1 : ids.indexOf(selected);
    setSelected(ids[Math.min(ids.length - 1, Math.max(0, at + step))] ?? null);
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || voiding !== null) return;
    if (saleChangeCommandFor(event) === 'postVoid' && selectedReceipt !== null) {
      event.preventDefault();
      return setVoiding(selectedReceipt);
    }
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.key === journalKeys.back) onClose();
    else if (event.key === journalKeys.reprint) void print(false);
    else if (event.key === journalKeys.gift) void print(true);
    else if (event.key === 'ArrowDown' && !(event.target instanceof HTMLInputElement)) move(1);
    else if (event.key === 'ArrowUp' && !(event.target instanceof HTMLInputElement)) move(-1);
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <main className="journal-screen" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('journal.title')}</h1>
      <form className="panel journal-search" aria-label={t('journal.searchTitle')} onSubmit={(e) => void search(e)}>
        <label htmlFor={`${id}-receipt`}>{t('journal.receiptNumber')}</label>
        <input id={`${id}-receipt`} type="text" inputMode="numeric" autoComplete="off" autoFocus maxLength={20} value={receipt} onChange={(e) => setReceipt(e.target.value)} />
        <label htmlFor={`${id}-day`}>{t('journal.businessDay')}</label>
        <input id={`${id}-day`} type="date" value={day} onChange={(e) => setDay(e.target.value)} />
        <label htmlFor={`${id}-amount`}>{t('journal.amount')}</label>
        <input id={`${id}-amount`} type="text" inputMode="numeric" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} />
        <label htmlFor={`${id}-last4`}>{t('journal.cardLastFour')}</label>
        <input id={`${id}-last4`} type="text" inputMode="numeric" autoComplete="off" maxLength={4} value={last4} onChange={(e) => setLast4(e.target.value)} />
        <KeyButton type="submit" shortcut="Enter" className="primary">
          {t('journal.search')}
        </KeyButton>
      </form>
      <OwedReceipts client={client} />
      {failure ? (
        <p role="alert" className="alert">
          {error(failure)}
        </p>
      ) : null}
      {done ? <p aria-live="polite">{done}</p> : null}
      {hits !== null ? (
        hits.length === 0 ? (
          <p aria-live="polite">{t('journal.none')}</p>
        ) : (
          <table aria-label={t('journal.results')} className="journal-results">
            <thead>
              <tr>
                <th scope="col">{t('journal.receiptNumber')}</th>
                <th scope="col">{t('journal.completedAt')}</th>
                <th scope="col">{t('journal.total')}</th>
                <th scope="col">{t('journal.tenders')}</th>
              </tr>
            </thead>
            <tbody>
              {hits.map((h) => (
                <tr key={h.saleId} aria-selected={h.saleId === selected} className={h.saleId === selected ? 'selected' : undefined} onClick={() => setSelected(h.saleId)}>
                  <td>{h.receiptNumber}</td>
                  <td>{dateTime(h.completedAt)}</td>
                  <td>{money(h.total, h.currency)}</td>
                  <td>{h.tenders.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      <div className="lane-actions" role="group" aria-label={t('journal.actions')}>
        <KeyButton shortcut={journalKeys.reprint} disabled={busy || selected === null} onClick={() => void print(false)}>
          {t('journal.reprint')}
        </KeyButton>
        <KeyButton shortcut={journalKeys.gift} disabled={busy || selected === null} onClick={() => void print(true)}>
          {t('journal.gift')}
        </KeyButton>
        <KeyButton shortcut={saleChangeKeys.postVoid} disabled={busy || selectedReceipt === null} onClick={() => setVoiding(selectedReceipt)}>
          {t('journal.postVoid')}
        </KeyButton>
        <KeyButton shortcut="Esc" onClick={onClose}>
          {t('shift.back')}
        </KeyButton>
      </div>
      {voiding !== null ? <PostVoidDialog client={client} receiptNumber={voiding} onClose={() => setVoiding(null)} /> : null}
    </main>
  );
}
