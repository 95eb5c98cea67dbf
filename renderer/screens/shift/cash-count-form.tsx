import { useId, useState, type FormEvent } from 'react';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** KRW notes and coins, largest first (the host checks the same list in core/shift/cash-count.ts). */
const KRW_DENOMINATIONS = [50_000, 10_000, 5_000, 1_000, 500, 100, 50, 10] as const;

interface Props {
  readonly busy: boolean;
  readonly onCount: (counts: Record<string, number>) => void;
  readonly onCancel: () => void;
}

/** The blind count: pieces per KRW note and coin. The expected cash is not shown until the shift is closed. */
export function CashCountForm({ busy, onCount, onCancel }: Props) {
  const { t, money } = useI18n();
  const id = useId();
  const [pieces, setPieces] = useState<Record<string, string>>({});
  const parsed = Object.fromEntries(KRW_DENOMINATIONS.map((d) => [String(d), Number(pieces[String(d)] ?? '0') || 0]));
  const valid = Object.values(pieces).every((v) => /^\d{0,6}$/.test(v.trim()));
  const total = KRW_DENOMINATIONS.reduce((a, d) => a + d * (parsed[String(d)] ?? 0), 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && valid) onCount(parsed);
  };
  return (
    <form className="panel cash-count" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{t('shift.countTitle')}</h2>
      <p>{t('shift.countHint')}</p>
      <div className="count-grid">
        {KRW_DENOMINATIONS.map((d, i) => (
          <div key={d} className="count-row">
            <label htmlFor={`${id}-${d}`}>{t(d >= 1000 ? 'shift.note' : 'shift.coin', { value: money(d, 'KRW') })}</label>
            <input
              id={`${id}-${d}`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              autoFocus={i === 0}
              value={pieces[String(d)] ?? ''}
              aria-invalid={!/^\d{0,6}$/.test((pieces[String(d)] ?? '').trim()) || undefined}
              onChange={(e) => setPieces({ ...pieces, [String(d)]: e.target.value })}
            />
          </div>
        ))}
      </div>
      <p aria-live="polite">{t('shift.countTotal', { amount: money(total, 'KRW') })}</p>
      <KeyButton type="submit" shortcut="Enter" className="primary" disabled={busy || !valid}>
        {t('shift.closeConfirm')}
      </KeyButton>
      <KeyButton shortcut="Esc" onClick={onCancel}>
        {t('panel.close')}
      </KeyButton>
    </form>
  );
}
