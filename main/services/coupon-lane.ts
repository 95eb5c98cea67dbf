import type { OpenSale } from '../core/sale.ts';
import type { CouponScanError, SaleCoupon } from '../core/coupons/barcode-coupon.ts';
import type { Result } from '../core/result.ts';

/** What the lane asks of coupons by barcode while ringing (main/services/barcode-coupon-service.ts answers). */
export interface LaneCoupons {
  /** The coupon a scanned code is, or why it cannot go on the sale; null: not a coupon (ring it as an item). */
  read(code: string, onSale: readonly SaleCoupon[], at: string): Result<SaleCoupon, CouponScanError> | null;
  /** Before the first tender: claims the sale's single-use coupons at the centre; answers the codes used elsewhere. */
  beforeFirstTender(sale: OpenSale): Promise<readonly string[]>;
  /** The sale was cancelled unpaid: what it claimed goes back. */
  cancelled(sale: OpenSale): void;
}
