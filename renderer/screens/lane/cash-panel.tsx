import { useId, useRef, useState, type FormEvent } from 'react';
import { currencyExponent, moneyInputText, parseMoneyInput } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { KeyButton } from '../../components/key-button.tsx';

interface Props {
  readonly due: number;
  readonly currency: string;
  readonly busy: boolean;
  readonly onPay: (received: number) => void;
  readonly onClose: () => void;
}

/** Notes a cashier is handed most, in major units. */
const quickNotes = [1_000, 5_000, 10_000, 50_000] as const;

/** Longer than any amount a till takes in cash: keeps a barcode typed into the field from paying. */
const maxDigits = 9;

export function CashPanel({ due, currency, busy, onPay, onClose }: Props) {
  const { t, money } = useI18n();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const received = parseMoneyInput(text, currency);
  const scale = 10 ** currencyExponent(currency);

  const set = (minor: number) => {
    setText(moneyInputText(minor, currency));
    setInvalid(false);
    input.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (received === null || received <= 0 || String(received).length > maxDigits) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    onPay(received);
  };

  return (
    <section className="panel cash-panel" role="dialog" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('cash.title')}</h2>
      <dl className="panel-due">
        <dt id={`${id}-due`}>{t('cash.due')}</dt>
        <dd aria-labelledby={`${id}-due`}>{money(due, currency)}</dd>
      </dl>
      <form onSubmit={submit}>
        <label htmlFor={`${id}-received`}>{t('cash.received')}</label>
        <input
          id={`${id}-received`}
          ref={input}
          className="amount-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-preview`}
          onChange={(e) => {
            setText(e.target.value);
            setInvalid(false);
          }}
        />
        <div className="quick-amounts">
          <button type="button" onClick={() => set(due)}>
            {t('cash.exact')}
          </button>
          {quickNotes.map((note) => (
            <button key={note} type="button" onClick={() => set(note * scale)}>
              {money(note * scale, currency)}
            </button>
          ))}
        </div>
        <p id={`${id}-preview`} className="change-preview">
          {invalid
            ? t('cash.invalid')
            : received !== null && received > 0
              ? received >= due
                ? t('cash.changePreview', { amount: money(received - due, currency) })
                : t('cash.short', { amount: money(due - received, currency) })
              : ''}
        </p>
        <div className="panel-actions">
          <KeyButton type="submit" shortcut="Enter" className="primary" disabled={busy}>
            {t('cash.confirm')}
          </KeyButton>
          <KeyButton shortcut="Esc" onClick={onClose}>
            {t('panel.close')}
          </KeyButton>
        </div>
      </form>
    </section>
  );
}
