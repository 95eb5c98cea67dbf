import { z } from 'zod';
import type { CentralCall, CentralResult, Page } from './central-client.ts';
import { operations } from './operations.ts';
import type { StreamSinkPort } from './ports.ts';
import { type PullOptions, type PullSummary, pullStream } from './stream-puller.ts';

/** A member stream item as the till keeps it (masked; see MemberChange in schema.graphql). */
export interface MemberStreamItem {
  readonly id: string;
  readonly phoneHash: string;
  readonly phoneLastFour: string;
  readonly maskedName: string;
  readonly tier: string;
  readonly pointsBalance: number;
  readonly balanceVersion: number;
  readonly tokenHash: string | null;
  readonly deleted: boolean;
}

/** A coupon stream item: the rule is parsed JSON, validated by the store as a pricing rule. */
export interface CouponStreamItem {
  readonly id: string;
  readonly memberId: string;
  readonly name: Readonly<Record<string, string>>;
  readonly rule: unknown;
  readonly expiresAt: string | null;
  readonly used: boolean;
  readonly deleted: boolean;
}

export type ClaimStatus = 'HELD' | 'CONFLICT' | 'INSUFFICIENT' | 'UNKNOWN_MEMBER';
export interface PointsClaim {
  readonly claimId: string;
  readonly status: ClaimStatus;
  readonly balance: number;
  readonly balanceVersion: number;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const memberItem = z
  .object({
    id: z.string().min(1),
    phoneHash: z.union([hex64, z.literal('')]),
    phoneLastFour: z.union([z.string().regex(/^\d{4}$/), z.literal('')]),
    maskedName: z.string().max(40),
    tier: z.string(),
    pointsBalance: z.number().int(),
    balanceVersion: z.number().int().nonnegative(),
    tokenHash: hex64.nullish().transform((v) => v ?? null),
    deleted: z.boolean(),
  })
  .refine((m) => m.deleted || (m.phoneHash !== '' && m.phoneLastFour !== ''), 'a live member carries their lookup keys');

const jsonText = z.string().transform((text, ctx): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not JSON' });
    return z.NEVER;
  }
});
const couponItem = z
  .object({
    id: z.string().min(1), memberId: z.string().min(1), nameKo: z.string(), nameEn: z.string().nullish(), rule: jsonText,
    expiresAt: z.string().nullish(), used: z.boolean(), deleted: z.boolean(),
  })
  .transform((c): CouponStreamItem => ({
    id: c.id, memberId: c.memberId, name: c.nameEn ? { ko: c.nameKo, en: c.nameEn } : { ko: c.nameKo }, rule: c.rule,
    expiresAt: c.expiresAt ? new Date(c.expiresAt).toISOString() : null, used: c.used, deleted: c.deleted,
  }));

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), cursor: z.string(), hasMore: z.boolean(), resetRequired: z.boolean() });
const memberReply = z.object({ memberChanges: page(memberItem) });
const couponReply = z.object({ couponChanges: page(couponItem) });
const claimReply = z.object({
  claimPoints: z.object({
    claimId: z.string(), status: z.enum(['HELD', 'CONFLICT', 'INSUFFICIENT', 'UNKNOWN_MEMBER']), balance: z.number().int(), balanceVersion: z.number().int(),
  }),
});

/** A member as the cashier sees them online (memberTimeline in schema.graphql); null outside the store's region. */
export interface MemberTimeline {
  readonly purchases: readonly { saleId: string; receiptNumber: string; storeName: string; completedAt: string; total: number }[];
  readonly recommendations: readonly { barcode: string; nameKo: string; nameEn: string | null; bought: number }[];
  readonly openRequests: readonly { kind: string; requestedAt: string }[];
}
const timelineReply = z.object({
  memberTimeline: z
    .object({
      purchases: z.array(z.object({ saleId: z.string(), receiptNumber: z.string(), storeName: z.string(), completedAt: z.string(), total: z.number().int() })),
      recommendations: z.array(z.object({ barcode: z.string(), nameKo: z.string(), nameEn: z.string().nullish().transform((v) => v ?? null), bought: z.number().int() })),
      openRequests: z.array(z.object({ kind: z.string(), requestedAt: z.string() })),
    })
    .nullable(),
});

const couponClaimReply = z.object({ claimCoupons: z.object({ claimed: z.array(z.string()), refused: z.array(z.string()) }) });

export interface LoyaltyClient {
  memberChanges(after: string | null, first: number): Promise<CentralResult<Page<MemberStreamItem>>>;
  couponChanges(after: string | null, first: number): Promise<CentralResult<Page<CouponStreamItem>>>;
  claimPoints(input: { claimId: string; memberId: string; saleId: string; points: number; expectedVersion: number }): Promise<CentralResult<PointsClaim>>;
  memberTimeline(memberId: string): Promise<CentralResult<MemberTimeline | null>>;
  claimCoupons(input: { memberId: string; saleId: string; couponIds: readonly string[] }): Promise<CentralResult<{ claimed: readonly string[]; refused: readonly string[] }>>;
  releaseCoupons(saleId: string): Promise<CentralResult<number>>;
}

/** The loyalty calls of the central API: the member and coupon streams, and points claims (online only). */
export function createLoyaltyClient(call: CentralCall): LoyaltyClient {
  return {
    async memberChanges(after, first) {
      const r = await call(operations.memberChanges, { after, first }, memberReply);
      return r.ok ? { ok: true, value: r.value.memberChanges } : r;
    },
    async couponChanges(after, first) {
      const r = await call(operations.couponChanges, { after, first }, couponReply);
      return r.ok ? { ok: true, value: r.value.couponChanges } : r;
    },
    async claimCoupons(input) {
      const r = await call(operations.claimCoupons, { input }, couponClaimReply);
      return r.ok ? { ok: true, value: r.value.claimCoupons } : r;
    },
    async releaseCoupons(saleId) {
      const r = await call(operations.releaseCoupons, { saleId }, z.object({ releaseCoupons: z.number().int() }));
      return r.ok ? { ok: true, value: r.value.releaseCoupons } : r;
    },
    async memberTimeline(memberId) {
      const r = await call(operations.memberTimeline, { memberId }, timelineReply);
      return r.ok ? { ok: true, value: r.value.memberTimeline } : r;
    },
    async claimPoints(input) {
      const r = await call(operations.claimPoints, { input }, claimReply);
      return r.ok ? { ok: true, value: r.value.claimPoints } : r;
    },
  };
}

export function pullMembers(client: LoyaltyClient, sink: StreamSinkPort<MemberStreamItem>, options?: PullOptions): Promise<PullSummary> {
  return pullStream('member', (after, first) => client.memberChanges(after, first), sink, options);
}

export function pullCoupons(client: LoyaltyClient, sink: StreamSinkPort<CouponStreamItem>, options?: PullOptions): Promise<PullSummary> {
  return pullStream('coupon', (after, first) => client.couponChanges(after, first), sink, options);
}
