import type { OrderMutation } from '../main/core/pickup/order-mutation.ts';

/** The pickup desk's push fields (MutationInput in schema.graphql): each kind carries its own input. */
export interface OrderMutationFields {
  readonly orderPicking?: Extract<OrderMutation, { kind: 'ORDER_PICKING' }>['payload'];
  readonly orderPicked?: Extract<OrderMutation, { kind: 'ORDER_PICKED' }>['payload'];
  readonly orderPutBack?: Extract<OrderMutation, { kind: 'ORDER_PUT_BACK' }>['payload'];
  readonly pickupHandout?: Extract<OrderMutation, { kind: 'PICKUP_HANDOUT' }>['payload'];
}

export function toOrderMutationFields(m: OrderMutation): OrderMutationFields {
  switch (m.kind) {
    case 'ORDER_PICKING':
      return { orderPicking: m.payload };
    case 'ORDER_PICKED':
      return { orderPicked: m.payload };
    case 'ORDER_PUT_BACK':
      return { orderPutBack: m.payload };
    case 'PICKUP_HANDOUT':
      return { pickupHandout: m.payload };
  }
}
