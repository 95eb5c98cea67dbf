import { useEffect, useState } from 'react';
import { useKeyCommand } from './use-key-command.ts';
import type { ApiError, SaleView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/ko.ts';
import { AgeCheckDialog } from './age-check-dialog.tsx';
import { CancelSaleDialog } from './cancel-sale-dialog.tsx';
import { DiscountDialog } from './discount-dialog.tsx';
import { saleToolCommandFor, saleToolKeys, type SaleToolCommand } from './lane-keys.ts';
import { PriceOverrideDialog } from './price-override-dialog.tsx';
import { saleToolAvailability } from './sale-tool-availability.ts';
import { SuspendedDialog } from './suspended-dialog.tsx';
import { SaveSaleDialog } from './save-sale-dialog.tsx';
import { CashReceiptDialog } from './cash-receipt-dialog.tsx';
import './sale-tools.css';

interface Props {
  readonly client: TillClient;
  readonly sale: SaleView | null;
  readonly selectedLineId: string | null;
  /** A payment is in progress: nothing may change the sale under it. */
  readonly paying: boolean;
  /** Alt+P after digits on the keypad: the new price (taken off the keypad), or null. */
  readonly takeKeypadPrice?: () => number | null;
}

type Open = 'none' | 'discount' | 'priceOverride' | 'resumeList' | 'cancelSale' | 'orderForLater' | 'cashReceipt';

type Outcome = { readonly kind: 'done'; readonly key: MessageKey } | { readonly kind: 'failed'; readonly error: ApiError };

/**
 * Discount (F10), price override (Alt+P), suspend (Alt+S), suspended sales (Alt+R), cancel (Alt+X),
 * and the age check that opens by itself. The host pushes the changed sale as an event, so the
 * basket and totals follow without this component telling anyone.
 */
export function SaleTools({ client, sale, selectedLineId, paying, takeKeypadPrice }: Props) {
  const { t, error } = useI18n();
  const [open, setOpen] = useState<Open>('none');
  // The price dialog's first figure: typed on the keypad before Alt+P, or none.
  const [keypadPrice, setKeypadPrice] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const selectedLine = sale?.lines.find((l) => l.lineId === selectedLineId && !l.voided) ?? null;
  const can = saleToolAvailability(sale, selectedLineId, paying);

  // A new sale starts clean: the last "suspended" or "cancelled" note is about another one.
  const saleId = sale?.id ?? null;
  useEffect(() => {
    if (saleId !== null) setOutcome(null);
  }, [saleId]);

  const suspend = async () => {
    const reply = await client.invoke('sale.suspend', {});
    setOutcome(reply.ok ? { kind: 'done', key: 'tools.suspended' } : { kind: 'failed', error: reply.error });
  };

  const run = (command: SaleToolCommand) => {
    if (!can[command]) return;
    setOutcome(null);
    if (command === 'suspend') void suspend();
    else {
      if (command === 'priceOverride') setKeypadPrice(takeKeypadPrice?.() ?? null);
      setOpen(command);
    }
  };

  // An open-price item (rung at 0: no price in the catalog) asks for its price at once.
  const newest = sale?.lines.filter((l) => !l.voided).at(-1) ?? null;
  const openPriceLineId = newest && newest.unitPrice === 0 && newest.originalPrice === null && !paying ? newest.lineId : null;
  useEffect(() => {
    if (openPriceLineId === null || openPriceLineId !== selectedLineId) return;
    setKeypadPrice(null);
    setOpen('priceOverride');
  }, [openPriceLineId, selectedLineId]);

  useKeyCommand(saleToolCommandFor, run);

  const close = () => setOpen('none');
  const currency = sale?.currency ?? 'KRW';
  const buttons: readonly { command: SaleToolCommand; label: MessageKey }[] = [
    { command: 'discount', label: 'tools.discount' },
    { command: 'priceOverride', label: 'tools.priceOverride' },
    { command: 'suspend', label: 'tools.suspend' },
    { command: 'resumeList', label: 'tools.resumeList' },
    { command: 'cancelSale', label: 'tools.cancelSale' },
    { command: 'orderForLater', label: 'tools.orderForLater' },
    { command: 'cashReceipt', label: 'tools.cashReceipt' },
  ];

  return (
    <>
      <div className="lane-actions sale-tools" role="group" aria-label={t('tools.title')}>
        {buttons.map((b) => (
          <KeyButton key={b.command} shortcut={saleToolKeys[b.command]} disabled={!can[b.command]} onClick={() => run(b.command)}>
            {t(b.label)}
          </KeyButton>
        ))}
      </div>
      {outcome?.kind === 'done' ? (
        <p role="status" className="tool-done">
          {t(outcome.key)}
        </p>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <p role="alert" className="alert alert-action">
          {t('notice.action', { message: error(outcome.error) })}
        </p>
      ) : null}
      {open === 'discount' && sale ? <DiscountDialog client={client} sale={sale} lineId={selectedLineId} onClose={close} /> : null}
      {open === 'priceOverride' && selectedLine ? (
        <PriceOverrideDialog
          client={client}
          line={selectedLine}
          currency={currency}
          initialPrice={keypadPrice}
          openPrice={selectedLine.unitPrice === 0 && selectedLine.originalPrice === null}
          onClose={close}
        />
      ) : null}
      {open === 'cashReceipt' && sale ? <CashReceiptDialog client={client} sale={sale} onClose={close} /> : null}
      {sale?.cashReceipt ? (
        <p className="cash-receipt-note" aria-label={t('cashReceipt.title')}>
          {t('cashReceipt.asked', { purpose: t(`cashReceipt.${sale.cashReceipt.purpose}`), masked: sale.cashReceipt.masked })}
        </p>
      ) : null}
      {open === 'orderForLater' && selectedLine ? <SaveSaleDialog client={client} line={selectedLine} onClose={close} /> : null}
      {open === 'resumeList' ? <SuspendedDialog client={client} currency={currency} onClose={close} /> : null}
      {open === 'cancelSale' && sale ? (
        <CancelSaleDialog
          client={client}
          onClose={close}
          onCancelled={() => {
            close();
            setOutcome({ kind: 'done', key: 'tools.cancelled' });
          }}
        />
      ) : null}
      {sale?.ageCheckPending ? <AgeCheckDialog client={client} sale={sale} /> : null}
    </>
  );
}
