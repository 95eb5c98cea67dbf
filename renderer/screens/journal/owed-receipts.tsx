import { useEffect, useEffectEvent, useId, useState } from 'react';
import type { MethodOutput } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The journal screen's key for printing the owed receipts (its own keys are F2, F3, Esc). */
export const OWED_RECEIPTS_KEY = 'F4';

/**
 * The reprint queue, visible: receipts (of sales and returns) a printer fault left owed, oldest
 * first with why, and F4 to print them all as copies once the printer is back. The run stops at
 * the first failure, which stays listed.
 */
export function OwedReceipts({ client }: { readonly client: TillClient }) {
  const { t, dateTime } = useI18n();
  const id = useId();
  const [owed, setOwed] = useState<MethodOutput<'receipts.queued'>>([]);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const r = await client.invoke('receipts.queued', {});
    if (r.ok) setOwed(r.value);
  };
  const printAll = async () => {
    if (busy || owed.length === 0) return;
    setBusy(true);
    const r = await client.invoke('receipts.reprintQueued', {});
    setBusy(false);
    if (r.ok) setNote(r.value.remaining === 0 ? t('owed.allPrinted', { count: r.value.printed.length }) : t('owed.stopped', { count: r.value.remaining, detail: r.value.error ?? '' }));
    await load();
  };
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== OWED_RECEIPTS_KEY || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    void printAll();
  });
  useEffect(() => {
    void load();
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (owed.length === 0 && note === null) return null;
  return (
    <section className="panel owed-receipts" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('owed.title', { count: owed.length })}</h2>
      {owed.length > 0 ? (
        <ul aria-labelledby={`${id}-title`}>
          {owed.map((q) => (
            <li key={`${q.kind}-${q.saleId}`}>
              {t(q.kind === 'return' ? 'owed.return' : 'owed.sale', { number: q.receiptNumber, reason: q.reason, at: dateTime(q.queuedAt) })}
            </li>
          ))}
        </ul>
      ) : null}
      {note ? <p aria-live="polite">{note}</p> : null}
      <KeyButton shortcut={OWED_RECEIPTS_KEY} disabled={busy || owed.length === 0} onClick={() => void printAll()}>
        {t('owed.printAll')}
      </KeyButton>
    </section>
  );
}
