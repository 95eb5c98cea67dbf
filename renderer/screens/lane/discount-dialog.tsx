import { useId, useRef, useState, type FormEvent } from 'react';
import type { MethodInput, SaleView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { parseMoneyInput } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ApprovalFooter } from './approval-footer.tsx';
import { percentToBps } from './discount-value.ts';
import { lineName } from './line-name.ts';
import { ToolDialog } from './tool-dialog.tsx';
import { useSupervisorApproval } from './use-supervisor-approval.ts';

interface Props {
  readonly client: TillClient;
  readonly sale: SaleView;
  /** The selected line; without one only the whole sale can be discounted. */
  readonly lineId: string | null;
  readonly onClose: () => void;
}

/** A manual discount on the selected line or the whole sale; over the cashier's limit it asks for a supervisor. */
export function DiscountDialog({ client, sale, lineId, onClose }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const line = sale.lines.find((l) => l.lineId === lineId && !l.voided);
  const [scope, setScope] = useState<'line' | 'basket'>(line ? 'line' : 'basket');
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const valueField = useRef<HTMLInputElement>(null);
  const approval = useSupervisorApproval();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const value = kind === 'percent' ? percentToBps(text) : parseMoneyInput(text, sale.currency);
    if (value === null || value <= 0) {
      setInvalid(true);
      valueField.current?.focus();
      return;
    }
    if (!approval.ready()) return;
    const input: MethodInput<'sale.discount'> = { scope, kind, value };
    if (scope === 'line' && line) input.lineId = line.lineId;
    if (approval.supervisorPin !== undefined) input.supervisorPin = approval.supervisorPin;
    setBusy(true);
    const reply = await client.invoke('sale.discount', input);
    setBusy(false);
    if (approval.settle(reply)) onClose();
  };

  const radio = (name: string, checked: boolean, onPick: () => void, label: string) => (
    <label className="tool-choice">
      <input type="radio" name={`${id}-${name}`} checked={checked} onChange={onPick} /> {label}
    </label>
  );

  return (
    <ToolDialog title={t('discount.title')} className="discount-dialog" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('discount.scope')}</legend>
          {line ? radio('scope', scope === 'line', () => setScope('line'), t('discount.scopeLine', { name: lineName(line, lang) })) : null}
          {radio('scope', scope === 'basket', () => setScope('basket'), t('discount.scopeBasket'))}
        </fieldset>
        <fieldset>
          <legend>{t('discount.kind')}</legend>
          {radio('kind', kind === 'percent', () => setKind('percent'), t('discount.kindPercent'))}
          {radio('kind', kind === 'amount', () => setKind('amount'), t('discount.kindAmount'))}
        </fieldset>
        <label htmlFor={`${id}-value`}>{kind === 'percent' ? t('discount.percentValue') : t('discount.amountValue')}</label>
        <input
          id={`${id}-value`}
          ref={valueField}
          className="amount-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          autoFocus
          value={text}
          aria-invalid={invalid || undefined}
          onChange={(e) => {
            setText(e.target.value);
            setInvalid(false);
          }}
        />
        {invalid ? <p className="tool-error">{t('discount.invalid')}</p> : null}
        <ApprovalFooter approval={approval} busy={busy} applyLabel={t('discount.apply')} onClose={onClose} />
      </form>
    </ToolDialog>
  );
}
