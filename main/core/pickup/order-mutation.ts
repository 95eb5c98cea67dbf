import type { HandoutLine } from './handout.ts';

/** What this till sends the centre about an order (the outbox kinds of the pickup desk). */
export type OrderMutation =
  | { readonly kind: 'ORDER_PICKING'; readonly payload: { readonly orderNumber: string; readonly staffId: string } }
  | {
      readonly kind: 'ORDER_PICKED';
      readonly payload: {
        readonly orderNumber: string;
        readonly staffId: string;
        readonly stagingLocation: string;
        readonly lines: readonly { lineId: string; pickedQuantity: number; substituteBarcode: string | null; substituteQuantity: number | null }[];
      };
    }
  | { readonly kind: 'ORDER_PUT_BACK'; readonly payload: { readonly orderNumber: string; readonly staffId: string; readonly reason: 'no_show' | 'cancelled' } }
  | { readonly kind: 'PICKUP_HANDOUT'; readonly payload: PickupHandoutPayload };

export interface PickupHandoutPayload {
  readonly handoutId: string;
  readonly orderNumber: string;
  readonly expectedVersion: number;
  readonly staffId: string;
  readonly handedOutAt: string;
  readonly proof: 'QR' | 'NUMBER_PHONE';
  readonly lines: readonly HandoutLine[];
}

/** The outbox kinds of the pickup desk. */
export const ORDER_MUTATION_KINDS = ['ORDER_PICKING', 'ORDER_PICKED', 'ORDER_PUT_BACK', 'PICKUP_HANDOUT'] as const;

