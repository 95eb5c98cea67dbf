/**
 * The pickup desk's part of the contract (spread into contract.ts): online orders of this store,
 * picked with the scanner, staged, handed out against the order QR or number + phone digits.
 */
import { z } from 'zod';

const empty = z.object({}).strict();
const minor = z.number().int();
const orderNumber = z.string().trim().regex(/^\d{6,20}$/, 'an order number is 6 to 20 digits');
const barcode = z.string().trim().regex(/^\d{1,14}$/, 'a product barcode is up to 14 digits');

export const deskStates = ['to_pick', 'picking', 'to_collect', 'to_put_back', 'handed_out', 'cancelled'] as const;

export const pickupOrderView = z.object({
  number: z.string(),
  state: z.enum(['PLACED', 'PICKING', 'READY', 'COLLECTED', 'DELIVERED', 'CANCELLED']),
  desk: z.enum(deskStates),
  /** Masked by the centre (김*수) and the phone's last four digits: all the desk needs. */
  customerName: z.string(),
  phoneLast4: z.string(),
  placedAt: z.string(),
  dueAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  stagingLocation: z.string().nullable(),
  total: minor,
  currency: z.string(),
  itemCount: z.number().int(),
  /** Set by the centre (double_handout, ...). */
  flag: z.string().nullable(),
  /** This till changed the order and the centre has not answered yet. */
  syncing: z.boolean(),
  /** The claim version this till last heard from the centre (a hand-out claims it). */
  version: z.number().int(),
});

export const pickupLineView = z.object({
  lineId: z.string(),
  barcode: z.string(),
  name: z.record(z.string(), z.string()),
  unitPrice: minor,
  quantity: z.number().int(),
  /** Picked so far (while picking) or as picked. */
  picked: z.number().int(),
  substitute: z.object({ barcode: z.string(), name: z.string(), quantity: z.number().int() }).nullable(),
  /** What there is to hand out: picked plus substitute. */
  available: z.number().int(),
  handedOut: z.number().int().nullable(),
  refused: z.number().int().nullable(),
});

export const pickupOrderDetail = pickupOrderView.extend({
  lines: z.array(pickupLineView),
  /** Picking has started on this till and is not finished. */
  picking: z.boolean(),
  payment: z.object({ method: z.string(), amount: minor }),
  cancelReason: z.string().nullable(),
});

export const pickupScanView = z.object({
  /** order: an order QR was read (number says which); picked: a line counted; refused: see message. */
  outcome: z.enum(['order', 'picked', 'refused']),
  number: z.string().nullable(),
  lineId: z.string().nullable(),
  code: z.string().nullable(),
  message: z.string().nullable(),
  /** The order QR as read (outcome order): the customer's proof for the hand-out. */
  qr: z.string().nullable(),
});

const proof = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('qr'), text: z.string().trim().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('number_phone'), number: orderNumber, phoneLast4: z.string().regex(/^\d{4}$/, 'the last four digits of the phone') }).strict(),
]);

export const pickupMethods = {
  /** The desk's orders by state, with counts, and whether a hand-out can happen offline here. */
  'pickup.list': {
    input: empty,
    output: z.object({
      orders: z.array(pickupOrderView),
      counts: z.record(z.enum(deskStates), z.number().int()),
      offlineHandoutAllowed: z.boolean(),
    }),
  },
  'pickup.order': { input: z.object({ number: orderNumber }).strict(), output: pickupOrderDetail },
  /** The pickup screen is showing: the till's scanner feeds the desk instead of the lane's basket. */
  'pickup.attach': { input: z.object({ active: z.boolean() }).strict(), output: z.object({}) },
  /** A scan at the desk: an order QR opens the order; while picking, a product counts on its line. Also sent as a pickup.scanned event. */
  'pickup.scan': { input: z.object({ code: z.string().trim().min(1).max(256), source: z.enum(['wedge', 'manual']) }).strict(), output: pickupScanView },
  'pickup.startPicking': { input: z.object({ number: orderNumber }).strict(), output: pickupOrderDetail },
  /** One unit of another product for a short line. */
  'pickup.substitute': { input: z.object({ number: orderNumber, lineId: z.string().min(1), barcode }).strict(), output: pickupOrderDetail },
  /** Takes back the last unit counted on a line. */
  'pickup.unpick': { input: z.object({ number: orderNumber, lineId: z.string().min(1) }).strict(), output: pickupOrderDetail },
  /** Picking done: staged at a location; the centre notifies the customer. */
  'pickup.ready': {
    input: z.object({ number: orderNumber, stagingLocation: z.string().trim().regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u, 'a staging location: letters, digits, - and _, up to 40') }).strict(),
    output: pickupOrderDetail,
  },
  /** Finds an order for hand-out by the customer's proof (the QR, or the number and the phone's last four digits). */
  'pickup.find': { input: z.object({ proof }).strict(), output: pickupOrderDetail },
  /** Hands the order out (a claim through the centre; offline as the store's policy says), prints the pickup receipt. */
  'pickup.handOut': {
    input: z
      .object({
        number: orderNumber,
        proof,
        refusals: z.array(z.object({ lineId: z.string().min(1), refused: z.number().int().min(1).max(10_000), reason: z.string().trim().max(100).nullable() }).strict()).max(100),
      })
      .strict(),
    output: z.object({
      order: pickupOrderDetail,
      mode: z.enum(['online', 'offline']),
      refunded: minor,
      receipt: z.object({ printed: z.boolean(), error: z.string().optional() }),
    }),
  },
  /** A no-show past its deadline, or a picked order the web shop cancelled: its goods are back on the shelf. */
  'pickup.putBack': { input: z.object({ number: orderNumber }).strict(), output: pickupOrderDetail },
} as const;

export const pickupEvents = {
  /** A new pickup order reached this till (within seconds of being placed: the centre pokes). */
  'pickup.orderArrived': z.object({ number: z.string(), customerName: z.string(), dueAt: z.string().nullable() }),
  /** Orders changed (stream, or this till): the desk reloads its list. */
  'pickup.ordersChanged': z.object({}),
  'pickup.scanned': pickupScanView,
} as const;

export type PickupOrderView = z.output<typeof pickupOrderView>;
export type PickupOrderDetail = z.output<typeof pickupOrderDetail>;
export type PickupScanView = z.output<typeof pickupScanView>;
