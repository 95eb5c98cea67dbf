import { useEffect, useId, type RefObject } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Props {
  readonly value: string;
  readonly onChange: (pin: string) => void;
  readonly inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * "감독자 PIN / Supervisor PIN": revealed when the host answers approval_required, focused at once.
 * Outside the wedge (like the sign-in PIN): nothing typed here is a scan, and a supervisor types fast.
 */
export function SupervisorPinField({ value, onChange, inputRef }: Props) {
  const { t } = useI18n();
  const id = useId();
  useEffect(() => inputRef.current?.focus(), [inputRef]);
  return (
    <div className="supervisor-pin" data-wedge="off">
      <label htmlFor={id}>{t('approval.pin')}</label>
      <input
        id={id}
        ref={inputRef}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      />
    </div>
  );
}
