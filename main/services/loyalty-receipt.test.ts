import { describe, expect, it } from 'vitest';
import { layoutReceipt } from './receipt-layout.ts';
import type { CompletedSale } from '../core/sale.ts';
import { TEST_IDENTITY } from '../store/test-helpers.ts';

const memberSale: CompletedSale = {
  id: 's2', receiptNumber: '0001-01-000008', sequence: 8, storeId: 'store-test', tillId: 'till-test-01', staffId: 'st',
  businessDay: '2026-11-25', startedAt: '2026-11-25T01:00:00.000Z', completedAt: '2026-11-25T01:02:00.000Z', currency: 'KRW',
  lines: [{ lineId: 'l1', productId: 'p1', barcode: '1', name: { ko: '쿠션 팩트' }, unitPrice: 28_000, quantity: 1, taxClass: 'VAT10', voided: false }],
  tenders: [
    { id: 't1', kind: 'points', amount: 1_000, points: { memberId: 'm1', claimId: 'c1' } },
    { id: 't2', kind: 'cash', amount: 24_000 },
  ],
  totals: {
    total: 25_000, gross: 28_000, discount: 3_000, lineDiscounts: { l1: 3_000 }, itemCount: 1, taxableSupply: 22_727, tax: 2_273, taxFree: 0, taxGroups: [],
    savings: [{ id: 'coupon:c9', source: 'promotion', label: { ko: '회원 전용 3,000원 할인 쿠폰' }, amount: 3_000, lineIds: ['l1'] }],
  },
  change: 0,
  loyalty: {
    memberId: 'm1', maskedName: '김*지', maskedPhone: '010-****-5678', tier: 'GOLD', pointsEarned: 480, pointsRedeemed: 1_000,
    balanceBefore: 12_044, balanceAfter: 11_524, couponIds: ['c9'],
  },
};

const text = (doc: ReturnType<typeof layoutReceipt>): string =>
  doc.blocks.map((b) => (b.kind === 'text' ? b.text : b.kind === 'columns' ? `${b.left} | ${b.right}` : b.kind)).join('\n');

describe('a member\'s receipt', () => {
  it('prints the points tender, the coupon saving, the masked member, points earned, used and the new balance', () => {
    const t = text(layoutReceipt(memberSale, TEST_IDENTITY, { cashierName: '김민지' }));
    expect(t).toContain('포인트 사용 | 1,000');
    expect(t).toContain('회원 전용 3,000원 할인 쿠폰 | -3,000');
    expect(t).toContain('회원 | 김*지 010-****-5678');
    expect(t).toContain('적립 포인트 | 480');
    expect(t).toContain('사용 포인트 | 1,000');
    expect(t).toContain('잔여 포인트 | 11,524');
  });

  it('prints nothing of loyalty on a sale without a member', () => {
    const { loyalty: _loyalty, ...plain } = memberSale;
    const t = text(layoutReceipt({ ...plain, tenders: [{ id: 't2', kind: 'cash', amount: 25_000 }] }, TEST_IDENTITY, { cashierName: '김민지' }));
    expect(t).not.toMatch(/포인트|회원 \|/);
  });
});
