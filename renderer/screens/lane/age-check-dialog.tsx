import { useState } from 'react';
import type { ApiError, SaleView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ApprovalFailure } from './approval-failure.tsx';
import { lineName } from './line-name.ts';
import { ToolDialog } from './tool-dialog.tsx';

interface Props {
  readonly client: TillClient;
  readonly sale: SaleView;
}

/**
 * Asks at once when an alcohol or tobacco line is rung: the cashier checks the ID, then sells or
 * refuses (refusing voids those lines). It must be answered, so Escape does not close it; the
 * scanner keeps working behind it (scans queue). Payment is held by the host until then.
 */
export function AgeCheckDialog({ client, sale }: Props) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const pending = sale.lines.filter((l) => !l.voided && l.ageCheck === 'pending');

  const answer = async (approved: boolean) => {
    // Not disabled while busy: a disabled button drops the focus out of the dialog (and Escape with it).
    if (busy) return;
    setBusy(true);
    const reply = await client.invoke('sale.confirmAge', { approved });
    setBusy(false);
    // On success the sale event closes this dialog (ageCheckPending turns false).
    setFailure(reply.ok ? null : reply.error);
  };

  return (
    <ToolDialog title={t('age.title')} role="alertdialog" className="age-check-dialog">
      <p className="age-ask">{t('age.ask')}</p>
      <ul aria-label={t('age.items')}>
        {pending.map((l) => (
          <li key={l.lineId}>{lineName(l, lang)}</li>
        ))}
      </ul>
      <ApprovalFailure failure={failure} />
      <div className="panel-actions">
        <KeyButton shortcut="Enter" className="primary" autoFocus onClick={() => void answer(true)}>
          {t('age.approve')}
        </KeyButton>
        <button type="button" className="danger" onClick={() => void answer(false)}>
          {t('age.refuse')}
        </button>
      </div>
    </ToolDialog>
  );
}
