import { useEffect, useEffectEvent, useState, type FormEvent } from 'react';
import type { ApiError, SaleView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { TenderFailure } from './tender-failure.tsx';
import { ToolDialog } from './tool-dialog.tsx';

interface Props {
  readonly client: TillClient;
  readonly sale: SaleView;
  readonly onClose: () => void;
}

const PAY_BARCODE = /^\d{18,24}$/;

/**
 * A mobile payment: the customer's pay app shows a one-time barcode, scanned while this dialog is
 * open (or typed); what is due is authorised through the central API. A decline leaves the sale as
 * it was and says why; the cashier may scan again or take another tender.
 */
export function MobilePayDialog({ client, sale, onClose }: Props) {
  const { t, money } = useI18n();
  const [barcode, setBarcode] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const pay = async (raw: string) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const reply = await client.invoke('mobile.pay', { barcode: raw.trim() });
    setBusy(false);
    // The one-time barcode is spent either way: the field never keeps it.
    setBarcode('');
    if (reply.ok) onClose();
    else setFailure(reply.error);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void pay(barcode);
  };

  const onScan = useEffectEvent((code: string) => {
    if (PAY_BARCODE.test(code.trim())) void pay(code);
  });
  useEffect(() => client.on('scanRejected', ({ code }) => onScan(code)), [client]);

  return (
    <ToolDialog title={t('mobile.title')} className="mobile-pay-dialog" onClose={busy ? undefined : onClose}>
      <p>{t('mobile.amount', { amount: money(sale.payment.due, sale.currency) })}</p>
      <form onSubmit={submit} data-wedge="off">
        <label>
          {t('mobile.barcode')}
          <input autoFocus inputMode="numeric" autoComplete="off" value={barcode} onChange={(e) => setBarcode(e.target.value.replace(/\D/g, ''))} />
        </label>
        <KeyButton type="submit" shortcut="Enter" className="primary" aria-busy={busy}>
          {t('mobile.confirm')}
        </KeyButton>
      </form>
      {busy ? <p aria-live="polite">{t('mobile.waiting')}</p> : null}
      {failure ? <TenderFailure failure={failure} /> : null}
      <div className="panel-actions">
        <KeyButton shortcut="Esc" disabled={busy} onClick={onClose}>
          {t('panel.close')}
        </KeyButton>
      </div>
    </ToolDialog>
  );
}
