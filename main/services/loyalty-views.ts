import type { OpenSale } from '../core/sale.ts';
import { COUPON_PREFIX } from '../core/loyalty/coupon.ts';
import type { SaleView } from '../api/contract.ts';

/** Points this sale has already redeemed (its points tenders). */
export const pointsRedeemedOn = (sale: Pick<OpenSale, 'tenders'>): number =>
  sale.tenders.reduce((a, t) => a + (t.kind === 'points' ? t.amount : 0), 0);

/** The member on a sale as the renderer sees it: masked, with what is left to spend and the coupons in play. */
export function memberOnSale(sale: OpenSale, savings: readonly { readonly id: string; readonly amount: number }[]): NonNullable<SaleView['member']> | null {
  const m = sale.member;
  if (!m) return null;
  const redeemed = pointsRedeemedOn(sale);
  const saved = new Set(savings.filter((s) => s.amount > 0).map((s) => s.id));
  return {
    id: m.id,
    maskedName: m.maskedName,
    maskedPhone: m.maskedPhone,
    tier: m.tier,
    pointsAvailable: Math.max(0, m.pointsBalance - redeemed),
    pointsRedeemed: redeemed,
    coupons: (sale.promotions ?? [])
      .filter((p) => p.id.startsWith(COUPON_PREFIX))
      .map((p) => ({ id: p.id.slice(COUPON_PREFIX.length), name: { ...p.name }, applied: saved.has(p.id) })),
  };
}
