import { useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ApprovalFailure } from './approval-failure.tsx';
import { SupervisorPinField } from './supervisor-pin-field.tsx';
import { ToolDialog } from './tool-dialog.tsx';

/** Training mode on (or off) for the signed-in cashier: a supervisor's or manager's PIN. */
export function TrainingDialog({ client, on, onClose }: { client: TillClient; on: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const pinField = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const r = await client.invoke('training.set', { on, ...(pin ? { supervisorPin: pin } : {}) });
    setBusy(false);
    if (r.ok) return onClose();
    setPin('');
    setFailure(r.error);
  };

  return (
    <ToolDialog title={on ? t('training.startTitle') : t('training.stopTitle')} className="training-dialog" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p>{on ? t('training.explain') : t('training.explainStop')}</p>
        <SupervisorPinField value={pin} onChange={setPin} inputRef={pinField} />
        <ApprovalFailure failure={failure} />
        <KeyButton type="submit" shortcut="Enter" className="primary" disabled={busy || pin.length < 4}>
          {on ? t('training.start') : t('training.stop')}
        </KeyButton>
        <KeyButton shortcut="Esc" onClick={onClose}>
          {t('postVoid.close')}
        </KeyButton>
      </form>
    </ToolDialog>
  );
}
