import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiError, ProductHitView, StockLookupView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { StockLevels } from '../../components/stock-levels.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { moveSelection } from './lane-keys.ts';

interface Props {
  readonly client: TillClient;
  readonly onClose: () => void;
}

/** Alt+I (재고, inventory) asks for the highlighted product's stock; read from `code`, so Hangul mode does not matter. */
export const stockKey = 'Alt+I';
const stockKeyCode = 'KeyI';

/** Enough to choose from on one screen; the cashier narrows the query rather than scrolls. */
const RESULT_LIMIT = 20;

/**
 * Product search by name (Korean, initial consonants such as ㅅㄹㅁ, English) as a combobox:
 * type, move with the arrow keys, Enter rings the highlighted product, Escape closes.
 */
export function SearchDialog({ client, onClose }: Props) {
  const { t, money, lang, error } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly ProductHitView[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Replies can overtake each other; only the answer to the latest query is shown.
  const latest = useRef(0);
  // Stock of the highlighted product (Alt+I): asked of the central API, shown under the results.
  const [stock, setStock] = useState<{ barcode: string; answer: StockLookupView | null; failure: ApiError | null } | null>(null);

  const lookUpStock = async (productId: string) => {
    const hit = hits.find((h) => h.productId === productId);
    if (!hit) return;
    setStock({ barcode: hit.barcode, answer: null, failure: null });
    const reply = await client.invoke('stock.lookup', { barcode: hit.barcode });
    setStock((now) => (now?.barcode !== hit.barcode ? now : reply.ok ? { barcode: hit.barcode, answer: reply.value, failure: null } : { barcode: hit.barcode, answer: null, failure: reply.error }));
  };

  useEffect(() => {
    const asked = ++latest.current;
    if (query.trim() === '') {
      setHits([]);
      setActive(null);
      return;
    }
    void client.invoke('catalog.search', { query, limit: RESULT_LIMIT }).then((reply) => {
      if (asked !== latest.current) return;
      if (reply.ok) {
        setHits(reply.value);
        setActive(reply.value[0]?.productId ?? null);
        setFailure(null);
      } else setFailure(reply.error);
    });
  }, [client, query]);

  const ring = async (productId: string) => {
    if (busy) return;
    setBusy(true);
    const reply = await client.invoke('sale.addProduct', { productId });
    setBusy(false);
    if (reply.ok) onClose();
    else setFailure(reply.error);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const ids = hits.map((h) => h.productId);
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) setActive(moveSelection(ids, active, step));
    else if (event.altKey && event.code === stockKeyCode && active !== null) void lookUpStock(active);
    else if (event.key === 'Enter' && active !== null) void ring(active);
    else if (event.key === 'Escape') onClose();
    else return;
    // The lane's own keys (Escape, arrows) must not act on the basket behind the dialog.
    event.preventDefault();
    event.stopPropagation();
  };

  const optionId = (productId: string) => `${id}-hit-${productId}`;
  const status =
    query.trim() === '' ? t('search.hint') : hits.length === 0 ? t('search.none') : t('search.count', { count: hits.length });

  return (
    <section className="panel search-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('search.title')}</h2>
      <label htmlFor={`${id}-query`}>{t('search.query')}</label>
      <input
        id={`${id}-query`}
        type="search"
        role="combobox"
        autoFocus
        autoComplete="off"
        maxLength={100}
        aria-expanded={hits.length > 0}
        aria-controls={`${id}-results`}
        aria-activedescendant={active !== null ? optionId(active) : undefined}
        aria-describedby={`${id}-status`}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-status`} aria-live="polite">
        {status}
      </p>
      {failure ? (
        <p role="alert" className="alert">
          {error(failure)}
        </p>
      ) : null}
      <ul id={`${id}-results`} role="listbox" aria-label={t('search.results')} className="search-results">
        {hits.map((hit) => (
          <li
            key={hit.productId}
            id={optionId(hit.productId)}
            role="option"
            aria-selected={hit.productId === active}
            className={hit.productId === active ? 'selected' : undefined}
            onClick={() => void ring(hit.productId)}
          >
            <span className="search-name">{hit.name[lang] ?? hit.name['ko'] ?? hit.barcode}</span>{' '}
            <span className="search-price">{money(hit.price, hit.currency)}</span>
            {hit.taxFree ? <span className="search-tax-free"> {t('basket.taxFree')}</span> : null}
          </li>
        ))}
      </ul>
      {stock ? <StockLevels answer={stock.answer} failure={stock.failure} /> : null}
      <KeyButton shortcut={stockKey} disabled={active === null} onClick={() => active !== null && void lookUpStock(active)}>
        {t('stock.lookup')}
      </KeyButton>
      <KeyButton shortcut="Escape" onClick={onClose}>
        {t('panel.close')}
      </KeyButton>
    </section>
  );
}
