import { type Basket, type BasketLine, ageCheckPending, emptyBasket } from './basket.ts';
import { type OrderedLine, liveOrderedLines } from './saved-sale.ts';
import { type CashReceiptRequest, cashReceiptAmount } from './cash-receipt.ts';
import { type PaymentState, type Tender, mayExceedDue, paymentState } from './tender.ts';
import { type TaxRules, breakDownTax } from './tax.ts';
import { money } from './money.ts';
import { type Result, fail, ok } from './result.ts';
import type { Promotion } from './pricing/promotion.ts';
import { type ManualDiscount, type Saving, priceBasket } from './pricing/price-basket.ts';
import type { SaleLoyalty, SaleMember } from './loyalty/member.ts';
import { type RedeemedCoupon, type SaleCoupon, redeemedCoupons } from './coupons/barcode-coupon.ts';

/** A sale being rung: the basket, what prices it, and the tenders taken so far. */
export interface OpenSale {
  readonly id: string;
  readonly staffId: string;
  readonly startedAt: string;
  readonly basket: Basket;
  readonly tenders: readonly Tender[];
  /**
   * The promotions that applied when the basket last changed: a snapshot, so a sale prices the
   * same on resume, on commit and on the receipt. Absent in drafts written before promotions.
   */
  readonly promotions?: readonly Promotion[];
  readonly discounts?: readonly ManualDiscount[];
  /** The member identified for this sale (loyalty), masked; member-only promotions and coupons apply. */
  readonly member?: SaleMember | undefined;
  /** Set just before commit: what the member earned and spent (main/core/loyalty). */
  readonly loyalty?: SaleLoyalty | undefined;
  /** Lines paid here and ordered for pickup at another store or delivery (main/core/saved-sale.ts). */
  readonly ordered?: readonly OrderedLine[] | undefined;
  /** The customer asked for a cash receipt (현금영수증, main/core/cash-receipt.ts). */
  readonly cashReceipt?: CashReceiptRequest | undefined;
  /** Coupons scanned by barcode (main/core/coupons): priced with the promotions, claimed before the first tender when single-use. */
  readonly coupons?: readonly SaleCoupon[] | undefined;
  /** The customer reads English: the receipt prints in English (absent: the store's Korean). */
  readonly receiptLanguage?: 'en' | undefined;
  /** Rung in training mode (main/core/training.ts): kept apart, never counted, never sent to the centre. */
  readonly training?: true | undefined;
}

export interface SaleTotals {
  /** What the customer pays: the lines' shelf prices less every saving. */
  readonly total: number;
  /** The live lines at their shelf (or overridden) prices, before savings. */
  readonly gross: number;
  readonly discount: number;
  readonly savings: readonly Saving[];
  /** Each line's discount (promotions and manual), for the receipt and the central ledger. */
  readonly lineDiscounts: Readonly<Record<string, number>>;
  readonly itemCount: number;
  /** 과세물품가액: supply value of the taxable lines. */
  readonly taxableSupply: number;
  readonly tax: number;
  /** 면세물품가액: the tax-free lines, kept apart. */
  readonly taxFree: number;
  readonly taxGroups: readonly { taxClass: string; rateBps: number; gross: number; supply: number; tax: number }[];
}

/** A finished sale as the journal keeps it: a fact, never updated. */
export interface CompletedSale {
  readonly id: string;
  readonly receiptNumber: string;
  /** Per-till receipt sequence, taken in the commit's transaction. */
  readonly sequence: number;
  readonly storeId: string;
  readonly tillId: string;
  readonly staffId: string;
  readonly businessDay: string;
  readonly startedAt: string;
  readonly completedAt: string;
  readonly currency: string;
  readonly lines: readonly BasketLine[];
  readonly tenders: readonly Tender[];
  readonly totals: SaleTotals;
  readonly change: number;
  /** A member's sale: points earned and redeemed, coupons used. */
  readonly loyalty?: SaleLoyalty | undefined;
  /** Live lines ordered for later: the central API makes online orders of them (main/core/saved-sale.ts). */
  readonly ordered?: readonly OrderedLine[] | undefined;
  /** A cash receipt for what was paid in cash (absent when none was asked for or no cash was kept). */
  readonly cashReceipt?: (CashReceiptRequest & { readonly amount: number }) | undefined;
  /** Coupons scanned by barcode and what each saved: the centre records each redemption once. */
  readonly coupons?: readonly RedeemedCoupon[] | undefined;
  /** Printed in English for this customer (reprints too); absent: Korean. */
  readonly receiptLanguage?: 'en' | undefined;
  /** A training sale: its own numbers (T0001-01-000001), its own table, no outbox row. */
  readonly training?: true | undefined;
}

export type TenderError = 'basket_empty' | 'nothing_due' | 'amount_invalid' | 'card_over_due' | 'tender_over_due' | 'sale_not_paid' | 'age_check_required';

export function openSale(id: string, staffId: string, startedAt: string, currency: string): OpenSale {
  return { id, staffId, startedAt, basket: emptyBasket(currency), tenders: [] };
}

/** Prices the sale (promotions, then manual discounts) and breaks the net down by tax class. */
export function saleTotals(sale: Pick<OpenSale, 'basket' | 'promotions' | 'discounts'>, rules: TaxRules): SaleTotals {
  const live = sale.basket.lines.filter((l) => !l.voided);
  const priced = priceBasket(
    live.map((l) => ({ lineId: l.lineId, productId: l.productId, unitPrice: l.unitPrice, quantity: l.quantity })),
    sale.promotions ?? [],
    sale.discounts ?? [],
  );
  const netOf = new Map(priced.lines.map((l) => [l.lineId, l.net]));
  const currency = sale.basket.currency;
  const tax = breakDownTax(live.map((l) => ({ taxClass: l.taxClass, gross: money(netOf.get(l.lineId) ?? 0, currency) })), rules, currency);
  return {
    total: priced.net,
    gross: priced.gross,
    discount: priced.discount,
    savings: priced.savings,
    lineDiscounts: Object.fromEntries(priced.lines.filter((l) => l.discount > 0).map((l) => [l.lineId, l.discount])),
    itemCount: live.reduce((a, l) => a + l.quantity, 0),
    taxableSupply: tax.taxableSupply.minor,
    tax: tax.tax.minor,
    taxFree: tax.taxFree.minor,
    taxGroups: tax.groups.map((g) => ({
      taxClass: g.taxClass,
      rateBps: g.rateBps,
      gross: g.gross.minor,
      supply: g.supply.minor,
      tax: g.tax.minor,
    })),
  };
}

export function salePayment(sale: OpenSale, rules: TaxRules): PaymentState {
  return paymentState(saleTotals(sale, rules).total, sale.tenders);
}

/**
 * Takes a tender. Cash may exceed what is due (the difference is change);
 * every other tender (card, gift card, store credit, mobile, points) pays at most what is due.
 */
export function applyTender(sale: OpenSale, tender: Tender, rules: TaxRules): Result<OpenSale, TenderError> {
  if (!Number.isSafeInteger(tender.amount) || tender.amount <= 0) return fail('amount_invalid', 'the amount must be a positive whole number');
  const totals = saleTotals(sale, rules);
  if (totals.itemCount === 0) return fail('basket_empty', 'the basket is empty');
  if (ageCheckPending(sale.basket)) return fail('age_check_required', 'confirm the customer\'s age before taking payment');
  const state = paymentState(totals.total, sale.tenders);
  if (state.due === 0) return fail('nothing_due', 'nothing is due');
  if (tender.kind === 'card' && tender.amount > state.due) return fail('card_over_due', 'a card cannot be charged more than is due');
  // Change comes only out of the drawer: a gift card, a mobile payment or points pay at most what is due.
  if (!mayExceedDue(tender.kind) && tender.amount > state.due) return fail('tender_over_due', 'only cash can pay more than is due');
  return ok({ ...sale, tenders: [...sale.tenders, tender] });
}

/** Amount a card should be charged now: everything that is still due. */
export const amountDue = (sale: OpenSale, rules: TaxRules): number => salePayment(sale, rules).due;

export interface CompletionFacts {
  readonly receiptNumber: string;
  readonly sequence: number;
  readonly storeId: string;
  readonly tillId: string;
  readonly businessDay: string;
  readonly completedAt: string;
}

export function completeSale(sale: OpenSale, facts: CompletionFacts, rules: TaxRules): Result<CompletedSale, TenderError> {
  const totals = saleTotals(sale, rules);
  if (totals.itemCount === 0) return fail('basket_empty', 'the basket is empty');
  const state = paymentState(totals.total, sale.tenders);
  if (!state.complete) return fail('sale_not_paid', `${state.due} is still due`);
  return ok({
    id: sale.id,
    receiptNumber: facts.receiptNumber,
    sequence: facts.sequence,
    storeId: facts.storeId,
    tillId: facts.tillId,
    staffId: sale.staffId,
    businessDay: facts.businessDay,
    startedAt: sale.startedAt,
    completedAt: facts.completedAt,
    currency: sale.basket.currency,
    lines: sale.basket.lines,
    tenders: sale.tenders,
    totals,
    change: state.change,
    ...(sale.loyalty ? { loyalty: sale.loyalty } : {}),
    ...(liveOrderedLines(sale).length > 0 ? { ordered: liveOrderedLines(sale) } : {}),
    ...cashReceiptOf(sale, totals.total, state.change),
    ...((sale.coupons ?? []).length > 0 ? { coupons: redeemedCoupons(sale.coupons, totals.savings) } : {}),
    ...(sale.receiptLanguage ? { receiptLanguage: sale.receiptLanguage } : {}),
    ...(sale.training ? { training: true as const } : {}),
  });
}

/** The cash receipt a completed sale carries: for the cash kept, only when asked for and some cash was kept. */
function cashReceiptOf(sale: OpenSale, total: number, change: number): { cashReceipt?: CashReceiptRequest & { amount: number } } {
  if (!sale.cashReceipt) return {};
  const cash = sale.tenders.reduce((a, t) => a + (t.kind === 'cash' ? t.amount : 0), 0);
  const amount = cashReceiptAmount(total, cash, change);
  return amount > 0 ? { cashReceipt: { ...sale.cashReceipt, amount } } : {};
}

/** Receipt numbers are for people: store-till-sequence, e.g. 0001-01-000042. */
export function receiptNumberOf(storeCode: string, tillNumber: string, sequence: number): string {
  return `${storeCode}-${tillNumber}-${String(sequence).padStart(6, '0')}`;
}
