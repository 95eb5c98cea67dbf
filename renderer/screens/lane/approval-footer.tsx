import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ApprovalFailure } from './approval-failure.tsx';
import { SupervisorPinField } from './supervisor-pin-field.tsx';
import type { SupervisorApproval } from './use-supervisor-approval.ts';

/**
 * The end of every form that may need a supervisor: the PIN field once the host asked for one,
 * why an approval failed, and apply (or retry with the PIN) / close.
 */
export function ApprovalFooter({ approval, busy, applyLabel, onClose }: { approval: SupervisorApproval; busy: boolean; applyLabel: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {approval.needed ? <SupervisorPinField value={approval.pin} onChange={approval.setPin} inputRef={approval.pinRef} /> : null}
      <ApprovalFailure failure={approval.failure} />
      <div className="panel-actions">
        <KeyButton type="submit" shortcut="Enter" className="primary" disabled={busy}>
          {approval.needed ? t('approval.retry') : applyLabel}
        </KeyButton>
        <KeyButton shortcut="Esc" onClick={onClose}>
          {t('panel.close')}
        </KeyButton>
      </div>
    </>
  );
}
