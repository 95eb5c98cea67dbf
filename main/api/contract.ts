/**
 * The one contract between the renderer and the host: method -> input schema -> output schema,
 * plus the events the host pushes. Every input is validated at the host boundary; replies are
 * values ({ok:true,value} | {ok:false,error}), and no stack crosses to the renderer.
 */
import { z } from 'zod';
import { kioskEvents, kioskMethods } from './kiosk-contract.ts';
import { pickupEvents, pickupMethods } from './pickup-contract.ts';
import { laneScreenEvents, laneScreenMethods } from './lane-screen-contract.ts';
import { devicesMethods } from './devices-contract.ts';
import { tenderMethods } from './tender-contract.ts';
import { saleChangesEvents, saleChangesMethods } from './sale-changes-contract.ts';

const localizedText = z.record(z.string(), z.string());
const minor = z.number().int();

export const staffView = z.object({ id: z.string(), name: z.string(), role: z.string() });

export const saleLineView = z.object({
  lineId: z.string(),
  barcode: z.string(),
  name: localizedText,
  unitPrice: minor,
  quantity: z.number().int(),
  amount: minor,
  taxFree: z.boolean(),
  voided: z.boolean(),
  /** Promotions and manual discounts on this line (0 when none). */
  discount: minor,
  /** Age-restricted lines wait for the cashier's confirmation before any tender. */
  ageCheck: z.enum(['none', 'pending', 'confirmed']),
  /** The shelf price when the price was overridden, else null. */
  originalPrice: minor.nullable(),
  /** Paid here, ordered for later (save the sale): where it goes. Absent for an ordinary line. */
  ordered: z.object({ kind: z.enum(['pickup', 'delivery']), storeName: z.string().nullable() }).optional(),
});

export const tenderView = z.object({
  kind: z.enum(['cash', 'card', 'points', 'giftCard', 'storeCredit', 'mobile']),
  amount: minor,
  /** Card: scheme and masked PAN, e.g. "VISA ****1234"; gift card: ****1234; mobile: "KAKAOPAY ****3456". */
  detail: z.string().optional(),
  /** Gift card or store credit: what the centre said is left on it. */
  balanceAfter: minor.optional(),
  /** Card: 0 일시불, 2-12 months (할부). */
  instalmentMonths: z.number().int().optional(),
  /** Card or mobile: the approval number. */
  approvalCode: z.string().optional(),
});

/** A member on a sale: only masked data (010-****-1234, 김*지). */
export const memberOnSaleView = z.object({
  id: z.string(),
  maskedName: z.string(),
  maskedPhone: z.string(),
  tier: z.string(),
  /** Points the member can still use on this sale (the balance less what the sale already redeemed). */
  pointsAvailable: z.number().int(),
  pointsRedeemed: z.number().int(),
  coupons: z.array(z.object({ id: z.string(), name: localizedText, applied: z.boolean() })),
});

/** A member found by lookup: masked, with the points the till knows. */
export const memberHitView = z.object({ id: z.string(), maskedName: z.string(), maskedPhone: z.string(), tier: z.string(), pointsBalance: z.number().int() });

/** What the cashier sees of a member online, so the customer need not repeat themselves. */
export const memberTimelineView = z.object({
  purchases: z.array(z.object({ saleId: z.string(), receiptNumber: z.string(), storeName: z.string(), completedAt: z.string(), total: minor })),
  recommendations: z.array(z.object({ barcode: z.string(), name: localizedText, bought: z.number().int() })),
  openRequests: z.array(z.object({ kind: z.string(), requestedAt: z.string() })),
});

export const saleView = z.object({
  id: z.string(),
  currency: z.string(),
  lines: z.array(saleLineView),
  totals: z.object({
    total: minor,
    itemCount: z.number().int(),
    taxableSupply: minor,
    tax: minor,
    taxFree: minor,
    /** Every saving together; total = the lines' amounts - discount. */
    discount: minor,
  }),
  /** Each saving as the receipt shows it: "2+1 라면 -1,100". */
  savings: z.array(z.object({ label: localizedText, amount: minor })),
  /** True while an age-restricted line waits for confirmation (the UI asks at once). */
  ageCheckPending: z.boolean(),
  /** The cash receipt asked for, masked (010-****-5678); absent when none. */
  cashReceipt: z.object({ purpose: z.enum(['deduction', 'expense']), masked: z.string() }).optional(),
  payment: z.object({ paid: minor, due: minor, change: minor }),
  tenders: z.array(tenderView),
  /** The member identified for this sale, masked (loyalty); null when none. */
  member: memberOnSaleView.nullable().optional(),
  /** Coupons scanned by barcode and what each saves now (0: on the sale, nothing to take off yet). */
  coupons: z.array(z.object({ code: z.string(), name: localizedText, singleUse: z.boolean(), saved: minor })).optional(),
  /** The customer's receipt language (Alt+L); absent: the store's (Korean). */
  receiptLanguage: z.enum(['ko', 'en']).optional(),
});

export const completedSaleView = z.object({
  saleId: z.string(),
  receiptNumber: z.string(),
  total: minor,
  change: minor,
  tenders: z.array(tenderView),
  /** A member's sale: points earned and used, and the balance as the till reckons it. */
  loyalty: z.object({ pointsEarned: z.number().int(), pointsRedeemed: z.number().int(), balanceAfter: z.number().int() }).optional(),
  receipt: z.object({ printed: z.boolean(), error: z.string().optional() }),
});

export const deviceStatusView = z.object({
  device: z.enum(['scanner', 'printer', 'payment', 'drawer', 'display']),
  name: z.string(),
  state: z.enum(['online', 'offline', 'error', 'disabled']),
  /** Why, for the UI to translate: paper_out, cover_open, paper_near_end, drawer_open, disconnected, ... */
  code: z.string().optional(),
  detail: z.string().optional(),
});

export const syncStatusView = z.object({
  online: z.boolean(),
  queued: z.number().int(),
  oldestQueuedAt: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  quarantined: z.number().int(),
  lastError: z.string().nullable(),
  /** Since when `online` has been what it is; null before the first round. */
  since: z.string().nullable(),
  /** closed: syncing; open: the central API is not called until nextAttemptAt (a dead server is not hammered); half-open: probing. */
  circuit: z.enum(['closed', 'open', 'half-open']),
  nextAttemptAt: z.string().nullable(),
  /** Age of the oldest queued mutation in whole seconds when the status was made; null when nothing is queued. */
  oldestQueuedAgeS: z.number().int().nullable(),
  /** Stream items the till left out as malformed (newest first, a few): the rest of their pages applied. */
  skipped: z.array(z.object({ stream: z.string(), id: z.string().nullable(), reason: z.string(), at: z.string() })).optional(),
});

/** A mutation the central API rejected: kept on the till, out of the queue, for a manager to read. */
export const quarantinedMutationView = z.object({
  sequence: z.number().int(),
  mutationId: z.string(),
  kind: z.string(),
  occurredAt: z.string(),
  receiptNumber: z.string().nullable(),
  total: minor.nullable(),
  code: z.string().nullable(),
  message: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  attempts: z.number().int(),
});

export const tillStatusView = z.object({
  store: z.object({ name: z.string(), code: z.string(), tillNumber: z.string(), currency: z.string(), locale: z.string(), timeZone: z.string() }),
  /** The till's configured role; the renderer opens that role's screens. */
  role: z.enum(['lane', 'kiosk', 'pickup', 'price-checker']),
  /** How this till's keyboard-wedge scanner types (configuration: scanners differ, and so do loaded machines). */
  wedge: z.object({ interKeyMs: z.number().int().positive(), prefix: z.string(), suffix: z.union([z.enum(['enter', 'tab', 'none']), z.object({ chars: z.string() })]).optional() }),
  staff: staffView.nullable(),
  sale: saleView.nullable(),
  lastCompleted: completedSaleView.nullable(),
  devices: z.array(deviceStatusView),
  sync: syncStatusView,
});

export const journalEntryView = z.object({
  saleId: z.string(),
  receiptNumber: z.string(),
  completedAt: z.string(),
  total: minor,
  synced: z.boolean(),
});

const empty = z.object({}).strict();

/** A sale found in the electronic journal. */
export const journalHitView = z.object({
  saleId: z.string(),
  receiptNumber: z.string(),
  businessDay: z.string(),
  completedAt: z.string(),
  total: minor,
  currency: z.string(),
  /** "cash", or "card VISA ****1234". */
  tenders: z.array(z.string()),
});

/** The open shift at this till. The business day is fixed when the shift opens. */
export const shiftView = z.object({
  id: z.string(),
  staffId: z.string(),
  businessDay: z.string(),
  currency: z.string(),
  float: minor,
  openedAt: z.string(),
});

/** An X report (open shift), a shift's closing report (with its blind count) or a Z report (the business day). */
export const shiftReportView = z.object({
  kind: z.enum(['X', 'shift', 'Z']),
  businessDay: z.string(),
  currency: z.string(),
  shiftIds: z.array(z.string()),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  totals: z.object({
    float: minor,
    saleCount: z.number().int(),
    grossSales: minor,
    cashSales: minor,
    cardSales: minor,
    paidIn: minor,
    paidOut: minor,
    drops: minor,
    noSales: z.number().int(),
    /** The returns of the shift (their own journal entries): how many, all they gave back, and the cash of it. */
    returnCount: z.number().int(),
    refunds: minor,
    cashRefunds: minor,
    /** Post-voids, apart: how many, all they gave back, and the cash of it (out of the expected cash). */
    voidCount: z.number().int(),
    voids: minor,
    cashVoids: minor,
    expectedCash: minor,
  }),
  counted: minor.nullable(),
  /** Counted minus expected: positive over, negative short. */
  overShort: minor.nullable(),
  zNumber: z.number().int().nullable(),
  printed: z.object({ printed: z.boolean(), error: z.string().optional() }),
});

const cashReason = z.string().trim().min(1).max(100);

/** A product found by name search: enough to show it and ring it with sale.addProduct. */
export const productHitView = z.object({
  productId: z.string(),
  barcode: z.string(),
  name: localizedText,
  price: minor,
  currency: z.string(),
  taxFree: z.boolean(),
});

/** One store's stock of a product (asked of the central API, online only). */
export const stockLevelView = z.object({ storeId: z.string(), storeName: z.string(), onHand: z.number().int(), location: z.string().nullable(), distanceKm: z.number() });
export const stockLookupView = z.object({
  barcode: z.string(),
  /** As this till's catalog names it; null when the till does not know the barcode. */
  name: localizedText.nullable(),
  here: stockLevelView.nullable(),
  /** Other stores nearby that hold some, nearest first. */
  nearby: z.array(stockLevelView),
});

/** A line of a sale found for a return: what is still returnable and what one more unit refunds. */
export const returnLineView = z.object({
  lineId: z.string(),
  barcode: z.string(),
  name: localizedText,
  unitPrice: minor,
  sold: z.number().int(),
  returned: z.number().int(),
  returnable: z.number().int(),
  unitRefund: minor,
  /** Why the policy refuses it unopened today (a supervisor may approve), or null. */
  policy: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const returnOriginalView = z.object({
  saleId: z.string(),
  receiptNumber: z.string(),
  soldAt: z.string(),
  /** till: this till's journal; central: another till's sale, through the central API; order: an online order. */
  source: z.enum(['till', 'central', 'order']),
  currency: z.string(),
  lines: z.array(returnLineView),
  tenders: z.array(z.object({ kind: z.string(), amount: minor, detail: z.string().optional() })),
});

export const returnDoneView = z.object({
  returnId: z.string(),
  returnNumber: z.string(),
  refund: minor,
  currency: z.string(),
  tenders: z.array(z.object({ kind: z.string(), amount: minor, detail: z.string().optional() })),
  receipt: z.object({ printed: z.boolean(), error: z.string().optional() }),
});

const itemCondition = z.enum(['unopened', 'opened', 'faulty']);
const disposition = z.enum(['restock', 'damaged']);
const supervisorPin = z.string().regex(/^\d{4,8}$/).optional();

export const methods = {
  'till.status': { input: empty, output: tillStatusView },
  'session.signIn': { input: z.object({ pin: z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits') }).strict(), output: staffView },
  /** With sales not yet synced, signing out needs a supervisor's PIN (else unsynced_sales). */
  'session.signOut': { input: z.object({ supervisorPin: z.string().regex(/^\d{4,8}$/).optional() }).strict(), output: z.object({}) },
  'sale.scan': {
    input: z.object({ code: z.string().min(1).max(256), source: z.enum(['wedge', 'manual']) }).strict(),
    output: saleView,
  },
  'sale.voidLine': { input: z.object({ lineId: z.string().min(1) }).strict(), output: saleView },
  'sale.setQuantity': { input: z.object({ lineId: z.string().min(1), quantity: z.number().int() }).strict(), output: saleView },
  'sale.payCash': {
    input: z.object({ received: z.number().int().positive() }).strict(),
    output: z.object({ sale: saleView.nullable(), completed: completedSaleView.nullable() }),
  },
  'sale.payCard': {
    /** 할부: 0 (일시불, the default) or 2-12 months, from the store's minimum (tender.cardOptions). */
    input: z.object({ instalmentMonths: z.number().int().min(0).max(12).optional() }).strict(),
    output: z.object({ sale: saleView.nullable(), completed: completedSaleView.nullable() }),
  },
  'sale.discount': {
    input: z
      .object({
        scope: z.enum(['line', 'basket']),
        lineId: z.string().min(1).optional(),
        kind: z.enum(['percent', 'amount']),
        /** Basis points for percent (1000 = 10%), minor units for amount. */
        value: z.number().int().positive(),
        supervisorPin: z.string().regex(/^\d{4,8}$/).optional(),
      })
      .strict()
      .refine((d) => d.scope === 'basket' || d.lineId !== undefined, 'a line discount names its line')
      .refine((d) => d.kind !== 'percent' || d.value <= 10000, 'a percent is at most 10000 basis points'),
    output: saleView,
  },
  'sale.overridePrice': {
    input: z
      .object({
        lineId: z.string().min(1),
        price: z.number().int().min(0),
        reason: z.string().trim().min(1).max(100),
        supervisorPin: z.string().regex(/^\d{4,8}$/).optional(),
      })
      .strict(),
    output: saleView,
  },
  'sale.confirmAge': { input: z.object({ approved: z.boolean() }).strict(), output: saleView },
  'sale.suspend': { input: empty, output: z.object({ saleId: z.string() }) },
  'sale.suspended': {
    input: empty,
    output: z.array(z.object({ saleId: z.string(), staffId: z.string(), suspendedAt: z.string(), total: minor, itemCount: z.number().int() })),
  },
  'sale.resume': { input: z.object({ saleId: z.string().min(1) }).strict(), output: saleView },
  'sale.cancel': { input: empty, output: z.object({}) },
  /** Takes a scanned coupon off the sale (before any tender). */
  'sale.removeCoupon': { input: z.object({ code: z.string().min(1).max(64) }).strict(), output: saleView },
  /** Name search: Korean substring (2+ syllables), initial consonants (ㅅㄹㅁ) or English. */
  'catalog.search': {
    input: z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50) }).strict(),
    output: z.array(productHitView),
  },
  /** Rings a product picked from a search, exactly as if its barcode had been scanned. */
  'sale.addProduct': { input: z.object({ productId: z.string().min(1) }).strict(), output: saleView },
  'shift.current': { input: empty, output: shiftView.nullable() },
  'shift.open': { input: z.object({ float: z.number().int().min(0).max(100_000_000) }).strict(), output: shiftView },
  /** A cash drop (pick-up to the safe), a paid-in or a paid-out, with its reason. */
  'shift.cash': {
    input: z.object({ kind: z.enum(['drop', 'paidIn', 'paidOut']), amount: z.number().int().positive().max(100_000_000), reason: cashReason }).strict(),
    output: z.object({ id: z.string() }),
  },
  /** Opens the drawer without a sale, recording why. */
  'shift.noSale': { input: z.object({ reason: cashReason }).strict(), output: z.object({ id: z.string() }) },
  /** Closes the open shift with a blind count by denomination ({"50000": 2, "1000": 7, ...}); prints its report. */
  'shift.close': {
    input: z.object({ counts: z.record(z.string().regex(/^\d+$/), z.number().int().min(0).max(100_000)) }).strict(),
    output: shiftReportView,
  },
  /** Mid-shift report of the open shift, printed. */
  'report.x': { input: empty, output: shiftReportView },
  /** Closes the business day of the last closed shift (once per day), printed. */
  'report.z': { input: z.object({ supervisorPin: z.string().regex(/^\d{4,8}$/).optional() }).strict(), output: shiftReportView },
  /** Electronic journal search; every criterion is optional and they combine. */
  'journal.search': {
    input: z
      .object({
        receiptNumber: z.string().trim().regex(/^[\d-]{1,20}$/).optional(),
        businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
        amount: z.number().int().min(0).optional(),
        cardLastFour: z.string().regex(/^\d{4}$/).optional(),
        limit: z.number().int().min(1).max(200),
      })
      .strict(),
    output: z.array(journalHitView),
  },
  /** A sale's receipt as a PNG (base64), drawn as it prints: the on-screen preview and digital receipts. */
  'journal.receiptImage': {
    input: z.object({ saleId: z.string().min(1) }).strict(),
    output: z.object({ png: z.string(), width: z.number().int().positive(), height: z.number().int().positive() }),
  },
  /** Reprints a sale's receipt marked as a copy, or prints a gift receipt (no prices). */
  'journal.reprint': {
    input: z.object({ saleId: z.string().min(1), gift: z.boolean() }).strict(),
    output: z.object({ printed: z.boolean(), error: z.string().optional() }),
  },
  'journal.recent': { input: z.object({ limit: z.number().int().min(1).max(200) }).strict(), output: z.array(journalEntryView) },
  /** Back office: push and pull now, even while the circuit is open. Answers the status as it is; the round follows as `sync` events. */
  'sync.now': { input: empty, output: syncStatusView },
  /** Back office: the rejected mutations, newest first. */
  'sync.quarantine': { input: z.object({ limit: z.number().int().min(1).max(500) }).strict(), output: z.array(quarantinedMutationView) },
  /** Finds what to return: a receipt number (the receipt's barcode; this till's journal, else the store's through the central API), or an online order's number or QR. */
  'return.find': { input: z.object({ code: z.string().trim().min(1).max(64) }).strict(), output: returnOriginalView },
  /** Takes items of a found sale back, refunded to its original tenders (card on the terminal, cash from the drawer). */
  'return.commit': {
    input: z
      .object({
        saleId: z.string().min(1),
        lines: z.array(z.object({ lineId: z.string().min(1), quantity: z.number().int().min(1).max(999), condition: itemCondition, disposition }).strict()).min(1).max(200),
        supervisorPin,
      })
      .strict(),
    output: returnDoneView,
  },
  /** Prints a return's receipt again, marked as a copy. */
  'return.reprint': { input: z.object({ returnId: z.string().min(1) }).strict(), output: z.object({ printed: z.boolean(), error: z.string().optional() }) },
  /** A return without a receipt: a supervisor's PIN, the lowest price of the last N days, refunded in cash. */
  'return.receiptless': {
    input: z
      .object({ barcode: z.string().regex(/^\d{1,14}$/), quantity: z.number().int().min(1).max(99), condition: itemCondition, disposition, supervisorPin })
      .strict(),
    output: returnDoneView,
  },
  /** Save the sale: a line paid here is ordered for pickup at another store or for delivery (before any tender). */
  'sale.orderForLater': {
    input: z
      .object({
        lineId: z.string().min(1),
        fulfilment: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('pickup'), storeId: z.string().min(1), storeName: z.string().min(1).max(60), customerName: z.string().trim().min(1).max(50), phone: z.string().max(20) }).strict(),
          z.object({ kind: z.literal('delivery'), customerName: z.string().trim().min(1).max(50), phone: z.string().max(20), address: z.string().trim().min(5).max(200) }).strict(),
        ]),
      })
      .strict(),
    output: saleView,
  },
  /** A cash receipt (현금영수증) for the sale's cash: deduction by phone or card, expense by business number; clear: true takes it back. */
  'sale.cashReceipt': {
    input: z.union([
      z.object({ purpose: z.enum(['deduction', 'expense']), idKind: z.enum(['phone', 'card', 'business']), identifier: z.string().min(1).max(30) }).strict(),
      z.object({ clear: z.literal(true) }).strict(),
    ]),
    output: saleView,
  },
  /** The ordered line is taken now after all: an ordinary line again. */
  'sale.takeNow': { input: z.object({ lineId: z.string().min(1) }).strict(), output: saleView },
  /** Stock here (with its shelf location) and in nearby stores, from the central API; offline: central_offline. */
  'stock.lookup': { input: z.object({ barcode: z.string().regex(/^\d{1,14}$/, 'a product barcode is up to 14 digits') }).strict(), output: stockLookupView },
  /** Receipts a printer fault left owed (the reprint queue), oldest first: sales' and returns' (saleId is then the return's id). */
  'receipts.queued': {
    input: empty,
    output: z.array(z.object({ kind: z.enum(['sale', 'return']), saleId: z.string(), receiptNumber: z.string(), reason: z.string(), queuedAt: z.string() })),
  },
  /** Prints the queued receipts, marked COPY, once the printer is back; stops at the first failure, which stays queued. */
  'receipts.reprintQueued': {
    input: empty,
    output: z.object({ printed: z.array(z.string()), remaining: z.number().int(), error: z.string().optional() }),
  },
  /** Members on the till (offline): by full mobile number, its last four digits (several, told apart by masked name) or the app's QR token. */
  'member.lookup': { input: z.object({ query: z.string().trim().min(1).max(128) }).strict(), output: z.array(memberHitView) },
  /** Identifies the member on the open sale (opening one if none); null forgets them. Member prices and coupons apply. */
  'member.attach': { input: z.object({ memberId: z.string().min(1).max(64).nullable() }).strict(), output: saleView },
  /** Enrols a customer at the counter: terms required, marketing a separate choice; queued for the centre (offline too). */
  'member.enrol': {
    input: z.object({ phone: z.string().trim().min(10).max(20), name: z.string().trim().min(1).max(40), termsAccepted: z.boolean(), marketing: z.boolean() }).strict(),
    output: memberHitView,
  },
  /** Online only: the member's latest purchases, open requests, and products from their history; offline: central_offline. */
  'member.timeline': { input: z.object({ memberId: z.string().min(1).max(64) }).strict(), output: memberTimelineView },
  /** A member asks to see or delete their data; sent to the centre (a deletion also leaves this till at once). */
  'member.dataRequest': {
    input: z.object({ memberId: z.string().min(1).max(64), kind: z.enum(['SEE', 'DELETE']) }).strict(),
    output: z.object({ requestId: z.string() }),
  },
  /** Points as a tender: online a claim at the centre; offline at most offline.pointsRedeemCap per sale. */
  'loyalty.redeem': {
    input: z.object({ points: z.number().int().positive().max(100_000_000) }).strict(),
    output: z.object({ sale: saleView.nullable(), completed: completedSaleView.nullable() }),
  },
  ...kioskMethods,
  ...pickupMethods,
  ...laneScreenMethods,
  ...devicesMethods,
  ...tenderMethods(z.object({ sale: saleView.nullable(), completed: completedSaleView.nullable() })),
  ...saleChangesMethods,
} as const;

export const events = {
  sale: saleView.nullable(),
  saleCompleted: completedSaleView,
  scanRejected: z.object({ code: z.string(), reason: z.string(), message: z.string() }),
  devices: z.array(deviceStatusView),
  sync: syncStatusView,
  ...kioskEvents,
  ...pickupEvents,
  ...laneScreenEvents,
  ...saleChangesEvents,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export type SaleView = z.output<typeof saleView>;
export type CompletedSaleView = z.output<typeof completedSaleView>;
export type TillStatusView = z.output<typeof tillStatusView>;
export type DeviceStatusView = z.output<typeof deviceStatusView>;
export type SyncStatusView = z.output<typeof syncStatusView>;
export type QuarantinedMutationView = z.output<typeof quarantinedMutationView>;
export type StaffView = z.output<typeof staffView>;
export type JournalHitView = z.output<typeof journalHitView>;
export type ShiftView = z.output<typeof shiftView>;
export type ShiftReportView = z.output<typeof shiftReportView>;
export type ProductHitView = z.output<typeof productHitView>;
export type ReturnOriginalView = z.output<typeof returnOriginalView>;
export type ReturnDoneView = z.output<typeof returnDoneView>;
export type MemberHitView = z.output<typeof memberHitView>;
export type MemberTimelineView = z.output<typeof memberTimelineView>;
export type StockLookupView = z.output<typeof stockLookupView>;

/** Error codes the renderer may see. Messages are for people; codes are for the UI to pick a string. */
export type ApiErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'not_signed_in'
  | 'pin_wrong'
  | 'barcode_invalid'
  | 'product_unknown'
  | 'no_open_sale'
  | 'sale_error'
  | 'payment_declined'
  | 'payment_failed'
  | 'approval_required'
  | 'approval_refused'
  | 'age_check_required'
  | 'sale_open'
  | 'sale_has_tenders'
  | 'shift_open'
  | 'no_shift'
  | 'shift_still_open'
  | 'day_closed'
  | 'invalid_count'
  | 'sale_unknown'
  | 'unsynced_sales'
  | 'internal'
  // save the sale (main/core/saved-sale.ts)
  | 'line_not_found'
  | 'line_weighed'
  | 'age_restricted_delivery'
  | 'own_store'
  | 'contact_invalid'
  | 'cash_receipt_invalid'
  // loyalty
  | 'query_invalid'
  | 'member_unknown'
  | 'no_member'
  | 'points_conflict'
  | 'points_refused'
  | 'redeem_invalid'
  | 'redeem_below_minimum'
  | 'redeem_over_balance'
  | 'redeem_over_due'
  | 'redeem_offline_cap'
  | 'enrol_phone'
  | 'enrol_name'
  | 'enrol_terms'
  | 'coupon_used'
  // coupons by barcode (main/core/coupons)
  | 'coupon_unknown'
  | 'coupon_expired'
  | 'coupon_not_started'
  | 'coupon_on_sale'
  // gift cards, store credit, mobile payments, instalments (main/core/tenders)
  | 'stored_value_number'
  | 'stored_value_amount'
  | 'stored_value_offline'
  | 'stored_value_unknown'
  | 'stored_value_currency'
  | 'stored_value_conflict'
  | 'stored_value_over_balance'
  | 'stored_value_over_due'
  | 'stored_value_refused'
  | 'mobile_barcode'
  | 'mobile_offline'
  | 'mobile_unknown'
  | 'instalment_invalid'
  | 'instalment_below_minimum'
  // training mode (main/core/training.ts)
  | 'training_unsupported';

export interface ApiError {
  readonly code: ApiErrorCode | string;
  readonly message: string;
}

export type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };
