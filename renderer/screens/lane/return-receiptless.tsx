import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError, ReturnDoneView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ApprovalFailure } from './approval-failure.tsx';
import { SupervisorPinField } from './supervisor-pin-field.tsx';
import { ConditionOptions } from './return-lines.tsx';

interface Props {
  readonly client: TillClient;
  readonly onDone: (done: ReturnDoneView) => void;
}

/** A return without a receipt: the item's barcode, how many, its state, and always a supervisor's PIN. */
export function ReturnReceiptless({ client, onDone }: Props) {
  const { t } = useI18n();
  const [barcode, setBarcode] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [condition, setCondition] = useState<'unopened' | 'opened' | 'faulty'>('unopened');
  const [pin, setPin] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const barcodeField = useRef<HTMLInputElement>(null);
  const pinField = useRef<HTMLInputElement>(null);
  const ids = { barcode: useId(), quantity: useId(), condition: useId() };

  useEffect(() => barcodeField.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const reply = await client.invoke('return.receiptless', {
      barcode: barcode.trim(), quantity, condition, disposition: condition === 'faulty' ? 'damaged' : 'restock', ...(pin !== '' ? { supervisorPin: pin } : {}),
    });
    setBusy(false);
    if (reply.ok) onDone(reply.value);
    else setFailure(reply.error);
  };

  return (
    <form onSubmit={(e) => void submit(e)} data-wedge="off" aria-label={t('return.noReceipt')}>
      <p className="hint">{t('return.receiptlessHint')}</p>
      <label htmlFor={ids.barcode}>{t('return.barcode')}</label>
      <input id={ids.barcode} ref={barcodeField} inputMode="numeric" autoComplete="off" value={barcode} onChange={(e) => setBarcode(e.target.value.replace(/\D/g, ''))} />
      <label htmlFor={ids.quantity}>{t('return.quantity')}</label>
      <input id={ids.quantity} type="number" min={1} max={99} value={quantity} onChange={(e) => setQuantity(Math.max(1, Math.min(99, Number.parseInt(e.target.value, 10) || 1)))} />
      <label htmlFor={ids.condition}>{t('return.condition')}</label>
      <select id={ids.condition} value={condition} onChange={(e) => setCondition(e.target.value as typeof condition)}>
        <ConditionOptions />
      </select>
      <SupervisorPinField value={pin} onChange={setPin} inputRef={pinField} />
      <ApprovalFailure failure={failure} />
      <div className="panel-actions">
        <KeyButton type="submit" shortcut="Enter" className="primary" disabled={busy}>
          {t('return.refundCash')}
        </KeyButton>
      </div>
    </form>
  );
}
