import { describe, expect, it } from 'vitest';
import { testOrder } from '../core/pickup/test-order.ts';
import { TEST_IDENTITY } from '../store/test-helpers.ts';
import { layoutPickupReceipt } from './pickup-receipt-layout.ts';

const text = (doc: ReturnType<typeof layoutPickupReceipt>): string =>
  doc.blocks.map((b) => (b.kind === 'text' ? b.text : b.kind === 'columns' ? `${b.left} | ${b.right}` : b.kind === 'barcode' ? `[${b.data}]` : '')).join('\n');

describe('the pickup receipt', () => {
  const order = testOrder({ state: 'COLLECTED' }, [{ pickedQuantity: 2 }, { pickedQuantity: 0, substitute: { barcode: '8809160000019', productId: 'p', name: '콜라', quantity: 1 } }]);

  it('lists what was collected (a substitute at the ordered price), what was refused and its refund, and the order number as a barcode', () => {
    const doc = layoutPickupReceipt({
      order, refunded: 1100, handedOutAt: '2026-11-25T05:07:00.000Z', staffName: '김하나', offline: false,
      lines: [{ lineId: 'L1', quantity: 1, refused: 1, refusedReason: 'damaged' }, { lineId: 'L2', quantity: 1, refused: 0, refusedReason: null }],
    }, TEST_IDENTITY);
    const t = text(doc);
    expect(t).toContain('[온라인 주문 픽업]');
    expect(t).toContain('주문번호 | 2611250001');
    expect(t).toContain('김*수 (5678)');
    expect(t).toContain('2026-11-25 14:07');
    expect(t).toContain('라면 x1 | 1,100');
    expect(t).toContain('콜라 x1 (대체) | 800');
    expect(t).toContain('수령 거부 (환불)\n라면 x1 | -1,100');
    expect(t).toContain('온라인 결제 환불 예정 | 1,100');
    expect(t).not.toContain('오프라인');
    expect(t).toContain('[2611250001]');
  });

  it('says so when the hand-out was made offline', () => {
    const doc = layoutPickupReceipt({ order, refunded: 0, handedOutAt: '2026-11-25T05:07:00.000Z', staffName: '김하나', offline: true,
      lines: [{ lineId: 'L1', quantity: 2, refused: 0, refusedReason: null }, { lineId: 'L2', quantity: 1, refused: 0, refusedReason: null }] }, TEST_IDENTITY);
    expect(text(doc)).toContain('오프라인 처리: 본사 확인 대기');
  });
});
