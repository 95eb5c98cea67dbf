import { useId, useRef, useState, type FormEvent } from 'react';
import type { MethodInput, SaleView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { parseMoneyInput } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ApprovalFooter } from './approval-footer.tsx';
import { lineName } from './line-name.ts';
import { ToolDialog } from './tool-dialog.tsx';
import { useSupervisorApproval } from './use-supervisor-approval.ts';

interface Props {
  readonly client: TillClient;
  readonly line: SaleView['lines'][number];
  readonly currency: string;
  /** Digits typed on the keypad before Alt+P: the new price to start from. */
  readonly initialPrice?: number | null;
  /** An open-price item (rung at 0): the cashier gives its price; the reason says so already. */
  readonly openPrice?: boolean;
  readonly onClose: () => void;
}

/** A new unit price for a line, with a reason; a big cut asks for a supervisor. The shelf price is kept. */
export function PriceOverrideDialog({ client, line, currency, initialPrice = null, openPrice = false, onClose }: Props) {
  const { t, lang, money } = useI18n();
  const id = useId();
  const [priceText, setPriceText] = useState(initialPrice === null ? '' : String(initialPrice));
  const [reason, setReason] = useState(openPrice ? t('override.openPriceReason') : '');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const priceField = useRef<HTMLInputElement>(null);
  const approval = useSupervisorApproval();
  const shelf = line.originalPrice ?? line.unitPrice;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const price = parseMoneyInput(priceText, currency);
    if (price === null || reason.trim() === '') {
      setInvalid(true);
      priceField.current?.focus();
      return;
    }
    if (!approval.ready()) return;
    const input: MethodInput<'sale.overridePrice'> = { lineId: line.lineId, price, reason: reason.trim() };
    if (approval.supervisorPin !== undefined) input.supervisorPin = approval.supervisorPin;
    setBusy(true);
    const reply = await client.invoke('sale.overridePrice', input);
    setBusy(false);
    if (approval.settle(reply)) onClose();
  };

  return (
    <ToolDialog title={t('override.title')} className="price-override-dialog" onClose={onClose}>
      <p>{t('override.line', { name: lineName(line, lang) })}</p>
      <p className="muted">{t('override.shelfPrice', { amount: money(shelf, currency) })}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-price`}>{t('override.price')}</label>
        <input
          id={`${id}-price`}
          ref={priceField}
          className="amount-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          value={priceText}
          aria-invalid={invalid || undefined}
          onChange={(e) => {
            setPriceText(e.target.value);
            setInvalid(false);
          }}
        />
        <label htmlFor={`${id}-reason`}>{t('override.reason')}</label>
        <input
          id={`${id}-reason`}
          type="text"
          autoComplete="off"
          maxLength={100}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setInvalid(false);
          }}
        />
        {invalid ? <p className="tool-error">{t('override.invalid')}</p> : null}
        <ApprovalFooter approval={approval} busy={busy} applyLabel={t('override.apply')} onClose={onClose} />
      </form>
    </ToolDialog>
  );
}
