import { useEffect, useEffectEvent, useState } from 'react';
import type { SaleView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { tenderCommandFor, tenderKeys, type TenderCommand } from './lane-keys.ts';
import { GiftCardDialog } from './gift-card-dialog.tsx';
import { MobilePayDialog } from './mobile-pay-dialog.tsx';

interface Props {
  readonly client: TillClient;
  readonly sale: SaleView | null;
  readonly paying: boolean;
}

/** Alt+G pays with a gift card or store credit, Alt+B with the customer's pay-app barcode. The host pushes the sale as an event. */
export function TenderTools({ client, sale, paying }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState<TenderCommand | 'none'>('none');
  const can = sale !== null && sale.payment.due > 0 && !paying;

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const command = tenderCommandFor(event);
    if (!command) return;
    event.preventDefault();
    if (can) setOpen(command);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const close = () => setOpen('none');
  return (
    <>
      <div className="lane-actions tender-actions" role="group" aria-label={t('tender.tools')}>
        <KeyButton shortcut={tenderKeys.giftCard} disabled={!can} onClick={() => setOpen('giftCard')}>
          {t('giftCard.use')}
        </KeyButton>
        <KeyButton shortcut={tenderKeys.mobile} disabled={!can} onClick={() => setOpen('mobile')}>
          {t('mobile.use')}
        </KeyButton>
      </div>
      {open === 'giftCard' && sale ? <GiftCardDialog client={client} sale={sale} onClose={close} /> : null}
      {open === 'mobile' && sale ? <MobilePayDialog client={client} sale={sale} onClose={close} /> : null}
    </>
  );
}
