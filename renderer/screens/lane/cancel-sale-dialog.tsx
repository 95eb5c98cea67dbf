import { useState } from 'react';
import type { ApiError } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ApprovalFailure } from './approval-failure.tsx';
import { ToolDialog } from './tool-dialog.tsx';

interface Props {
  readonly client: TillClient;
  readonly onCancelled: () => void;
  readonly onClose: () => void;
}

/** Cancelling drops every line at once, so it asks first; Enter confirms, Escape goes back. */
export function CancelSaleDialog({ client, onCancelled, onClose }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const confirm = async () => {
    // Not disabled while busy: a disabled button drops the focus out of the dialog (and Escape with it).
    if (busy) return;
    setBusy(true);
    const reply = await client.invoke('sale.cancel', {});
    setBusy(false);
    if (reply.ok) onCancelled();
    else setFailure(reply.error);
  };

  return (
    <ToolDialog title={t('cancel.title')} role="alertdialog" className="cancel-sale-dialog" onClose={onClose}>
      <p>{t('cancel.ask')}</p>
      <ApprovalFailure failure={failure} />
      <div className="panel-actions">
        <KeyButton shortcut="Enter" className="primary danger" autoFocus onClick={() => void confirm()}>
          {t('cancel.confirm')}
        </KeyButton>
        <KeyButton shortcut="Esc" onClick={onClose}>
          {t('cancel.back')}
        </KeyButton>
      </div>
    </ToolDialog>
  );
}
