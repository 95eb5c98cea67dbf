/**
 * The self-checkout kiosk's and the price checker's part of the contract (spread into contract.ts):
 * a customer never calls the lane's staff methods; the kiosk service decides what needs staff.
 */
import { z } from 'zod';

const empty = z.object({}).strict();
const pin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');
const minor = z.number().int();

export const interventionReasons = ['age', 'removal', 'payment_failed', 'too_many_items', 'help', 'abandoned_payment', 'pickup'] as const;

export const kioskView = z.object({
  phase: z.enum(['attract', 'scanning', 'paying', 'receipt']),
  language: z.string(),
  /** Staff calls still open, oldest first. */
  interventions: z.array(z.object({ id: z.string(), reason: z.enum(interventionReasons), lineId: z.string().nullable(), raisedAt: z.string() })),
  payment: z.enum(['none', 'in_flight', 'declined']),
  /** Why the last card was not taken (the terminal's words), while payment is 'declined'. */
  paymentError: z.string().nullable(),
  idleWarning: z.boolean(),
  /** When the kiosk goes back to the attract screen if nobody touches it (null when it will not). */
  idleResetAt: z.string().nullable(),
  completed: z
    .object({ saleId: z.string(), receiptNumber: z.string(), total: minor, currency: z.string() })
    .nullable(),
  receipt: z
    .object({ choice: z.enum(['print', 'digital', 'none']), url: z.string().nullable(), printed: z.boolean(), error: z.string().nullable() })
    .nullable(),
  cashAllowed: z.boolean(),
  languages: z.array(z.string()),
  /** An online order whose QR the customer scanned: staff are called to bring it; waitAt says where to wait. */
  pickup: z
    .object({ number: z.string(), customerName: z.string(), itemCount: z.number().int(), ready: z.boolean(), waitAt: z.record(z.string(), z.string()) })
    .nullable(),
});

export const priceCheckView = z.object({
  barcode: z.string(),
  name: z.record(z.string(), z.string()),
  price: minor,
  currency: z.string(),
  taxFree: z.boolean(),
  promotions: z.array(z.object({ name: z.record(z.string(), z.string()), memberOnly: z.boolean(), endsAt: z.string().nullable() })),
  /** Stock here and nearby, and recommendations, come with the omnichannel work: null until then. */
  stock: z.null(),
  recommendations: z.null(),
});

export const kioskEventView = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  interventionId: z.string().nullable(),
  reason: z.string().nullable(),
  saleId: z.string().nullable(),
  lineId: z.string().nullable(),
  staffId: z.string().nullable(),
  detail: z.string().nullable(),
});

/** The store's kiosks' open staff calls, on a staff till; checkedAt: when the central API last answered. */
export const staffCallsView = z.object({
  calls: z.array(z.object({ id: z.string(), tillId: z.string(), tillNumber: z.string(), reason: z.string(), raisedAt: z.string() })),
  checkedAt: z.string().nullable(),
});

export const kioskMethods = {
  'kiosk.status': { input: empty, output: kioskView },
  /** The customer touched "start" (or chose a language). */
  'kiosk.start': { input: z.object({ language: z.string().regex(/^[a-z]{2}$/) }).strict(), output: kioskView },
  'kiosk.scan': { input: z.object({ code: z.string().min(1).max(256), source: z.enum(['camera', 'wedge', 'manual']) }).strict(), output: kioskView },
  /** Removes a line, or calls staff when the removal needs them. */
  'kiosk.remove': { input: z.object({ lineId: z.string().min(1) }).strict(), output: kioskView },
  'kiosk.pay': { input: empty, output: kioskView },
  /** Back to the basket from a declined card. */
  'kiosk.back': { input: empty, output: kioskView },
  'kiosk.callStaff': { input: z.object({ reason: z.enum(['help', 'payment_failed']) }).strict(), output: kioskView },
  /** A staff member answers a call with their PIN: approve (sell, remove, carry on) or refuse. */
  'kiosk.approve': { input: z.object({ interventionId: z.string().min(1), pin, approved: z.boolean() }).strict(), output: kioskView },
  'kiosk.receipt': { input: z.object({ choice: z.enum(['print', 'digital', 'none']) }).strict(), output: kioskView },
  /** The customer is done: back to the attract screen. */
  'kiosk.finish': { input: empty, output: kioskView },
  /** The customer touched the screen (throttled by the renderer): resets the idle timer. */
  'kiosk.touch': { input: empty, output: z.object({}) },
  /** Staff leave kiosk mode with a supervisor's or manager's PIN. */
  'kiosk.exit': { input: z.object({ pin }).strict(), output: z.object({ staffId: z.string() }) },
  'kiosk.priceCheck': { input: z.object({ code: z.string().min(1).max(256) }).strict(), output: priceCheckView },
  /** The kiosk's record of staff calls and answers, newest first. */
  'kiosk.events': { input: z.object({ limit: z.number().int().min(1).max(500) }).strict(), output: z.array(kioskEventView) },
  /** The picture grid: items customers often cannot scan (fruit, vegetables, bakery). */
  'kiosk.looseItems': {
    input: empty,
    output: z.array(z.object({ productId: z.string(), barcode: z.string(), name: z.record(z.string(), z.string()), price: minor, currency: z.string(), category: z.string() })),
  },
  /** Adds a picture-grid item, `quantity` of it. */
  'kiosk.addItem': { input: z.object({ productId: z.string().min(1).max(64), quantity: z.number().int().min(1).max(20) }).strict(), output: kioskView },
  /** On a staff till: which kiosks are calling for staff now. */
  'kiosk.staffCalls': { input: empty, output: staffCallsView },
} as const;

export const kioskEvents = {
  'kiosk.session': kioskView,
  'kiosk.staffCalls': staffCallsView,
  /** A price checker's device scanner read a code (a price checker rings no sale). */
  'kiosk.scanned': z.object({ code: z.string() }),
} as const;

export type KioskView = z.output<typeof kioskView>;
export type PriceCheckView = z.output<typeof priceCheckView>;
export type StaffCallsView = z.output<typeof staffCallsView>;
