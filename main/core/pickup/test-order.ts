import type { StoreOrder, StoreOrderLine } from './store-order.ts';

/** A pickup order for the pickup tests: two ramen and a water, placed for today. */
export function testOrder(over: Partial<StoreOrder> = {}, lines?: readonly Partial<StoreOrderLine>[]): StoreOrder {
  const base: StoreOrderLine[] = [
    { lineId: 'L1', productId: 'p-ramen', barcode: '8809100000017', name: { ko: '라면', en: 'Ramen' }, unitPrice: 1100, quantity: 2, taxClass: 'VAT10',
      pickedQuantity: null, substitute: null, handedOutQuantity: null, refusedQuantity: null },
    { lineId: 'L2', productId: 'p-water', barcode: '8809150000012', name: { ko: '생수', en: 'Water' }, unitPrice: 800, quantity: 1, taxClass: 'VAT10',
      pickedQuantity: null, substitute: null, handedOutQuantity: null, refusedQuantity: null },
  ];
  return {
    id: 'o-1', number: '2611250001', fulfilment: 'PICKUP', channel: 'WEB', state: 'PLACED', customerName: '김*수', phoneLast4: '5678',
    placedAt: '2026-11-25T01:00:00.000Z', dueAt: '2026-11-25T03:00:00.000Z', deadlineAt: '2026-11-28T01:00:00.000Z', stagingLocation: null,
    version: 1, pickupCode: 'K7M3QX', currency: 'KRW', total: 3000, payment: { method: 'CARD', reference: 'PAY-1', amount: 3000 },
    cancelReason: null, putBackAt: null, flag: null, refunds: [],
    lines: lines ? lines.map((l, i) => ({ ...(base[i % base.length] as StoreOrderLine), lineId: `L${i + 1}`, ...l })) : base,
    ...over,
  };
}
