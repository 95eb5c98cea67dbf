import type { LocalizedText } from '../product.ts';

/** An online order as the till keeps it: what the central API's order stream carries, nothing more. */

export type OrderState = 'PLACED' | 'PICKING' | 'READY' | 'COLLECTED' | 'DELIVERED' | 'CANCELLED';

export interface StoreOrderLine {
  readonly lineId: string;
  readonly productId: string;
  readonly barcode: string;
  readonly name: LocalizedText;
  /** The price the customer paid online, per unit, in minor units. */
  readonly unitPrice: number;
  readonly quantity: number;
  readonly taxClass: string;
  /** Picked of the ordered product; null before picking. */
  readonly pickedQuantity: number | null;
  /** A substitute picked instead (the customer pays the ordered price). */
  readonly substitute: { readonly barcode: string; readonly productId: string | null; readonly name: string | null; readonly quantity: number } | null;
  readonly handedOutQuantity: number | null;
  readonly refusedQuantity: number | null;
}

export interface StoreOrder {
  readonly id: string;
  /** Digits, as the customer says or types it. */
  readonly number: string;
  readonly fulfilment: 'PICKUP' | 'DELIVERY';
  readonly channel: string;
  readonly state: OrderState;
  /** Masked by the centre (김*수): the till never holds more. */
  readonly customerName: string;
  readonly phoneLast4: string;
  readonly placedAt: string;
  readonly dueAt: string | null;
  readonly deadlineAt: string | null;
  readonly stagingLocation: string | null;
  /** The claim version: a hand-out claims the one the till saw. */
  readonly version: number;
  /** What the order QR carries after the number. */
  readonly pickupCode: string;
  readonly currency: string;
  readonly total: number;
  /** The online payment: refunds of any channel go back to its reference. */
  readonly payment: { readonly method: string; readonly reference: string; readonly amount: number };
  readonly cancelReason: string | null;
  readonly putBackAt: string | null;
  readonly flag: string | null;
  readonly refunds: readonly { readonly lineId: string | null; readonly amount: number; readonly reason: string; readonly at: string }[];
  readonly lines: readonly StoreOrderLine[];
}

/** Where an order stands at the pickup desk; delivery orders are not the desk's (null). */
export type DeskState = 'to_pick' | 'picking' | 'to_collect' | 'to_put_back' | 'handed_out' | 'cancelled';

export const DESK_STATES: readonly DeskState[] = ['to_pick', 'picking', 'to_collect', 'to_put_back', 'handed_out', 'cancelled'];

/**
 * A ready order whose deadline passed is to be put back to stock (a no-show), and so is one the web
 * shop cancelled after it was picked: its goods sit staged until someone returns them to the shelf.
 */
export function deskStateOf(order: StoreOrder, now: Date): DeskState | null {
  if (order.fulfilment !== 'PICKUP') return null;
  switch (order.state) {
    case 'PLACED':
      return 'to_pick';
    case 'PICKING':
      return 'picking';
    case 'READY':
      return order.deadlineAt !== null && Date.parse(order.deadlineAt) <= now.getTime() ? 'to_put_back' : 'to_collect';
    case 'COLLECTED':
    case 'DELIVERED':
      return 'handed_out';
    case 'CANCELLED':
      return order.stagingLocation !== null && order.putBackAt === null ? 'to_put_back' : 'cancelled';
  }
}

export function deskCounts(orders: readonly StoreOrder[], now: Date): Record<DeskState, number> {
  const counts = Object.fromEntries(DESK_STATES.map((s) => [s, 0])) as Record<DeskState, number>;
  for (const o of orders) {
    const s = deskStateOf(o, now);
    if (s) counts[s]++;
  }
  return counts;
}

/** What is there to hand out of a line: what was picked of it (the ordered quantity before picking) plus its substitute. */
export function availableOf(line: StoreOrderLine): number {
  return (line.pickedQuantity ?? line.quantity) + (line.substitute?.quantity ?? 0);
}
