import { z } from 'zod';
import type { CentralCall, CentralResult } from './central-client.ts';
import { operations } from './operations.ts';

/** A gift card or store-credit account as the centre shows a till (StoredValueAccount in schema.graphql). */
export interface StoredValueAccount {
  readonly id: string;
  readonly kind: 'GIFT_CARD' | 'STORE_CREDIT';
  readonly maskedNumber: string;
  readonly currency: string;
  readonly balance: number;
  readonly version: number;
}

export interface StoredValueClaim {
  readonly claimId: string;
  readonly status: 'HELD' | 'CONFLICT' | 'INSUFFICIENT' | 'UNKNOWN_ACCOUNT';
  readonly account: StoredValueAccount | null;
}

export interface MobilePayment {
  readonly paymentId: string;
  readonly status: 'APPROVED' | 'DECLINED';
  readonly provider: string;
  readonly maskedToken: string;
  readonly amount: number;
  readonly approvalCode: string | null;
  readonly message: string | null;
}

const account = z.object({
  id: z.string().min(1), kind: z.enum(['GIFT_CARD', 'STORE_CREDIT']), maskedNumber: z.string().regex(/^\*{4}\d{4}$/), currency: z.string(),
  balance: z.number().int(), version: z.number().int().nonnegative(),
});
const lookupReply = z.object({ storedValueAccount: account.nullable() });
const claimReply = z.object({
  claimStoredValue: z.object({ claimId: z.string(), status: z.enum(['HELD', 'CONFLICT', 'INSUFFICIENT', 'UNKNOWN_ACCOUNT']), account: account.nullable() }),
});
const mobileReply = z.object({
  authorizeMobilePayment: z.object({
    paymentId: z.string(), status: z.enum(['APPROVED', 'DECLINED']), provider: z.string().min(1), maskedToken: z.string().regex(/^\*{4}\d{4}$/),
    amount: z.number().int(), approvalCode: z.string().nullable(), message: z.string().nullable(),
  }),
});

export interface TenderClient {
  storedValueAccount(number: string): Promise<CentralResult<StoredValueAccount | null>>;
  claimStoredValue(input: { claimId: string; accountId: string; saleId: string; amount: number; expectedVersion: number }): Promise<CentralResult<StoredValueClaim>>;
  authorizeMobilePayment(input: { paymentId: string; saleId: string; barcode: string; amount: number; currency: string }): Promise<CentralResult<MobilePayment>>;
}

/** The tender calls of the central API: gift card and store-credit lookups and claims, mobile payments (online only). */
export function createTenderClient(call: CentralCall): TenderClient {
  return {
    async storedValueAccount(number) {
      const r = await call(operations.storedValueAccount, { number }, lookupReply);
      return r.ok ? { ok: true, value: r.value.storedValueAccount } : r;
    },
    async claimStoredValue(input) {
      const r = await call(operations.claimStoredValue, { input }, claimReply);
      return r.ok ? { ok: true, value: r.value.claimStoredValue } : r;
    },
    async authorizeMobilePayment(input) {
      const r = await call(operations.authorizeMobilePayment, { input }, mobileReply);
      return r.ok ? { ok: true, value: r.value.authorizeMobilePayment } : r;
    },
  };
}
