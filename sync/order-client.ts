import { z } from 'zod';
import type { StoreOrder } from '../main/core/pickup/store-order.ts';
import type { PickupHandoutPayload } from '../main/core/pickup/order-mutation.ts';
import { type CentralCall, type CentralResult, type Page, lenientPage } from './central-client.ts';
import { operations } from './operations.ts';
import { type PullOptions, type PullSummary, pullStream } from './stream-puller.ts';
import type { StreamSinkPort } from './ports.ts';

/** The pickup desk's calls to the central API: the order stream, and the online hand-out claim. */

const isoInstant = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), 'an ISO 8601 instant');
const count = z.number().int().nonnegative();
const money = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const onlineOrder = z
  .object({
    id: z.string().min(1),
    number: z.string().regex(/^\d{6,20}$/),
    fulfilment: z.enum(['PICKUP', 'DELIVERY']),
    channel: z.string(),
    state: z.enum(['PLACED', 'PICKING', 'READY', 'COLLECTED', 'DELIVERED', 'CANCELLED']),
    customerName: z.string().max(50),
    phoneLast4: z.string().regex(/^\d{4}$/),
    placedAt: isoInstant,
    dueAt: isoInstant.nullish(),
    deadlineAt: isoInstant.nullish(),
    stagingLocation: z.string().nullish(),
    version: z.number().int().positive(),
    pickupCode: z.string().regex(/^[A-Z2-9]{6}$/),
    currency: z.string().regex(/^[A-Z]{3}$/),
    total: money,
    payment: z.object({ method: z.string(), reference: z.string(), amount: money }),
    cancelReason: z.string().nullish(),
    putBackAt: isoInstant.nullish(),
    flag: z.string().nullish(),
    refunds: z.array(z.object({ lineId: z.string().nullish(), amount: money, reason: z.string(), at: z.string() })),
    lines: z.array(
      z.object({
        lineId: z.string().min(1),
        productId: z.string().min(1),
        barcode: z.string().regex(/^\d{1,14}$/),
        nameKo: z.string(),
        nameEn: z.string().nullish(),
        unitPrice: money,
        quantity: z.number().int().positive(),
        taxClass: z.string().min(1),
        pickedQuantity: count.nullish(),
        substituteBarcode: z.string().nullish(),
        substituteProductId: z.string().nullish(),
        substituteNameKo: z.string().nullish(),
        substituteQuantity: count.nullish(),
        handedOutQuantity: count.nullish(),
        refusedQuantity: count.nullish(),
      }),
    ).min(1),
  })
  .transform((o): StoreOrder => ({
    id: o.id, number: o.number, fulfilment: o.fulfilment, channel: o.channel, state: o.state, customerName: o.customerName,
    phoneLast4: o.phoneLast4, placedAt: o.placedAt, dueAt: o.dueAt ?? null, deadlineAt: o.deadlineAt ?? null,
    stagingLocation: o.stagingLocation ?? null, version: o.version, pickupCode: o.pickupCode, currency: o.currency, total: o.total,
    payment: o.payment, cancelReason: o.cancelReason ?? null, putBackAt: o.putBackAt ?? null, flag: o.flag ?? null,
    refunds: o.refunds.map((r) => ({ lineId: r.lineId ?? null, amount: r.amount, reason: r.reason, at: r.at })),
    lines: o.lines.map((l) => ({
      lineId: l.lineId, productId: l.productId, barcode: l.barcode, name: l.nameEn ? { ko: l.nameKo, en: l.nameEn } : ({ ko: l.nameKo } as Record<string, string>),
      unitPrice: l.unitPrice, quantity: l.quantity, taxClass: l.taxClass, pickedQuantity: l.pickedQuantity ?? null,
      substitute: l.substituteBarcode && l.substituteQuantity
        ? { barcode: l.substituteBarcode, productId: l.substituteProductId ?? null, name: l.substituteNameKo ?? null, quantity: l.substituteQuantity }
        : null,
      handedOutQuantity: l.handedOutQuantity ?? null, refusedQuantity: l.refusedQuantity ?? null,
    })),
  }));

// Lenient: a malformed order is skipped and reported; the store's other orders still arrive.
const orderReply = z.object({ orderChanges: lenientPage(onlineOrder) });
const claimReply = z.object({
  claimPickupHandout: z.object({
    status: z.enum(['CLAIMED', 'REFUSED']),
    code: z.string().nullish(),
    message: z.string().nullish(),
    order: onlineOrder.nullish(),
  }),
});

export interface PickupClaimAnswer {
  readonly status: 'CLAIMED' | 'REFUSED';
  readonly code: string | null;
  readonly message: string | null;
  readonly order: StoreOrder | null;
}

export interface OrderApi {
  orderChanges(after: string | null, first: number): Promise<CentralResult<Page<StoreOrder>>>;
  /** Safe to send again: the centre answers a handoutId it has seen as it did the first time. */
  claimPickupHandout(input: PickupHandoutPayload): Promise<CentralResult<PickupClaimAnswer>>;
}

export function createOrderClient(call: CentralCall): OrderApi {
  return {
    async orderChanges(after, first) {
      const r = await call(operations.orderChanges, { after, first }, orderReply);
      return r.ok ? { ok: true, value: r.value.orderChanges } : r;
    },
    async claimPickupHandout(input) {
      const r = await call(operations.claimPickupHandout, { input: { ...input, lines: input.lines.map((l) => ({ ...l })) } }, claimReply);
      if (!r.ok) return r;
      const c = r.value.claimPickupHandout;
      return { ok: true, value: { status: c.status, code: c.code ?? null, message: c.message ?? null, order: c.order ?? null } };
    },
  };
}

export const ORDER_STREAM = 'order';

export function pullOrders(client: OrderApi, sink: StreamSinkPort<StoreOrder>, options?: PullOptions): Promise<PullSummary> {
  return pullStream(ORDER_STREAM, (after, first) => client.orderChanges(after, first), sink, options);
}
