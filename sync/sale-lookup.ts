import { z } from 'zod';
import type { OriginalLine, EarlierReturn } from '../main/core/returns/returnable.ts';
import type { CardDetails } from '../main/core/tender.ts';
import type { CentralCall, CentralResult } from './central-client.ts';
import { operations } from './operations.ts';

/** A sale of the store as the central API knows it, with what returns on any till took back. */
export interface CentralSale {
  readonly id: string;
  readonly tillId: string;
  readonly receiptNumber: string;
  readonly completedAt: string;
  readonly currency: string;
  readonly change: number;
  readonly lines: readonly OriginalLine[];
  readonly tenders: readonly { id: string; kind: 'cash' | 'card'; amount: number; card: CardDetails | null }[];
  readonly returned: { readonly lines: readonly EarlierReturn[]; readonly tenders: readonly { originalTenderId: string; amount: number }[] };
}

/** Finds a sale of the caller's store by receipt number (another till's, for a return at this one). */
export interface SaleLookup {
  byReceipt(receiptNumber: string): Promise<CentralResult<CentralSale | null>>;
}

const reply = z.object({
  sales: z.array(
    z.object({
      id: z.string().min(1),
      tillId: z.string(),
      receiptNumber: z.string(),
      completedAt: z.string(),
      currency: z.string(),
      change: z.number().int(),
      lines: z.array(
        z.object({
          lineId: z.string(), productId: z.string(), barcode: z.string(), nameKo: z.string(), nameEn: z.string().nullish(),
          unitPrice: z.number().int(), quantity: z.number().int().positive(), taxClass: z.string(), voided: z.boolean(), discount: z.number().int().nonnegative(),
        }),
      ),
      tenders: z.array(
        z.object({
          id: z.string(), kind: z.string(), amount: z.number().int(),
          card: z.object({ scheme: z.string(), maskedPan: z.string(), approvalCode: z.string(), terminalRef: z.string() }).nullish(),
        }),
      ),
      returnedLines: z.array(z.object({ originalLineId: z.string(), quantity: z.number().int(), refund: z.number().int() })),
      returnedTenders: z.array(z.object({ originalTenderId: z.string(), amount: z.number().int() })),
    }),
  ),
});

export function createSaleLookup(call: CentralCall): SaleLookup {
  return {
    async byReceipt(receiptNumber): Promise<CentralResult<CentralSale | null>> {
      const r = await call(operations.saleByReceipt, { receiptNumber }, reply);
      if (!r.ok) return r;
      const s = r.value.sales[0];
      if (!s) return { ok: true, value: null };
      return {
        ok: true,
        value: {
          id: s.id, tillId: s.tillId, receiptNumber: s.receiptNumber, completedAt: s.completedAt, currency: s.currency, change: s.change,
          lines: s.lines.map((l) => ({
            lineId: l.lineId, productId: l.productId, barcode: l.barcode, name: (l.nameEn ? { ko: l.nameKo, en: l.nameEn } : { ko: l.nameKo }) as Record<string, string>,
            taxClass: l.taxClass, unitPrice: l.unitPrice, quantity: l.quantity, discount: l.discount, voided: l.voided,
          })),
          // Tenders the till cannot refund itself (points, ...) keep their kind in lower case; the split treats them as non-cash.
          tenders: s.tenders.map((t) => ({ id: t.id, kind: t.kind.toLowerCase() as 'cash' | 'card', amount: t.amount, card: t.card ?? null })),
          returned: { lines: s.returnedLines, tenders: s.returnedTenders },
        },
      };
    },
  };
}

export interface OrderReturnClaimInput {
  readonly returnId: string;
  readonly orderNumber: string;
  readonly lines: readonly { readonly lineId: string; readonly quantity: number }[];
  readonly amount: number;
}

export interface OrderReturnClaim {
  readonly status: 'CLAIMED' | 'REFUSED';
  readonly code: string | null;
  readonly message: string | null;
}

const claimReply = z.object({
  claimOrderReturn: z.object({ status: z.enum(['CLAIMED', 'REFUSED']), code: z.string().nullish().transform((v) => v ?? null), message: z.string().nullish().transform((v) => v ?? null) }),
});

/** Claims an online order's items at the centre before refunding them to the online payment. */
export function createOrderReturnClaim(call: CentralCall): (input: OrderReturnClaimInput) => Promise<CentralResult<OrderReturnClaim>> {
  return async (input) => {
    const r = await call(operations.claimOrderReturn, { input }, claimReply);
    return r.ok ? { ok: true, value: r.value.claimOrderReturn } : r;
  };
}
