import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addItem } from './basket.ts';
import { applyTender, completeSale, openSale, receiptNumberOf, salePayment, type OpenSale } from './sale.ts';
import { KOREAN_VAT } from './tax.ts';
import type { Product } from './product.ts';

const water: Product = { id: 'p1', barcode: '8800000000024', name: { ko: '생수', en: 'Water' }, price: 1000, currency: 'KRW', taxClass: 'VAT10', category: 'drinks' };
const facts = { receiptNumber: '0001-01-000001', sequence: 1, storeId: 's', tillId: 't', businessDay: '2026-11-25', completedAt: '2026-11-25T01:00:00.000Z' };

function saleOf(items: number): OpenSale {
  const s = openSale('sale-1', 'staff-1', '2026-11-25T00:59:00.000Z', 'KRW');
  const added = addItem(s.basket, water, items, 'l1');
  if (!added.ok) throw new Error(added.message);
  return { ...s, basket: added.value };
}

describe('sale', () => {
  it('gives change when cash exceeds the total', () => {
    const s = applyTender(saleOf(3), { id: 't1', kind: 'cash', amount: 5000 }, KOREAN_VAT);
    if (!s.ok) throw new Error(s.message);
    expect(salePayment(s.value, KOREAN_VAT)).toMatchObject({ total: 3000, due: 0, change: 2000, complete: true });
    const done = completeSale(s.value, facts, KOREAN_VAT);
    expect(done).toMatchObject({ ok: true, value: { change: 2000, totals: { total: 3000, tax: 272, taxableSupply: 2728 } } });
  });

  it('splits across card and cash', () => {
    let s = saleOf(3);
    const card = { scheme: 'VISA', maskedPan: '****1234', approvalCode: '12345678', terminalRef: '000001' };
    const a = applyTender(s, { id: 't1', kind: 'card', amount: 2000, card }, KOREAN_VAT);
    if (!a.ok) throw new Error(a.message);
    s = a.value;
    expect(salePayment(s, KOREAN_VAT).due).toBe(1000);
    const b = applyTender(s, { id: 't2', kind: 'cash', amount: 1000 }, KOREAN_VAT);
    expect(b.ok && salePayment(b.value, KOREAN_VAT)).toMatchObject({ due: 0, change: 0, complete: true });
  });

  it('never charges a card more than is due', () => {
    const card = { scheme: 'VISA', maskedPan: '****1234', approvalCode: '1', terminalRef: '1' };
    expect(applyTender(saleOf(1), { id: 't', kind: 'card', amount: 1001, card }, KOREAN_VAT)).toMatchObject({ ok: false, code: 'card_over_due' });
  });

  it('refuses a tender on an empty basket, a zero amount, and completing an unpaid sale', () => {
    const empty = openSale('s', 'staff', '2026-11-25T00:00:00.000Z', 'KRW');
    expect(applyTender(empty, { id: 't', kind: 'cash', amount: 1000 }, KOREAN_VAT)).toMatchObject({ ok: false, code: 'basket_empty' });
    expect(applyTender(saleOf(1), { id: 't', kind: 'cash', amount: 0 }, KOREAN_VAT)).toMatchObject({ ok: false, code: 'amount_invalid' });
    expect(completeSale(saleOf(1), facts, KOREAN_VAT)).toMatchObject({ ok: false, code: 'sale_not_paid' });
  });

  it('makes receipt numbers people can read: store-till-sequence', () => {
    expect(receiptNumberOf('0001', '01', 42)).toBe('0001-01-000042');
  });

  it('balances every sale: tenders minus change equals the total (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.integer({ min: 1, max: 20000 }), { minLength: 1, maxLength: 8 }), (items, cash) => {
        let s = saleOf(items);
        for (const [i, amount] of cash.entries()) {
          const r = applyTender(s, { id: `t${i}`, kind: 'cash', amount }, KOREAN_VAT);
          if (r.ok) s = r.value;
        }
        const done = completeSale(s, facts, KOREAN_VAT);
        if (done.ok) {
          const paid = done.value.tenders.reduce((a, t) => a + t.amount, 0);
          expect(paid - done.value.change).toBe(done.value.totals.total);
        } else {
          expect(salePayment(s, KOREAN_VAT).due).toBeGreaterThan(0);
        }
      }),
    );
  });
});
