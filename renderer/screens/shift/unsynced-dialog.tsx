import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../main/api/contract.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Props {
  /** Sales not yet synced, as the sync status says. */
  readonly count: number;
  /** What the supervisor allows: signing out, closing the day, or closing the app. */
  readonly action: 'signOut' | 'closeDay' | 'quit';
  readonly failure: ApiError | null;
  readonly onConfirm: (supervisorPin: string) => void;
  readonly onCancel: () => void;
}

/** Warns that sales are not synced yet and asks a supervisor's PIN to go on anyway. */
export function UnsyncedDialog({ count, action, failure, onConfirm, onCancel }: Props) {
  const { t, error } = useI18n();
  const id = useId();
  const [pin, setPin] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{4,8}$/.test(pin)) onConfirm(pin);
  };
  return (
    <section className="panel unsynced-dialog" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <h2 id={`${id}-title`}>{t('unsynced.title')}</h2>
      <p id={`${id}-text`}>{t(action === 'signOut' ? 'unsynced.signOut' : action === 'quit' ? 'unsynced.quit' : 'unsynced.closeDay', { count })}</p>
      {failure ? (
        <p role="alert" className="alert">
          {error(failure)}
        </p>
      ) : null}
      <form onSubmit={submit} data-wedge="off">
        <label htmlFor={`${id}-pin`}>{t('unsynced.pin')}</label>
        <input id={`${id}-pin`} type="password" inputMode="numeric" autoComplete="off" autoFocus maxLength={8} value={pin} onChange={(e) => setPin(e.target.value)} />
        <KeyButton type="submit" shortcut="Enter" className="primary danger">
          {t('unsynced.confirm')}
        </KeyButton>
        <KeyButton shortcut="Esc" onClick={onCancel}>
          {t('panel.close')}
        </KeyButton>
      </form>
    </section>
  );
}
