import { useEffect, useEffectEvent, useState } from 'react';
import type { MethodOutput, ProductHitView } from '../../../main/api/contract.ts';
import type { PriceCheckView } from '../../../main/api/kiosk-contract.ts';
import type { LiveTillClient } from '../../client/live-till-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { listenKeyboardWedge } from '../../scanner/keyboard-wedge.ts';
import { wedgeOptionsOf, type WedgeSettings } from '../../scanner/wedge-settings.ts';
import { beep } from '../kiosk/beep.ts';
import { nameIn } from '../kiosk/kiosk-basket.tsx';
import { type KioskTextKey, kioskText } from '../kiosk/kiosk-text.ts';
import '../kiosk/kiosk.css';

/**
 * The price checker on the shop floor: scan (or search by name) and see the price and the offers
 * running now. Stock and recommendations are not on the till yet: their places say so.
 */
export function PriceCheckerScreen({ client }: { client: LiveTillClient }) {
  const { lang, setLang, money, dateTime } = useI18n();
  const tk = (key: KioskTextKey, params?: Record<string, string | number>) => kioskText(lang, key, params);
  const [product, setProduct] = useState<PriceCheckView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ProductHitView[]>([]);
  // Stock is asked of the central API when a product is shown: null while asking, 'unavailable' offline.
  const [stock, setStock] = useState<MethodOutput<'stock.lookup'> | 'unavailable' | null>(null);

  const check = async (code: string) => {
    const r = await client.invoke('kiosk.priceCheck', { code });
    if (r.ok) {
      beep('ok');
      setProduct(r.value);
      setProblem(null);
      setHits([]);
      setStock(null);
      void client.invoke('stock.lookup', { barcode: r.value.barcode }).then((s) => setStock(s.ok ? s.value : 'unavailable'));
    } else {
      beep('error');
      setProduct(null);
      setProblem(tk('price.notFound', { code }));
    }
  };
  const onScan = useEffectEvent((code: string) => void check(code));
  const [wedge, setWedge] = useState<WedgeSettings | null>(null);
  useEffect(() => {
    void client.invoke('till.status', {}).then((r) => {
      if (r.ok) setWedge(r.value.wedge);
    });
  }, [client]);
  useEffect(() => listenKeyboardWedge((code) => onScan(code), wedgeOptionsOf(wedge ?? {})), [wedge]);
  useEffect(() => client.on('kiosk.scanned', ({ code }) => onScan(code)), [client]);

  useEffect(() => {
    if (query.trim().length < 2) return setHits([]);
    let live = true;
    void client.invoke('catalog.search', { query, limit: 8 }).then((r) => {
      if (live && r.ok) setHits(r.value);
    });
    return () => {
      live = false;
    };
  }, [client, query]);

  return (
    <div className="kiosk" lang={lang}>
      <header className="kiosk-header">
        <h1>{tk('price.title')}</h1>
        <button type="button" onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')} lang={lang === 'ko' ? 'en' : 'ko'}>
          {lang === 'ko' ? 'English' : '한국어'}
        </button>
      </header>
      <main className="kiosk-main">
        <section aria-label={tk('price.search')}>
          <p>{tk('price.hint')}</p>
          <label className="kiosk-pin">
            {tk('price.search')}
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          {hits.length > 0 ? (
            <ul aria-label={tk('price.results')} className="kiosk-choices">
              {hits.map((h) => (
                <li key={h.productId}>
                  <button type="button" onClick={() => void check(h.barcode)}>
                    {nameIn(h.name, lang)}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {problem ? <p role="alert">{problem}</p> : null}
        </section>
        {product ? (
          <section aria-label={nameIn(product.name, lang)} className="kiosk-side">
            <h2>{nameIn(product.name, lang)}</h2>
            <p className="kiosk-total">
              {tk('price.price')} <strong aria-label={tk('price.price')}>{money(product.price, product.currency)}</strong>
              {product.taxFree ? ` · ${tk('price.taxFree')}` : ''}
            </p>
            <h3>{tk('price.promotions')}</h3>
            {product.promotions.length === 0 ? (
              <p>{tk('price.noPromotions')}</p>
            ) : (
              <ul aria-label={tk('price.promotions')}>
                {product.promotions.map((p, i) => (
                  <li key={i}>
                    {nameIn(p.name, lang)}
                    {p.memberOnly ? ` (${tk('price.memberOnly')})` : ''}
                    {p.endsAt ? ` · ${tk('price.until', { date: dateTime(p.endsAt) })}` : ''}
                  </li>
                ))}
              </ul>
            )}
            <h3>{tk('price.stock')}</h3>
            {stock === null ? (
              <p aria-live="polite">…</p>
            ) : stock === 'unavailable' ? (
              <p>{tk('price.notAvailable')}</p>
            ) : (
              <ul aria-label={tk('price.stock')}>
                <li>
                  {tk('price.stockHere', { count: stock.here?.onHand ?? 0 })}
                  {stock.here?.location ? ` · ${tk('price.location', { location: stock.here.location })}` : ''}
                </li>
                {stock.nearby.map((n) => (
                  <li key={n.storeId}>{tk('price.stockNearby', { store: n.storeName, count: n.onHand, km: n.distanceKm.toFixed(1) })}</li>
                ))}
              </ul>
            )}
            <h3>{tk('price.recommendations')}</h3>
            <p>{tk('price.notAvailable')}</p>
          </section>
        ) : null}
      </main>
    </div>
  );
}
