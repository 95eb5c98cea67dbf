import type { CompletedSale } from '../main/core/sale.ts';
import type { Tender } from '../main/core/tender.ts';
import { type SavedOrder, savedOrders } from '../main/core/saved-sale.ts';
import type { OutboxEntry } from './ports.ts';
import { type OrderMutationFields, toOrderMutationFields } from './order-input.ts';
import type { MemberDataRequest, MemberEnrolment } from '../main/core/loyalty/member-mutation.ts';
import { type ReturnInput, toReturnInput } from './return-input.ts';
import type { SuspendedSalePayload, SuspendedSaleResumedPayload } from '../main/core/suspended-sale.ts';
import { type ShiftMutationFields, toShiftMutationFields } from './shift-input.ts';
import { type PostVoidInput, toPostVoidInput } from './post-void-input.ts';

/** The wire shape of a pushed sale (SaleInput in schema.graphql). No store or till id: the credential says. */
export interface SaleInput {
  readonly id: string;
  readonly receiptNumber: string;
  readonly sequence: number;
  readonly businessDay: string;
  readonly startedAt: string;
  readonly completedAt: string;
  readonly currency: string;
  readonly staffId: string;
  readonly lines: readonly {
    readonly lineId: string;
    readonly productId: string;
    readonly barcode: string;
    readonly nameKo: string;
    readonly nameEn: string | null;
    readonly unitPrice: number;
    readonly quantity: number;
    readonly taxClass: string;
    readonly voided: boolean;
    readonly discount: number;
    readonly weightGrams: number | null;
    readonly labelled: boolean;
  }[];
  readonly tenders: readonly {
    readonly id: string;
    readonly kind: 'CASH' | 'CARD' | 'POINTS' | 'GIFT_CARD' | 'STORE_CREDIT' | 'MOBILE';
    readonly amount: number;
    readonly card: { readonly scheme: string; readonly maskedPan: string; readonly approvalCode: string; readonly terminalRef: string; readonly instalmentMonths?: number } | null;
    /** A gift card or store credit: the account and the claim the centre settles with the sale. */
    readonly storedValue?: { readonly accountId: string; readonly claimId: string | null; readonly maskedNumber: string };
    /** A mobile payment: the approval the centre's PSP gave under the till's payment id. */
    readonly mobile?: { readonly paymentId: string; readonly provider: string; readonly maskedToken: string; readonly approvalCode: string };
    /** A points tender: the centre's claim it settles (null: redeemed offline, the ledger takes it on arrival). */
    readonly points?: { readonly memberId: string; readonly claimId: string | null } | null;
  }[];
  readonly totals: { readonly total: number; readonly itemCount: number; readonly taxableSupply: number; readonly tax: number; readonly taxFree: number };
  readonly change: number;
  /** A member's sale (loyalty): the centre's ledger takes the points once, with the sale. */
  readonly loyalty?: {
    readonly memberId: string;
    readonly pointsEarned: number;
    readonly pointsRedeemed: number;
    readonly couponIds: readonly string[];
  } | null;
  /** Save the sale: lines paid here that the centre turns into online orders (absent when none). */
  readonly savedOrders?: readonly SavedOrderInput[];
  /** Coupons scanned by barcode and what each saved: the centre records each redemption once (absent when none). */
  readonly coupons?: readonly { readonly code: string; readonly couponId: string; readonly singleUse: boolean; readonly saved: number }[];
  /** 현금영수증: the centre reports it to the tax service (absent when none was asked for). */
  readonly cashReceipt?: { readonly purpose: 'DEDUCTION' | 'EXPENSE'; readonly idKind: 'PHONE' | 'CARD' | 'BUSINESS'; readonly identifier: string; readonly amount: number };
}

/** SavedOrderInput in schema.graphql: one online order made of a sale's ordered lines. */
export interface SavedOrderInput {
  readonly orderNumber: string;
  readonly fulfilment: 'PICKUP' | 'DELIVERY';
  /** PICKUP: the store that hands it out. */
  readonly storeId: string | null;
  readonly customerName: string;
  readonly phone: string;
  readonly address: string | null;
  readonly lineIds: readonly string[];
}

/** A push mutation; the pickup desk's kinds carry their OrderMutationFields, the drawer's their ShiftMutationFields (absent otherwise). */
export interface MutationInput extends OrderMutationFields, ShiftMutationFields {
  readonly id: string;
  readonly sequence: number;
  readonly kind: OutboxEntry['kind'];
  readonly occurredAt: string;
  readonly sale: SaleInput | null;
  /** Only on a RETURN (absent otherwise, so a server without returns still takes sales). */
  readonly saleReturn?: ReturnInput;
  /** Only on MEMBER_ENROLL / MEMBER_DATA_REQUEST (main/core/loyalty/member-mutation.ts). */
  readonly memberEnroll?: MemberEnrolment;
  readonly memberDataRequest?: MemberDataRequest;
  /** Only on SALE_SUSPENDED / SUSPENDED_SALE_RESUMED (main/core/suspended-sale.ts). */
  readonly suspendedSale?: SuspendedSalePayload;
  readonly suspendedSaleResumed?: SuspendedSaleResumedPayload;
  /** Only on a POST_VOID. */
  readonly postVoid?: PostVoidInput;
}

export function toSaleInput(sale: CompletedSale): SaleInput {
  return {
    id: sale.id,
    receiptNumber: sale.receiptNumber,
    sequence: sale.sequence,
    businessDay: sale.businessDay,
    startedAt: sale.startedAt,
    completedAt: sale.completedAt,
    currency: sale.currency,
    staffId: sale.staffId,
    lines: sale.lines.map((l) => ({
      lineId: l.lineId,
      productId: l.productId,
      barcode: l.barcode,
      nameKo: l.name['ko'] ?? Object.values(l.name)[0] ?? '',
      nameEn: l.name['en'] ?? null,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      taxClass: l.taxClass,
      voided: l.voided,
      discount: sale.totals.lineDiscounts?.[l.lineId] ?? 0,
      weightGrams: l.measure?.grams ?? null,
      labelled: l.labelled === true || l.measure !== undefined,
    })),
    tenders: sale.tenders.map(toTenderInput),
    totals: {
      total: sale.totals.total,
      itemCount: sale.totals.itemCount,
      taxableSupply: sale.totals.taxableSupply,
      tax: sale.totals.tax,
      taxFree: sale.totals.taxFree,
    },
    change: sale.change,
    ...(sale.loyalty
      ? { loyalty: { memberId: sale.loyalty.memberId, pointsEarned: sale.loyalty.pointsEarned, pointsRedeemed: sale.loyalty.pointsRedeemed, couponIds: [...sale.loyalty.couponIds] } }
      : {}),
    ...(sale.ordered && sale.ordered.length > 0 ? { savedOrders: savedOrders(sale.receiptNumber, sale.ordered).map(toSavedOrderInput) } : {}),
    ...(sale.coupons && sale.coupons.length > 0 ? { coupons: sale.coupons.map((c) => ({ code: c.code, couponId: c.couponId, singleUse: c.singleUse, saved: c.saved })) } : {}),
    ...(sale.cashReceipt
      ? { cashReceipt: { purpose: sale.cashReceipt.purpose === 'deduction' ? 'DEDUCTION' : 'EXPENSE', idKind: sale.cashReceipt.idKind === 'phone' ? 'PHONE' : sale.cashReceipt.idKind === 'card' ? 'CARD' : 'BUSINESS', identifier: sale.cashReceipt.identifier, amount: sale.cashReceipt.amount } as const }
      : {}),
  };
}

function toTenderInput(t: Tender): SaleInput['tenders'][number] {
  switch (t.kind) {
    case 'points':
      return { id: t.id, kind: 'POINTS', amount: t.amount, card: null, points: { ...t.points } };
    case 'card':
      return { id: t.id, kind: 'CARD', amount: t.amount, card: { ...t.card } };
    case 'giftCard':
    case 'storeCredit': {
      const { accountId, claimId, maskedNumber } = t.storedValue;
      return { id: t.id, kind: t.kind === 'giftCard' ? 'GIFT_CARD' : 'STORE_CREDIT', amount: t.amount, card: null, storedValue: { accountId, claimId, maskedNumber } };
    }
    case 'mobile':
      return { id: t.id, kind: 'MOBILE', amount: t.amount, card: null, mobile: { ...t.mobile } };
    case 'cash':
      return { id: t.id, kind: 'CASH', amount: t.amount, card: null };
  }
}

function toSavedOrderInput(o: SavedOrder): SavedOrderInput {
  const f = o.fulfilment;
  return {
    orderNumber: o.orderNumber,
    fulfilment: f.kind === 'pickup' ? 'PICKUP' : 'DELIVERY',
    storeId: f.kind === 'pickup' ? f.storeId : null,
    customerName: f.customerName,
    phone: f.phone,
    address: f.kind === 'delivery' ? f.address : null,
    lineIds: [...o.lineIds],
  };
}

export function toMutationInput(entry: OutboxEntry): MutationInput {
  const head = { id: entry.mutationId, sequence: entry.sequence, occurredAt: entry.occurredAt };
  if (entry.kind === 'RETURN') return { ...head, kind: entry.kind, sale: null, saleReturn: toReturnInput(entry.payload) };
  if (entry.kind === 'POST_VOID') return { ...head, kind: entry.kind, sale: null, postVoid: toPostVoidInput(entry.payload) };
  if (entry.kind === 'MEMBER_ENROLL') return { ...head, kind: entry.kind, sale: null, memberEnroll: { ...entry.payload } };
  if (entry.kind === 'MEMBER_DATA_REQUEST') return { ...head, kind: entry.kind, sale: null, memberDataRequest: { ...entry.payload } };
  if (entry.kind === 'SALE_SUSPENDED') return { ...head, kind: entry.kind, sale: null, suspendedSale: { ...entry.payload } };
  if (entry.kind === 'SUSPENDED_SALE_RESUMED') return { ...head, kind: entry.kind, sale: null, suspendedSaleResumed: { ...entry.payload } };
  if (entry.kind === 'SHIFT_OPENED' || entry.kind === 'CASH_MOVEMENT' || entry.kind === 'SHIFT_CLOSED' || entry.kind === 'DAY_CLOSED') {
    return { ...head, kind: entry.kind, sale: null, ...toShiftMutationFields(entry) };
  }
  if (entry.kind !== 'SALE') return { ...head, kind: entry.kind, sale: null, ...toOrderMutationFields(entry) };
  return { ...head, kind: entry.kind, sale: toSaleInput(entry.payload) };
}
