import { useEffect, useRef } from 'react';
import type { SaleView } from '../../../main/api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { lineName } from './line-name.ts';

interface Props {
  readonly sale: SaleView | null;
  readonly selectedLineId: string | null;
  readonly onSelect: (lineId: string) => void;
  readonly onVoid: (lineId: string) => void;
}

export function BasketTable({ sale, selectedLineId, onSelect, onVoid }: Props) {
  const { t, lang, money } = useI18n();
  const selectedRow = useRef<HTMLTableRowElement>(null);
  const lines = sale?.lines ?? [];
  const currency = sale?.currency ?? 'KRW';

  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedLineId, lines.length]);

  return (
    <div className="basket-scroll">
      <table className="basket" aria-label={t('basket.title')}>
        <thead>
          <tr>
            <th scope="col">{t('basket.colName')}</th>
            <th scope="col" className="num">
              {t('basket.colQuantity')}
            </th>
            <th scope="col" className="num">
              {t('basket.colUnitPrice')}
            </th>
            <th scope="col" className="num">
              {t('basket.colAmount')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('basket.colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const name = lineName(line, lang);
            const selected = line.lineId === selectedLineId;
            return (
              <tr
                key={line.lineId}
                ref={selected ? selectedRow : undefined}
                className={[line.voided ? 'voided' : '', selected ? 'selected' : ''].filter(Boolean).join(' ') || undefined}
                aria-current={selected ? 'true' : undefined}
                onClick={() => !line.voided && onSelect(line.lineId)}
              >
                <td>
                  <span className="line-name">{name}</span>
                  {line.taxFree ? <span className="badge badge-tax-free">{t('basket.taxFree')}</span> : null}
                  {line.voided ? <span className="badge badge-voided">{t('basket.voided')}</span> : null}
                  {!line.voided && line.ageCheck === 'pending' ? <span className="badge badge-age-pending">{t('basket.agePending')}</span> : null}
                  {!line.voided && line.ageCheck === 'confirmed' ? <span className="badge badge-age-confirmed">{t('basket.ageConfirmed')}</span> : null}
                  {!line.voided && line.ordered ? (
                    <span className="badge badge-ordered">
                      {line.ordered.kind === 'pickup' ? t('basket.orderedPickup', { store: line.ordered.storeName ?? '' }) : t('basket.orderedDelivery')}
                    </span>
                  ) : null}
                  {!line.voided && line.originalPrice !== null ? (
                    <span className="line-note original">{t('basket.originalPrice', { amount: money(line.originalPrice, currency) })}</span>
                  ) : null}
                  {!line.voided && line.discount > 0 ? (
                    <span className="line-note">{t('basket.lineDiscount', { amount: money(-line.discount, currency) })}</span>
                  ) : null}
                </td>
                <td className="num struck">{line.quantity}</td>
                <td className="num struck">{money(line.unitPrice, currency)}</td>
                <td className="num struck">{money(line.amount, currency)}</td>
                <td className="line-actions">
                  {line.voided ? null : (
                    <button type="button" className="void-line" aria-label={t('basket.voidLine', { name })} onClick={() => onVoid(line.lineId)}>
                      {t('basket.void')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {lines.length === 0 ? <p className="basket-empty">{t('basket.empty')}</p> : null}
    </div>
  );
}
