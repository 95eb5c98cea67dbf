import { useId, useRef, useState, type FormEvent } from 'react';
import type { Reply, StaffView } from '../../../main/api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Props {
  readonly onSignIn: (pin: string) => Promise<Reply<StaffView>>;
  /** A code scanned before anyone signed in: shown, not rung. */
  readonly scannedCode: string | null;
}

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

export function SignInScreen({ onSignIn, scannedCode }: Props) {
  const { t, error: errorText } = useI18n();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const pinId = useId();
  const hintId = useId();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (!/^\d{4,8}$/.test(pin)) {
      setError(t('signIn.pinFormat'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    const reply = await onSignIn(pin);
    setBusy(false);
    if (!reply.ok) {
      setError(errorText(reply.error));
      setPin('');
      input.current?.focus();
    }
  };

  const press = (digit: string) => {
    setPin((p) => (p.length < 8 ? p + digit : p));
    setError(null);
    input.current?.focus();
  };

  const alert = error ?? (scannedCode ? t('signIn.scanFirst', { code: scannedCode }) : null);

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby={`${pinId}-title`}>
        <h1 id={`${pinId}-title`}>{t('signIn.title')}</h1>
        <label htmlFor={pinId}>{t('signIn.pin')}</label>
        <input
          id={pinId}
          ref={input}
          className="pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          maxLength={8}
          value={pin}
          data-wedge="off"
          aria-describedby={hintId}
          onChange={(e) => {
            setPin(e.target.value.replace(/\D/g, '').slice(0, 8));
            setError(null);
          }}
        />
        <p id={hintId} className="hint">
          {t('signIn.hint')}
        </p>
        <div className="pin-pad">
          {digits.map((d) => (
            <button key={d} type="button" className={d === '0' ? 'pin-zero' : undefined} onClick={() => press(d)}>
              {d}
            </button>
          ))}
          <button
            type="button"
            onClick={() => {
              setPin('');
              setError(null);
              input.current?.focus();
            }}
          >
            {t('signIn.clear')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('signIn.ok')}
          </button>
        </div>
        {alert ? (
          <p role="alert" className="alert">
            {alert}
          </p>
        ) : null}
      </form>
    </main>
  );
}
