import { useId, useState, type FormEvent } from 'react';
import type { ApiError, SaleView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ToolDialog } from './tool-dialog.tsx';

interface Props {
  readonly client: TillClient;
  readonly sale: SaleView;
  readonly onClose: () => void;
}

type Purpose = 'deduction' | 'expense';
type IdKind = 'phone' | 'card' | 'business';

/**
 * 현금영수증 (Alt+C): before the cash is taken, the customer asks for a cash receipt for income
 * deduction (mobile number or cash-receipt card) or proof of expense (business number). The host
 * checks the number (the business number's check digit too); the receipt prints it masked.
 */
export function CashReceiptDialog({ client, sale, onClose }: Props) {
  const { t, error } = useI18n();
  const id = useId();
  const [purpose, setPurpose] = useState<Purpose>(sale.cashReceipt?.purpose ?? 'deduction');
  const [idKind, setIdKind] = useState<IdKind>('phone');
  const [identifier, setIdentifier] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const kind: IdKind = purpose === 'expense' ? 'business' : idKind;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reply = await client.invoke('sale.cashReceipt', { purpose, idKind: kind, identifier });
    if (reply.ok) onClose();
    else setFailure(reply.error);
  };
  const clear = async () => {
    const reply = await client.invoke('sale.cashReceipt', { clear: true });
    if (reply.ok) onClose();
    else setFailure(reply.error);
  };

  return (
    <ToolDialog title={t('cashReceipt.title')} className="cash-receipt-dialog" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('cashReceipt.purpose')}</legend>
          {(['deduction', 'expense'] as const).map((p) => (
            <label key={p} className="radio-row">
              <input type="radio" name={`${id}-purpose`} checked={purpose === p} onChange={() => setPurpose(p)} /> {t(`cashReceipt.${p}`)}
            </label>
          ))}
        </fieldset>
        {purpose === 'deduction' ? (
          <fieldset>
            <legend>{t('cashReceipt.idKind')}</legend>
            {(['phone', 'card'] as const).map((k) => (
              <label key={k} className="radio-row">
                <input type="radio" name={`${id}-kind`} checked={idKind === k} onChange={() => setIdKind(k)} /> {t(`cashReceipt.${k}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        <label htmlFor={`${id}-number`}>{t(`cashReceipt.number.${kind}`)}</label>
        <input id={`${id}-number`} type="text" inputMode="numeric" autoComplete="off" autoFocus maxLength={30} value={identifier} onChange={(e) => setIdentifier(e.target.value)} />
        {failure ? (
          <p role="alert" className="alert">
            {error(failure)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <KeyButton type="submit" shortcut="Enter" className="primary">
            {t('cashReceipt.confirm')}
          </KeyButton>
          {sale.cashReceipt ? <KeyButton onClick={() => void clear()}>{t('cashReceipt.clear')}</KeyButton> : null}
          <KeyButton shortcut="Escape" onClick={onClose}>
            {t('panel.close')}
          </KeyButton>
        </div>
      </form>
    </ToolDialog>
  );
}
