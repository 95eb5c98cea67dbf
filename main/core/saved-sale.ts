import type { OpenSale } from './sale.ts';
import { type Result, fail, ok } from './result.ts';

/**
 * "Save the sale": an item the store cannot hand over now (sold out here) is paid at the till and
 * ordered for the customer, to collect at another store or to be delivered home. The sale is a
 * normal sale; its ordered lines travel with it to the central API, which turns them into an
 * online order. The order number is made here, from the receipt number, so the receipt can print
 * it even when the till is offline, and the centre cannot make two orders of one sale.
 */
export type Fulfilment =
  | { readonly kind: 'pickup'; readonly storeId: string; readonly storeName: string; readonly customerName: string; readonly phone: string }
  | { readonly kind: 'delivery'; readonly customerName: string; readonly phone: string; readonly address: string };

export interface OrderedLine {
  readonly lineId: string;
  readonly fulfilment: Fulfilment;
}

/** One online order made of a sale's ordered lines that go the same way. */
export interface SavedOrder {
  readonly orderNumber: string;
  readonly fulfilment: Fulfilment;
  readonly lineIds: readonly string[];
}

export type SavedSaleError = 'line_not_found' | 'line_weighed' | 'age_restricted_delivery' | 'own_store' | 'contact_invalid' | 'sale_has_tenders';

export const SAVED_SALE_MESSAGES = {
  lineNotFound: 'no live line with that id in the sale',
  weighed: 'a weighed or labelled item is priced by what is on the counter: it cannot be ordered',
  ageRestricted: 'age-restricted items cannot be delivered; order them for pickup, where the age is checked',
  ownStore: 'this store is where the customer already is: order for another store or for delivery',
  contact: 'the customer’s name and a phone number (for the order’s messages) are needed',
  hasTenders: 'payment has started: order items before taking the first tender',
} as const;

const PHONE = /^0\d{1,2}-?\d{3,4}-?\d{4}$/;

/** Marks a live line as ordered for later (replacing an earlier choice for it). */
export function orderForLater(sale: OpenSale, lineId: string, fulfilment: Fulfilment, ownStoreId: string): Result<OpenSale, SavedSaleError> {
  if (sale.tenders.length > 0) return fail('sale_has_tenders', SAVED_SALE_MESSAGES.hasTenders);
  const line = sale.basket.lines.find((l) => l.lineId === lineId && !l.voided);
  if (!line) return fail('line_not_found', SAVED_SALE_MESSAGES.lineNotFound);
  if (line.measure || line.labelled) return fail('line_weighed', SAVED_SALE_MESSAGES.weighed);
  if (fulfilment.kind === 'delivery' && line.ageCheck) return fail('age_restricted_delivery', SAVED_SALE_MESSAGES.ageRestricted);
  if (fulfilment.kind === 'pickup' && fulfilment.storeId === ownStoreId) return fail('own_store', SAVED_SALE_MESSAGES.ownStore);
  if (fulfilment.customerName.trim() === '' || !PHONE.test(fulfilment.phone.trim())) return fail('contact_invalid', SAVED_SALE_MESSAGES.contact);
  if (fulfilment.kind === 'delivery' && fulfilment.address.trim().length < 5) return fail('contact_invalid', SAVED_SALE_MESSAGES.contact);
  const others = (sale.ordered ?? []).filter((o) => o.lineId !== lineId);
  return ok({ ...sale, ordered: [...others, { lineId, fulfilment }] });
}

/** The customer takes the item after all (it turned up): the line is an ordinary line again. */
export function takeNow(sale: OpenSale, lineId: string): OpenSale {
  const ordered = (sale.ordered ?? []).filter((o) => o.lineId !== lineId);
  const { ordered: _dropped, ...rest } = sale;
  return ordered.length > 0 ? { ...rest, ordered } : rest;
}

/** The ordered lines still live (a voided line orders nothing). */
export function liveOrderedLines(sale: Pick<OpenSale, 'basket' | 'ordered'>): OrderedLine[] {
  const live = new Set(sale.basket.lines.filter((l) => !l.voided).map((l) => l.lineId));
  return (sale.ordered ?? []).filter((o) => live.has(o.lineId));
}

const sameWay = (a: Fulfilment, b: Fulfilment): boolean =>
  a.kind === b.kind &&
  a.customerName === b.customerName &&
  a.phone === b.phone &&
  (a.kind === 'pickup' && b.kind === 'pickup' ? a.storeId === b.storeId : a.kind === 'delivery' && b.kind === 'delivery' ? a.address === b.address : false);

/**
 * The online orders a completed sale makes: ordered lines grouped by where they go, numbered from
 * the receipt number's digits and the group's place (0001-01-000042 -> 00010100004201, ...02).
 */
export function savedOrders(receiptNumber: string, ordered: readonly OrderedLine[]): SavedOrder[] {
  const digits = receiptNumber.replace(/\D/g, '');
  const groups: { fulfilment: Fulfilment; lineIds: string[] }[] = [];
  for (const o of ordered) {
    const group = groups.find((g) => sameWay(g.fulfilment, o.fulfilment));
    if (group) group.lineIds.push(o.lineId);
    else groups.push({ fulfilment: o.fulfilment, lineIds: [o.lineId] });
  }
  return groups.map((g, i) => ({ orderNumber: `${digits}${String(i + 1).padStart(2, '0')}`, fulfilment: g.fulfilment, lineIds: g.lineIds }));
}
