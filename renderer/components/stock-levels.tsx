import type { ApiError, StockLookupView } from '../../main/api/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

interface Props {
  /** null while asking. */
  readonly answer: StockLookupView | null;
  readonly failure: ApiError | null;
}

/**
 * Stock of one product here (with its shelf location) and in nearby stores, nearest first, as the
 * central API told it just now. Offline there is no figure at all: the till keeps none, so it says so.
 */
export function StockLevels({ answer, failure }: Props) {
  const { t, lang, error } = useI18n();
  if (failure) {
    return (
      <p role="alert" className="alert">
        {failure.code === 'central_offline' ? t('stock.offline') : error(failure)}
      </p>
    );
  }
  if (!answer) return <p aria-live="polite">{t('stock.asking')}</p>;
  const name = answer.name ? (answer.name[lang] ?? answer.name['ko'] ?? answer.barcode) : answer.barcode;
  const here = answer.here;
  return (
    <section className="stock-levels" aria-label={t('stock.title', { name })}>
      <h3>{t('stock.title', { name })}</h3>
      <p className={here && here.onHand > 0 ? 'stock-here' : 'stock-here stock-none'}>
        {here && here.onHand > 0
          ? t('stock.here', { count: here.onHand, location: here.location ?? t('stock.noLocation') })
          : t('stock.noneHere')}
      </p>
      {answer.nearby.length === 0 ? (
        <p>{t('stock.noneNearby')}</p>
      ) : (
        <table aria-label={t('stock.nearby')}>
          <thead>
            <tr>
              <th scope="col">{t('stock.store')}</th>
              <th scope="col">{t('stock.onHand')}</th>
              <th scope="col">{t('stock.distance')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.nearby.map((s) => (
              <tr key={s.storeName}>
                <td>{s.storeName}</td>
                <td>{t('stock.count', { count: s.onHand })}</td>
                <td>{t('stock.km', { km: s.distanceKm.toFixed(1) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
