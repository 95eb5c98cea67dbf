import type { ReturnOriginalView } from '../../../main/api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export interface LineChoice {
  readonly quantity: number;
  readonly condition: 'unopened' | 'opened' | 'faulty';
  readonly disposition: 'restock' | 'damaged';
}

interface Props {
  readonly original: ReturnOriginalView;
  readonly choices: Readonly<Record<string, LineChoice>>;
  readonly onChange: (choices: Record<string, LineChoice>) => void;
}

const NONE: LineChoice = { quantity: 0, condition: 'unopened', disposition: 'restock' };

/** The original's lines: how many are still returnable, what one refunds, and what comes back in which state. */
export function ReturnLines({ original, choices, onChange }: Props) {
  const { t, money, lang } = useI18n();
  const set = (lineId: string, change: Partial<LineChoice>) => onChange({ ...choices, [lineId]: { ...(choices[lineId] ?? NONE), ...change } });
  return (
    <table className="return-lines" aria-label={t('return.lines')}>
      <thead>
        <tr>
          <th>{t('return.item')}</th>
          <th>{t('return.returnable')}</th>
          <th>{t('return.unitRefund')}</th>
          <th>{t('return.quantity')}</th>
          <th>{t('return.condition')}</th>
          <th>{t('return.disposition')}</th>
        </tr>
      </thead>
      <tbody>
        {original.lines.map((l) => {
          const name = l.name[lang] ?? l.name['ko'] ?? l.barcode;
          const choice = choices[l.lineId] ?? NONE;
          return (
            <tr key={l.lineId}>
              <td>
                {name}
                {l.policy ? <small className="return-policy"> {t('return.policyNote', { message: l.policy.message })}</small> : null}
              </td>
              <td>{t('return.ofSold', { returnable: l.returnable, sold: l.sold })}</td>
              <td>{money(l.unitRefund, original.currency)}</td>
              <td>
                <input
                  type="number"
                  min={0}
                  max={l.returnable}
                  disabled={l.returnable === 0}
                  aria-label={t('return.quantityOf', { name })}
                  value={choice.quantity}
                  onChange={(e) => set(l.lineId, { quantity: Math.max(0, Math.min(l.returnable, Number.parseInt(e.target.value, 10) || 0)) })}
                />
              </td>
              <td>
                <select aria-label={t('return.conditionOf', { name })} value={choice.condition} onChange={(e) => set(l.lineId, { condition: e.target.value as LineChoice['condition'] })}>
                  <ConditionOptions />
                </select>
              </td>
              <td>
                <select aria-label={t('return.dispositionOf', { name })} value={choice.disposition} onChange={(e) => set(l.lineId, { disposition: e.target.value as LineChoice['disposition'] })}>
                  <option value="restock">{t('return.restock')}</option>
                  <option value="damaged">{t('return.damaged')}</option>
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The states an item comes back in, as the options of a select. */
export function ConditionOptions() {
  const { t } = useI18n();
  return (
    <>
      <option value="unopened">{t('return.unopened')}</option>
      <option value="opened">{t('return.opened')}</option>
      <option value="faulty">{t('return.faulty')}</option>
    </>
  );
}
