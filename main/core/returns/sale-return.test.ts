import { describe, expect, it } from 'vitest';
import { KOREAN_VAT } from '../tax.ts';
import { RETURN_MESSAGES, type ReturnDraft, completeReturn, returnNumberOf } from './sale-return.ts';

const facts = { receiptNumber: returnNumberOf('0001', '01', 7), sequence: 7, storeId: 's', tillId: 't', businessDay: '2026-03-31', completedAt: '2026-03-31T03:00:00Z' };
const draft: ReturnDraft = {
  id: 'r1', staffId: 'st', approvedBy: null, original: null, currency: 'KRW',
  lines: [
    { lineId: 'a', originalLineId: 'l1', productId: 'p1', barcode: '1', name: { ko: '라면' }, taxClass: 'VAT10', quantity: 1, soldQuantity: 3, refund: 1100, condition: 'unopened', disposition: 'restock' },
    { lineId: 'b', originalLineId: 'l2', productId: 'p2', barcode: '2', name: { ko: '사과' }, taxClass: 'TAX_FREE', quantity: 1, soldQuantity: 1, refund: 3000, condition: 'opened', disposition: 'damaged' },
  ],
  tenders: [{ id: 't', kind: 'cash', amount: 4100, originalTenderId: null }],
};

describe('a return as a journal entry', () => {
  it('reverses supply value and VAT of what it refunds, keeping tax-free apart', () => {
    const done = completeReturn(draft, facts, KOREAN_VAT);
    expect(done).toMatchObject({ ok: true, value: { receiptNumber: '0001-01-R000007', totals: { total: 4100, itemCount: 2, taxableSupply: 1000, tax: 100, taxFree: 3000 } } });
  });

  it('refuses refund tenders that do not give back exactly what the lines refund, and an empty return', () => {
    expect(completeReturn({ ...draft, tenders: [{ id: 't', kind: 'cash', amount: 4000, originalTenderId: null }] }, facts, KOREAN_VAT)).toEqual({
      ok: false, code: 'refund_mismatch', message: RETURN_MESSAGES.mismatch(4100, 4000),
    });
    expect(completeReturn({ ...draft, lines: [] }, facts, KOREAN_VAT)).toMatchObject({ ok: false, code: 'return_empty' });
  });
});
