import { z } from 'zod';
import type { CentralCall, CentralResult } from './central-client.ts';
import { operations } from './operations.ts';

export type AppCartClaimAnswer =
  | { readonly taken: true; readonly lines: readonly { readonly barcode: string; readonly quantity: number }[] }
  | { readonly taken: false; readonly refusal: 'CART_TAKEN' | 'CART_UNKNOWN' };

const reply = z.object({
  claimAppCart: z
    .object({
      cart: z.object({ code: z.string(), lines: z.array(z.object({ barcode: z.string().regex(/^\d{1,14}$/), quantity: z.number().int().min(1).max(99) })) }).nullish(),
      refusal: z.enum(['CART_TAKEN', 'CART_UNKNOWN']).nullish(),
    })
    .refine((c) => (c.cart == null) !== (c.refusal == null), 'a claim is either the cart or a refusal'),
});

/** Takes an app cart over from the central API (online only: the cart lives in the app's account). */
export function createAppCartClient(call: CentralCall) {
  return {
    async claim(code: string, claimId: string): Promise<CentralResult<AppCartClaimAnswer>> {
      const r = await call(operations.claimAppCart, { code, claimId }, reply);
      if (!r.ok) return r;
      const c = r.value.claimAppCart;
      return { ok: true, value: c.cart ? { taken: true, lines: c.cart.lines } : { taken: false, refusal: c.refusal ?? 'CART_UNKNOWN' } };
    },
  };
}
