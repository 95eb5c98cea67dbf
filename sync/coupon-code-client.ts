import { z } from 'zod';
import type { CentralCall, CentralResult } from './central-client.ts';
import { operations } from './operations.ts';

const claimReply = z.object({ claimCouponCodes: z.object({ claimed: z.array(z.string()), refused: z.array(z.string()) }) });

export interface CouponCodeClient {
  /** Claims single-use coupon codes for a sale before its first tender: refused are the codes another sale took. */
  claimCouponCodes(input: { saleId: string; codes: readonly { couponId: string; code: string }[] }): Promise<CentralResult<{ claimed: readonly string[]; refused: readonly string[] }>>;
  /** A cancelled sale gives back what it claimed (personal coupons and coupon codes alike). */
  releaseCoupons(saleId: string): Promise<CentralResult<number>>;
}

/** The centre's side of coupons by barcode (online only; offline the till accepts and the centre flags a reuse). */
export function createCouponCodeClient(call: CentralCall): CouponCodeClient {
  return {
    async claimCouponCodes(input) {
      const r = await call(operations.claimCouponCodes, { input: { saleId: input.saleId, codes: input.codes.map((c) => ({ ...c })) } }, claimReply);
      return r.ok ? { ok: true, value: r.value.claimCouponCodes } : r;
    },
    async releaseCoupons(saleId) {
      const r = await call(operations.releaseCoupons, { saleId }, z.object({ releaseCoupons: z.number().int() }));
      return r.ok ? { ok: true, value: r.value.releaseCoupons } : r;
    },
  };
}
