import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../main/api/contract.ts';
import type { LiveTillClient } from '../../client/live-till-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { nameIn } from './kiosk-basket.tsx';
import { type KioskTextKey, kioskErrorText, kioskText } from './kiosk-text.ts';

type Item = MethodOutput<'kiosk.looseItems'>[number];

/** A picture per category (the demo catalog has no photos); the name is always written beside it. */
const PICTURE: Readonly<Record<string, string>> = { produce: '🥬', bread: '🥖', eggs: '🥚', tofu: '🧈' };

/** The picture grid for items without a barcode: tap one, choose how many, add. */
export function KioskLooseItems({ client, lang, onClose }: { client: LiveTillClient; lang: string; onClose: () => void }) {
  const { money } = useI18n();
  const tk = (key: KioskTextKey, params?: Record<string, string | number>) => kioskText(lang, key, params);
  const [items, setItems] = useState<Item[]>([]);
  const [chosen, setChosen] = useState<Item | null>(null);
  const [count, setCount] = useState(1);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void client.invoke('kiosk.looseItems', {}).then((r) => {
      if (r.ok) setItems(r.value);
    });
  }, [client]);
  const add = async () => {
    if (!chosen) return;
    const r = await client.invoke('kiosk.addItem', { productId: chosen.productId, quantity: count });
    if (!r.ok) return setProblem(kioskErrorText(lang, r.error.code));
    onClose();
  };
  return (
    <div className="kiosk-overlay">
      <section role="dialog" aria-modal="true" aria-label={tk('kiosk.looseTitle')} className="kiosk-dialog kiosk-loose">
        <h2>{tk('kiosk.looseTitle')}</h2>
        {chosen ? (
          <div className="kiosk-choices">
            <p className="kiosk-total">
              {PICTURE[chosen.category] ?? '🛒'} {nameIn(chosen.name, lang)} · {money(chosen.price, chosen.currency)}
            </p>
            <button type="button" aria-label={tk('kiosk.looseLess')} disabled={count <= 1} onClick={() => setCount((c) => c - 1)}>
              −
            </button>
            <output aria-label={tk('kiosk.looseQty', { count })}>{count}</output>
            <button type="button" aria-label={tk('kiosk.looseMore')} disabled={count >= 20} onClick={() => setCount((c) => c + 1)}>
              +
            </button>
            <button type="button" className="kiosk-primary" onClick={() => void add()}>
              {tk('kiosk.looseAdd', { count })}
            </button>
          </div>
        ) : (
          <ul className="kiosk-grid" aria-label={tk('kiosk.loose')}>
            {items.map((i) => (
              <li key={i.productId}>
                <button type="button" onClick={() => { setChosen(i); setCount(1); }}>
                  <span aria-hidden="true" className="kiosk-picture">{PICTURE[i.category] ?? '🛒'}</span>
                  <span>{nameIn(i.name, lang)}</span>
                  <span>{money(i.price, i.currency)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {problem ? <p role="alert">{problem}</p> : null}
        <button type="button" onClick={onClose}>
          {tk('kiosk.cancel')}
        </button>
      </section>
    </div>
  );
}
