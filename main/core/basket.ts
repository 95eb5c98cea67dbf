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
export function addItem(basket: Basket, product: Product, quantity: number, newLineId: string): Result<Basket, BasketError> {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    return fail('quantity_invalid', `quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}`);
  }
  if (product.currency !== basket.currency) {
    return fail('currency_mismatch', `product ${product.id} is priced in ${product.currency}, the basket in ${basket.currency}`);
  }
  const last = basket.lines[basket.lines.length - 1];
  if (last && !last.voided && last.productId === product.id && last.quantity + quantity <= MAX_LINE_QUANTITY) {
    const merged = { ...last, quantity: last.quantity + quantity };
    return ok({ ...basket, lines: [...basket.lines.slice(0, -1), merged] });
  }
  const line: BasketLine = {
    lineId: newLineId,
    productId: product.id,
    barcode: product.barcode,
    name: product.name,
    unitPrice: product.price,
    quantity,
    taxClass: product.taxClass,
    voided: false,
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

export function basketTotals(basket: Basket, rules: TaxRules): BasketTotals {
  const live = basket.lines.filter((l) => !l.voided);
  const amounts = live.map((l) => ({ taxClass: l.taxClass, gross: money(lineAmount(l), basket.currency) }));
  return {
    total: money(amounts.reduce((a, x) => a + x.gross.minor, 0), basket.currency),
    itemCount: live.reduce((a, l) => a + l.quantity, 0),
    tax: breakDownTax(amounts, rules, basket.currency),
  };
}
