import { useState, type FormEvent } from 'react';
import type { ApiError, SaleView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { MemberFailure } from './member-failure.tsx';
import { ToolDialog } from './tool-dialog.tsx';

interface Props {
  readonly client: TillClient;
  readonly sale: SaleView;
  readonly member: NonNullable<SaleView['member']>;
  readonly onClose: () => void;
}

/** Pays part (or all) of the sale with the member's points. A refusal keeps the sale open and says why. */
export function MemberPointsDialog({ client, sale, member, onClose }: Props) {
  const { t, money } = useI18n();
  const [points, setPoints] = useState(String(Math.min(member.pointsAvailable, sale.payment.due)));
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const redeem = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const n = Number(points);
    if (!Number.isSafeInteger(n) || n <= 0) {
      setFailure({ code: 'redeem_invalid', message: '' });
      return;
    }
    setBusy(true);
    setFailure(null);
    const reply = await client.invoke('loyalty.redeem', { points: n });
    setBusy(false);
    if (reply.ok) onClose();
    else setFailure(reply.error);
  };

  return (
    <ToolDialog title={t('points.title')} className="points-dialog" onClose={onClose}>
      <p>{t('points.available', { name: member.maskedName, points: member.pointsAvailable.toLocaleString(), due: money(sale.payment.due, sale.currency) })}</p>
      <form onSubmit={(e) => void redeem(e)}>
        <label>
          {t('points.amount')}
          <input autoFocus inputMode="numeric" autoComplete="off" value={points} onChange={(e) => setPoints(e.target.value.replace(/\D/g, ''))} />
        </label>
        <KeyButton type="submit" shortcut="Enter" className="primary" aria-busy={busy}>
          {t('points.confirm')}
        </KeyButton>
      </form>
      {failure ? <MemberFailure failure={failure} /> : null}
      <div className="panel-actions">
        <KeyButton shortcut="Esc" onClick={onClose}>
          {t('panel.close')}
        </KeyButton>
      </div>
    </ToolDialog>
  );
}
