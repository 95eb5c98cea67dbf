import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError, MethodInput, SaleView, StockLookupView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { lineName } from './line-name.ts';
import { ToolDialog } from './tool-dialog.tsx';

interface Props {
  readonly client: TillClient;
  readonly line: SaleView['lines'][number];
  readonly onClose: () => void;
}

type Way = { readonly kind: 'delivery' } | { readonly kind: 'pickup'; readonly storeName: string };

/**
 * Save the sale (Alt+O on a line): the item is not here, so the customer pays now and collects it
 * at a nearby store that has it, or has it delivered. The stores come from the stock lookup
 * (online); offline, delivery is still offered. A line already ordered can be taken now instead.
 */
export function SaveSaleDialog({ client, line, onClose }: Props) {
  const { t, lang, error } = useI18n();
  const id = useId();
  const [stock, setStock] = useState<StockLookupView | null>(null);
  const [stockFailure, setStockFailure] = useState<ApiError | null>(null);
  const [way, setWay] = useState<Way>({ kind: 'delivery' });
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void client.invoke('stock.lookup', { barcode: line.barcode }).then((r) => {
      if (!r.ok) return setStockFailure(r.error);
      setStock(r.value);
      // The nearest store that has it is what most customers want.
      const nearest = r.value.nearby[0];
      if (nearest) setWay({ kind: 'pickup', storeName: nearest.storeName });
    });
  }, [client, line.barcode]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const storeId = way.kind === 'pickup' ? stock?.nearby.find((s) => s.storeName === way.storeName)?.storeId : undefined;
    const fulfilment: MethodInput<'sale.orderForLater'>['fulfilment'] =
      way.kind === 'pickup' && storeId
        ? { kind: 'pickup', storeId, storeName: way.storeName, customerName: name.trim(), phone: phone.trim() }
        : { kind: 'delivery', customerName: name.trim(), phone: phone.trim(), address: address.trim() };
    setBusy(true);
    const reply = await client.invoke('sale.orderForLater', { lineId: line.lineId, fulfilment });
    setBusy(false);
    if (reply.ok) onClose();
    else setFailure(reply.error);
  };

  const takeNow = async () => {
    const reply = await client.invoke('sale.takeNow', { lineId: line.lineId });
    if (reply.ok) onClose();
    else setFailure(reply.error);
  };

  const options: { key: string; way: Way; label: string }[] = [
    ...(stock?.nearby ?? []).map((s) => ({
      key: s.storeId,
      way: { kind: 'pickup' as const, storeName: s.storeName },
      label: t('saveSale.pickupAt', { store: s.storeName, count: s.onHand, km: s.distanceKm.toFixed(1) }),
    })),
    { key: 'delivery', way: { kind: 'delivery' }, label: t('saveSale.delivery') },
  ];
  const chosen = (w: Way) => (w.kind === 'delivery' ? way.kind === 'delivery' : way.kind === 'pickup' && way.storeName === w.storeName);

  return (
    <ToolDialog title={t('saveSale.title')} className="save-sale-dialog" onClose={onClose}>
      <p>{t('saveSale.line', { name: lineName(line, lang), quantity: line.quantity })}</p>
      {stockFailure ? (
        <p role="status">{stockFailure.code === 'central_offline' ? t('saveSale.offline') : error(stockFailure)}</p>
      ) : stock === null ? (
        <p aria-live="polite">{t('stock.asking')}</p>
      ) : null}
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('saveSale.how')}</legend>
          {options.map((o) => (
            <label key={o.key} className="radio-row">
              <input type="radio" name={`${id}-way`} checked={chosen(o.way)} onChange={() => setWay(o.way)} /> {o.label}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-name`}>{t('saveSale.name')}</label>
        <input id={`${id}-name`} type="text" autoComplete="off" autoFocus maxLength={50} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${id}-phone`}>{t('saveSale.phone')}</label>
        <input id={`${id}-phone`} type="tel" inputMode="numeric" autoComplete="off" maxLength={20} value={phone} onChange={(e) => setPhone(e.target.value)} />
        {way.kind === 'delivery' ? (
          <>
            <label htmlFor={`${id}-address`}>{t('saveSale.address')}</label>
            <input id={`${id}-address`} type="text" autoComplete="off" maxLength={200} value={address} onChange={(e) => setAddress(e.target.value)} />
          </>
        ) : null}
        {failure ? (
          <p role="alert" className="alert">
            {error(failure)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <KeyButton type="submit" shortcut="Enter" className="primary" disabled={busy}>
            {t('saveSale.confirm')}
          </KeyButton>
          {line.ordered ? (
            <KeyButton onClick={() => void takeNow()}>{t('saveSale.takeNow')}</KeyButton>
          ) : null}
          <KeyButton shortcut="Escape" onClick={onClose}>
            {t('panel.close')}
          </KeyButton>
        </div>
      </form>
    </ToolDialog>
  );
}
