import { useId, useState, type FormEvent, type Ref } from 'react';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Props {
  readonly inputRef: Ref<HTMLInputElement>;
  readonly onEnter: (code: string) => void;
}

/** A code typed by hand (a damaged label): rung with source 'manual'. */
export function ManualEntry({ inputRef, onEnter }: Props) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Read the field itself: characters the wedge gave back may not have re-rendered yet.
    const field = event.currentTarget.elements.namedItem('barcode');
    const value = (field instanceof HTMLInputElement ? field.value : code).trim();
    if (value === '') return;
    onEnter(value);
    setCode('');
  };
  return (
    <form className="manual-entry" onSubmit={submit}>
      <label htmlFor={id}>{t('entry.barcode')}</label>
      <input
        id={id}
        ref={inputRef}
        name="barcode"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={256}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <KeyButton type="submit" shortcut="Enter">
        {t('entry.submit')}
      </KeyButton>
    </form>
  );
}
