import type { LocalizedText, Product } from './product.ts';
import { type Money, money } from './money.ts';
import { type TaxBreakdown, type TaxRules, breakDownTax } from './tax.ts';
import { type Result, fail, ok } from './result.ts';

/**
 * A line keeps a snapshot of the product as it was rung: a price change pulled
 * later never reprices an open basket under the cashier's hands.
 */
export interface BasketLine {
  readonly lineId: string;
  readonly productId: string;
  readonly barcode: string;
  readonly name: LocalizedText;
  readonly unitPrice: number;
  readonly quantity: number;
  readonly taxClass: string;
  /** A voided line stays in the basket for the journal, and counts for nothing. */
  readonly voided: boolean;
  /** Age-restricted (alcohol, tobacco): pending until a cashier confirms the customer's age. */
  readonly ageCheck?: { readonly state: 'pending' | 'confirmed'; readonly by?: string; readonly at?: string } | undefined;
  /** The price came from an in-store label (scale or deli), not from the catalog. */
  readonly labelled?: true | undefined;
  /** A weighed item: its weight and the price per kilogram the line was priced at. */
  readonly measure?: { readonly grams: number; readonly pricePerKg: number } | undefined;
  /** Set when the price was overridden at the lane: the shelf price and who approved. */
  readonly override?: { readonly originalPrice: number; readonly approvedBy: string; readonly reason: string } | undefined;
}

export interface Basket {
  readonly currency: string;
  readonly lines: readonly BasketLine[];
}

export interface BasketTotals {
  readonly total: Money;
  readonly itemCount: number;
  readonly tax: TaxBreakdown;
}

export type BasketError = 'line_not_found' | 'line_voided' | 'quantity_invalid' | 'currency_mismatch';

export const MAX_LINE_QUANTITY = 999;

export const emptyBasket = (currency: string): Basket => ({ currency, lines: [] });

export const lineAmount = (line: BasketLine): number => (line.voided ? 0 : line.unitPrice * line.quantity);

/**
 * Rings a product. A second scan of the product on the last live line adds to its
 * quantity (what a cashier expects when scanning two of the same); anything else starts a line.
 */
export function addItem(
  basket: Basket,
  product: Product,
  quantity: number,
  newLineId: string,
  options: { ageRestricted?: boolean; measure?: { grams: number; pricePerKg: number }; labelPrice?: number } = {},
): Result<Basket, BasketError> {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    return fail('quantity_invalid', `quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}`);
  }
  if (product.currency !== basket.currency) {
    return fail('currency_mismatch', `product ${product.id} is priced in ${product.currency}, the basket in ${basket.currency}`);
  }
  const last = basket.lines[basket.lines.length - 1];
  // A label (scale) price or a weight is one item with its own price: never merged into another line.
  const labelled = options.measure !== undefined || options.labelPrice !== undefined;
  if (!labelled && last && !last.voided && !last.override && !last.measure && last.productId === product.id && last.quantity + quantity <= MAX_LINE_QUANTITY) {
    const merged = { ...last, quantity: last.quantity + quantity };
    return ok({ ...basket, lines: [...basket.lines.slice(0, -1), merged] });
  }
  const line: BasketLine = {
    lineId: newLineId,
    productId: product.id,
    barcode: product.barcode,
    name: product.name,
    unitPrice: options.labelPrice ?? product.price,
    quantity,
    taxClass: product.taxClass,
    voided: false,
    ...(options.ageRestricted ? { ageCheck: { state: 'pending' as const } } : {}),
    ...(options.measure ? { measure: options.measure } : {}),
    ...(options.labelPrice !== undefined ? { labelled: true as const } : {}),
  };
  return ok({ ...basket, lines: [...basket.lines, line] });
}

export function voidLine(basket: Basket, lineId: string): Result<Basket, BasketError> {
  const line = basket.lines.find((l) => l.lineId === lineId);
  if (!line) return fail('line_not_found', `no line ${lineId} in the basket`);
  if (line.voided) return fail('line_voided', 'the line is already voided');
  return ok({ ...basket, lines: basket.lines.map((l) => (l.lineId === lineId ? { ...l, voided: true } : l)) });
}

export function setQuantity(basket: Basket, lineId: string, quantity: number): Result<Basket, BasketError> {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    return fail('quantity_invalid', `quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}`);
  }
  const line = basket.lines.find((l) => l.lineId === lineId);
  if (!line) return fail('line_not_found', `no line ${lineId} in the basket`);
  if (line.voided) return fail('line_voided', 'the line is voided');
  return ok({ ...basket, lines: basket.lines.map((l) => (l.lineId === lineId ? { ...l, quantity } : l)) });
}

/** True while an age-restricted line waits for the cashier's confirmation: no tender may be taken. */
export const ageCheckPending = (basket: Basket): boolean => basket.lines.some((l) => !l.voided && l.ageCheck?.state === 'pending');

/** The cashier saw proof of age: every pending line is confirmed, with who and when. */
export function confirmAge(basket: Basket, staffId: string, at: string): Basket {
  return {
    ...basket,
    lines: basket.lines.map((l) => (!l.voided && l.ageCheck?.state === 'pending' ? { ...l, ageCheck: { state: 'confirmed', by: staffId, at } } : l)),
  };
}

/** The customer could not prove their age: the restricted lines are voided, the rest of the sale stands. */
export function refuseAge(basket: Basket): Basket {
  return { ...basket, lines: basket.lines.map((l) => (!l.voided && l.ageCheck?.state === 'pending' ? { ...l, voided: true } : l)) };
}

/** Changes a line's price, keeping the shelf price and the approver for the journal. */
export function overridePrice(basket: Basket, lineId: string, price: number, approvedBy: string, reason: string): Result<Basket, BasketError> {
  if (!Number.isSafeInteger(price) || price < 0) return fail('quantity_invalid', 'a price is a whole number of minor units, 0 or more');
  const line = basket.lines.find((l) => l.lineId === lineId);
  if (!line) return fail('line_not_found', `no line ${lineId} in the basket`);
  if (line.voided) return fail('line_voided', 'the line is voided');
  const originalPrice = line.override?.originalPrice ?? line.unitPrice;
  return ok({ ...basket, lines: basket.lines.map((l) => (l.lineId === lineId ? { ...l, unitPrice: price, override: { originalPrice, approvedBy, reason } } : l)) });
}

export function basketTotals(basket: Basket, rules: TaxRules): BasketTotals {
  const live = basket.lines.filter((l) => !l.voided);
  const amounts = live.map((l) => ({ taxClass: l.taxClass, gross: money(lineAmount(l), basket.currency) }));
  return {
    total: money(amounts.reduce((a, x) => a + x.gross.minor, 0), basket.currency),
    itemCount: live.reduce((a, l) => a + l.quantity, 0),
    tax: breakDownTax(amounts, rules, basket.currency),
  };
}
