import type { SaleView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import './sale-changes.css';

interface Props {
  readonly client: TillClient;
  readonly sale: SaleView | null;
  readonly paying: boolean;
}

/**
 * The coupons scanned onto the sale, with what each takes off now: one under its minimum spend stays
 * on the sale and says so. Before any tender a coupon can be taken off; the host pushes the repriced sale.
 */
export function CouponList({ client, sale, paying }: Props) {
  const { t, money, lang } = useI18n();
  const coupons = sale?.coupons ?? [];
  if (!sale || coupons.length === 0) return null;
  const canRemove = !paying && sale.tenders.length === 0;
  return (
    <section className="coupon-list" aria-label={t('coupons.title')}>
      <ul>
        {coupons.map((c) => {
          const name = c.name[lang] ?? c.name['ko'] ?? c.code;
          const text = c.saved > 0 ? t('coupons.entry', { name, amount: money(-c.saved, sale.currency) }) : t('coupons.waiting', { name });
          return (
            <li key={c.code} aria-label={text}>
              <span>{text}</span>
              {c.singleUse ? <span className="coupon-tag">{t('coupons.singleUse')}</span> : null}
              <button type="button" className="link" disabled={!canRemove} aria-label={t('coupons.remove', { name })} onClick={() => void client.invoke('sale.removeCoupon', { code: c.code })}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
