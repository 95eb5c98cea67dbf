import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ToolDialog } from './tool-dialog.tsx';

interface Asking {
  readonly due: number;
  readonly currency: string;
  readonly choices: readonly number[];
}

/**
 * 할부 at a card payment: when what is due reaches the store's minimum, the cashier asks 일시불 or 2-12
 * months before the terminal is started. `ask()` answers the months (undefined when there is nothing to
 * choose), or null when the cashier stepped back.
 */
export function useInstalmentChoice(client: TillClient, currency: string): { ask: () => Promise<number | undefined | null>; dialog: ReactNode } {
  const [asking, setAsking] = useState<Asking | null>(null);
  const answer = useRef<((months: number | null) => void) | null>(null);

  const ask = async (): Promise<number | undefined | null> => {
    const options = await client.invoke('tender.cardOptions', {});
    if (!options.ok || options.value.choices.length <= 1) return undefined;
    const { due, choices } = options.value;
    return new Promise((resolve) => {
      answer.current = resolve;
      setAsking({ due, currency, choices });
    });
  };

  const done = (months: number | null) => {
    setAsking(null);
    answer.current?.(months);
    answer.current = null;
  };

  return { ask, dialog: asking ? <InstalmentDialog asking={asking} onChoose={done} /> : null };
}

function InstalmentDialog({ asking, onChoose }: { asking: Asking; onChoose: (months: number | null) => void }) {
  const { t, money } = useI18n();
  const [months, setMonths] = useState(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChoose(months);
  };
  return (
    <ToolDialog title={t('instalment.title')} className="instalment-dialog" onClose={() => onChoose(null)}>
      <p>{t('instalment.amount', { amount: money(asking.due, asking.currency) })}</p>
      <form onSubmit={submit}>
        <label>
          {t('instalment.label')}
          <select
            autoFocus
            value={months}
            onChange={(e) => setMonths(Number(e.target.value))}
            // Enter chooses, as in the lane's other dialogs (a select does not submit its form by itself).
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              onChoose(months);
            }}
          >
            {asking.choices.map((m) => (
              <option key={m} value={m}>
                {m === 0 ? t('instalment.single') : t('instalment.months', { months: m })}
              </option>
            ))}
          </select>
        </label>
        <KeyButton type="submit" shortcut="Enter" className="primary">
          {t('instalment.confirm')}
        </KeyButton>
      </form>
      <div className="panel-actions">
        <KeyButton shortcut="Esc" onClick={() => onChoose(null)}>
          {t('panel.close')}
        </KeyButton>
      </div>
    </ToolDialog>
  );
}
