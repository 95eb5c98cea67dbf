import type { OpenSale } from '../core/sale.ts';
import { saleTotals } from '../core/sale.ts';
import type { TaxRules } from '../core/tax.ts';
import type { Promotion } from '../core/pricing/promotion.ts';
import { type CouponScanError, type SaleCoupon, COUPON_MESSAGES, couponFor, isCouponNamespace, redeemedCoupons, scanCoupon } from '../core/coupons/barcode-coupon.ts';
import { type Result, fail } from '../core/result.ts';
import type { CouponCodeClient } from '../../sync/coupon-code-client.ts';
import type { LaneCoupons } from './coupon-lane.ts';

export interface BarcodeCouponDeps {
  /** The coupon definitions on the till (the promotions stream's coupon documents). */
  readonly definitions: () => readonly Promotion[];
  /** The centre's claims; null: a till without a central API accepts coupons as it knows them. */
  readonly client: CouponCodeClient | null;
  /** Whether the last sync round reached the centre. */
  readonly online: () => boolean;
  readonly rules: TaxRules;
}

/** Coupons by barcode at the lane: recognised on scan, priced by the engine, single-use ones claimed before the first tender. */
export class BarcodeCouponService implements LaneCoupons {
  constructor(private readonly deps: BarcodeCouponDeps) {}

  read(code: string, onSale: readonly SaleCoupon[], at: string): Result<SaleCoupon, CouponScanError> | null {
    const definition = couponFor(code, this.deps.definitions());
    if (!definition) return isCouponNamespace(code) ? fail('coupon_unknown', COUPON_MESSAGES.unknown(code)) : null;
    return scanCoupon(code, definition, onSale, at);
  }

  async beforeFirstTender(sale: OpenSale): Promise<readonly string[]> {
    // Only a coupon that saves something is spent: one under its minimum spend stays the customer's.
    const single = redeemedCoupons(sale.coupons, saleTotals(sale, this.deps.rules).savings).filter((c) => c.singleUse && c.saved > 0);
    const client = this.deps.client;
    // Offline the coupon is taken as the till knows it; the centre flags a reuse when the sale arrives.
    if (single.length === 0 || !client || !this.deps.online()) return [];
    const r = await client.claimCouponCodes({ saleId: sale.id, codes: single.map((c) => ({ couponId: c.couponId, code: c.code })) });
    return r.ok ? r.value.refused : [];
  }

  cancelled(sale: OpenSale): void {
    const client = this.deps.client;
    if (client && (sale.coupons ?? []).some((c) => c.singleUse)) void client.releaseCoupons(sale.id).catch(() => undefined);
  }
}
