import { useEffect, useEffectEvent, useState, type FormEvent } from 'react';
import type { ApiError, SaleView } from '../../../main/api/contract.ts';
import type { StoredValueAccountView } from '../../../main/api/tender-contract.ts';
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

const CARD_NUMBER = /^\d{12,20}$/;

/**
 * A gift card or store credit: scanned (the lane refuses the number as a product, and it lands here)
 * or typed; its balance is asked of the centre, then the amount (the lesser of what is due and the
 * balance) is taken through a claim. A balance that moved meanwhile is refused and shown anew.
 */
export function GiftCardDialog({ client, sale, onClose }: Props) {
  const { t, money } = useI18n();
  const [number, setNumber] = useState('');
  const [account, setAccount] = useState<StoredValueAccountView | null>(null);
  const [amount, setAmount] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const lookUp = async (raw: string): Promise<boolean> => {
    setBusy(true);
    const reply = await client.invoke('giftCard.lookup', { number: raw });
    setBusy(false);
    if (!reply.ok) {
      setAccount(null);
      setFailure(reply.error);
      return false;
    }
    setAccount(reply.value);
    setAmount(String(reply.value.suggested));
    return true;
  };

  const find = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    await lookUp(number);
  };

  const onScan = useEffectEvent((code: string) => {
    if (account !== null || busy || !CARD_NUMBER.test(code.trim())) return;
    setNumber(code.trim());
    setFailure(null);
    void lookUp(code.trim());
  });
  useEffect(() => client.on('scanRejected', ({ code }) => onScan(code)), [client]);

  const redeem = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !account) return;
    const n = Number(amount);
    if (!Number.isSafeInteger(n) || n <= 0) {
      setFailure({ code: 'stored_value_amount', message: '' });
      return;
    }
    setBusy(true);
    setFailure(null);
    const reply = await client.invoke('giftCard.redeem', { accountId: account.accountId, amount: n, expectedVersion: account.version });
    setBusy(false);
    if (reply.ok) return onClose();
    setFailure(reply.error);
    // The centre's balance moved: show the one it has now, so the cashier confirms against it.
    if (reply.error.code === 'stored_value_conflict') await lookUp(number);
  };

  return (
    <ToolDialog title={t('giftCard.title')} className="gift-card-dialog" onClose={onClose}>
      <p>{t('giftCard.due', { due: money(sale.payment.due, sale.currency) })}</p>
      {account === null ? (
        <form onSubmit={(e) => void find(e)} data-wedge="off">
          <label>
            {t('giftCard.number')}
            <input autoFocus inputMode="numeric" autoComplete="off" value={number} onChange={(e) => setNumber(e.target.value)} />
          </label>
          <KeyButton type="submit" shortcut="Enter" className="primary" aria-busy={busy}>
            {t('giftCard.find')}
          </KeyButton>
        </form>
      ) : (
        <form onSubmit={(e) => void redeem(e)} data-wedge="off">
          <p aria-label={t('giftCard.card')}>
            {t('giftCard.found', { kind: t(account.kind === 'giftCard' ? 'giftCard.kindGiftCard' : 'giftCard.kindStoreCredit'), masked: account.maskedNumber, balance: money(account.balance, account.currency) })}
          </p>
          <label>
            {t('giftCard.amount')}
            <input autoFocus inputMode="numeric" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value.replace(/\D/g, ''))} />
          </label>
          <KeyButton type="submit" shortcut="Enter" className="primary" aria-busy={busy}>
            {t('giftCard.confirm')}
          </KeyButton>
        </form>
      )}
      {failure ? <TenderFailure failure={failure} /> : null}
      <div className="panel-actions">
        <KeyButton shortcut="Esc" onClick={onClose}>
          {t('panel.close')}
        </KeyButton>
      </div>
    </ToolDialog>
  );
}
