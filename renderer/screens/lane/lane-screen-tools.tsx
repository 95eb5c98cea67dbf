import { useEffect, useState } from 'react';
import { useKeyCommand } from './use-key-command.ts';
import type { ApiError, SaleView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { laneScreenCommandFor, laneScreenKeys, type LaneScreenCommand } from './lane-screen-keys.ts';
import { QuickKeysDialog } from './quick-keys-dialog.tsx';
import './lane-screen-tools.css';

interface Props {
  readonly client: TillClient;
  readonly sale: SaleView | null;
  readonly paying: boolean;
}

/** Quick keys for unbarcoded items (Alt+Q) and the customer's receipt language for this sale (Alt+L), shown while it is English. */
export function LaneScreenTools({ client, sale, paying }: Props) {
  const { t, error } = useI18n();
  const [quickKeys, setQuickKeys] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const language = sale?.receiptLanguage ?? 'ko';
  // Sales rung without a shift count in the next shift's reports: the lane says so until one is open (F6).
  const [noShift, setNoShift] = useState(false);
  useEffect(() => {
    let live = true;
    void client.invoke('shift.current', {}).then((r) => live && setNoShift(r.ok && r.value === null));
    return () => {
      live = false;
    };
  }, [client]);

  const run = (command: LaneScreenCommand) => {
    if (paying) return;
    setFailure(null);
    if (command === 'quickKeys') return setQuickKeys(true);
    void client.invoke('sale.receiptLanguage', { language: language === 'en' ? 'ko' : 'en' }).then((r) => !r.ok && setFailure(r.error));
  };

  useKeyCommand(laneScreenCommandFor, run);

  return (
    <>
      <div className="lane-actions lane-screen-tools" role="group" aria-label={t('quickKeys.title')}>
        <KeyButton shortcut={laneScreenKeys.quickKeys} disabled={paying} onClick={() => run('quickKeys')}>
          {t('quickKeys.open')}
        </KeyButton>
        <KeyButton shortcut={laneScreenKeys.receiptLanguage} disabled={paying} aria-pressed={language === 'en'} onClick={() => run('receiptLanguage')}>
          {t('receiptLang.toggle')}
        </KeyButton>
      </div>
      {noShift ? <p className="shift-note">{t('shift.noneOpen')}</p> : null}
      {language === 'en' ? (
        <p role="status" className="receipt-language" aria-label={t('receiptLang.title')}>
          {t('receiptLang.now', { language: t('receiptLang.en') })}
        </p>
      ) : null}
      {failure ? (
        <p role="alert" className="alert alert-action">
          {t('notice.action', { message: error(failure) })}
        </p>
      ) : null}
      {quickKeys ? <QuickKeysDialog client={client} onClose={() => setQuickKeys(false)} /> : null}
    </>
  );
}
