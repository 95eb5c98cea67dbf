import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { sampleSale } from '../../fixtures/demo-store/sample-sale.ts';
import { demoTillIdentity, otherStore } from '../../fixtures/demo-store/store.ts';
import type { PrintBlock } from '../../drivers/printer/types.ts';
import { layoutReceipt } from './receipt-layout.ts';
import { maskPhone } from './saved-sale-receipt.ts';

const texts = (blocks: readonly PrintBlock[]) => blocks.map((b) => (b.kind === 'text' ? b.text : b.kind === 'columns' ? `${b.left} | ${b.right}` : b.kind));

describe('the receipt of a saved sale', () => {
  it('prints each order: its number, where it goes, the masked phone and the items', () => {
    const sale = sampleSale({ sequence: 42, items: [{ product: DEMO_PRODUCTS.ramen, quantity: 1 }, { product: DEMO_PRODUCTS.banana, quantity: 2 }] });
    const banana = sale.lines[1];
    if (!banana) throw new Error('no banana line');
    const saved = { ...sale, ordered: [{ lineId: banana.lineId, fulfilment: { kind: 'pickup' as const, storeId: otherStore.storeId, storeName: '잠실점', customerName: '김고객', phone: '010-2222-3333' } }] };
    const lines = texts(layoutReceipt(saved, demoTillIdentity(), { cashierName: '김민지' }).blocks);
    const at = lines.indexOf('주문 상품 (결제 완료, 다른 곳에서 수령)');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 4)).toEqual([`주문번호 | ${sale.receiptNumber.replace(/\D/g, '')}01`, '  잠실점 픽업 · 010-****-3333', `  ${DEMO_PRODUCTS.banana.name['ko']} x 2`]);
    expect(lines.join('\n')).not.toContain('2222-3333');
  });

  it('prints nothing extra for an ordinary sale', () => {
    const lines = texts(layoutReceipt(sampleSale(), demoTillIdentity(), { cashierName: '김민지' }).blocks);
    expect(lines.some((l) => l.includes('주문번호'))).toBe(false);
  });

  it('masks every phone shape', () => {
    expect(maskPhone('01012345678')).toBe('010-****-5678');
    expect(maskPhone('010-1234-5678')).toBe('010-****-5678');
    expect(maskPhone('12')).toBe('****');
  });
});
