import { z } from 'zod';
import type { CentralCall, CentralResult } from './central-client.ts';
import type { CentralSuspended, ClaimAnswer } from '../main/core/suspended-sale.ts';
import { operations } from './operations.ts';

const listReply = z.object({
  suspendedSales: z.array(
    z.object({
      saleId: z.string().min(1),
      tillId: z.string().min(1),
      tillNumber: z.string(),
      staffId: z.string(),
      suspendedAt: z.string(),
      currency: z.string(),
      total: z.number().int(),
      itemCount: z.number().int(),
      resumedAt: z.string().nullable(),
      resumedTillNumber: z.string().nullable(),
    }),
  ),
});

const claimReply = z.object({
  claimSuspendedSale: z
    .object({
      sale: z.object({ saleId: z.string(), tillNumber: z.string(), resumedTillNumber: z.string().nullable() }).nullable(),
      document: z.string().nullable(),
      refusal: z.enum(['SALE_TAKEN', 'SALE_UNKNOWN']).nullable(),
    })
    .refine((c) => (c.document === null) !== (c.refusal === null), 'a claim is either the sale or a refusal'),
});

/** The store's suspended sales at the central API: listed on demand, resumed by a claim (online only). */
export function createSuspendedSaleClient(call: CentralCall) {
  return {
    async list(): Promise<CentralResult<CentralSuspended[]>> {
      const r = await call(operations.suspendedSales, {}, listReply);
      return r.ok ? { ok: true, value: r.value.suspendedSales } : r;
    },
    async claim(saleId: string, claimId: string): Promise<CentralResult<NonNullable<ClaimAnswer>>> {
      const r = await call(operations.claimSuspendedSale, { saleId, claimId }, claimReply);
      if (!r.ok) return r;
      const c = r.value.claimSuspendedSale;
      if (c.document !== null) return { ok: true, value: { kind: 'claimed', document: c.document } };
      return { ok: true, value: c.refusal === 'SALE_TAKEN' ? { kind: 'taken', tillNumber: c.sale?.resumedTillNumber ?? null } : { kind: 'unknown' } };
    },
  };
}

export type SuspendedSaleClient = ReturnType<typeof createSuspendedSaleClient>;
