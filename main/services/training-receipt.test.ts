import { describe, expect, it } from 'vitest';
import { sampleSale } from '../../fixtures/demo-store/sample-sale.ts';
import { demoTillIdentity } from '../../fixtures/demo-store/store.ts';
import { layoutReceipt } from './receipt-layout.ts';
import { TRAINING_RECEIPT_MARK, markTraining } from './training-receipt.ts';

describe('a training receipt', () => {
  it('says TRAINING at the top and at the bottom, around the ordinary receipt', () => {
    const sale = { ...sampleSale({ sequence: 1 }), receiptNumber: 'T0001-01-000001', training: true as const };
    const plain = layoutReceipt(sale, demoTillIdentity(), { cashierName: '김민지' });
    const marked = markTraining(plain);
    const texts = marked.blocks.map((b) => ('text' in b ? b.text : b.kind));
    expect(texts[0]).toBe(TRAINING_RECEIPT_MARK);
    expect(texts.at(-1)).toBe(TRAINING_RECEIPT_MARK);
    expect(TRAINING_RECEIPT_MARK).toContain('연습 모드 / TRAINING');
    // Everything the ordinary receipt prints is still there, in order.
    expect(marked.blocks.slice(3, 3 + plain.blocks.length)).toEqual(plain.blocks);
  });
});
