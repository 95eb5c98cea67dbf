import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Keypad } from './use-keypad.ts';

/** What the keypad holds: the digits typed, the quantity waiting for the next item, and why an entry was refused. */
export function KeypadDisplay({ keypad }: { keypad: Keypad }) {
  const { t, error } = useI18n();
  return (
    <div className="keypad" role="group" aria-label={t('keypad.label')}>
      <span className="keypad-digits" aria-live="polite">
        {keypad.digits}
      </span>
      {keypad.nextQuantity !== null ? (
        <p role="status" className="keypad-next">
          {t('keypad.nextQuantity', { quantity: keypad.nextQuantity })}{' '}
          <KeyButton shortcut="Esc" onClick={keypad.clearNextQuantity}>
            {t('keypad.clear')}
          </KeyButton>
        </p>
      ) : null}
      {keypad.failure ? (
        <p role="alert" className="tool-error">
          {keypad.failure === 'quantity_range' ? t('keypad.refused') : error(keypad.failure)}
        </p>
      ) : null}
      <p className="muted keypad-hint">{t('keypad.hint')}</p>
    </div>
  );
}
