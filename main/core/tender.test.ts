import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addItem } from './basket.ts';
import { applyTender, completeSale, openSale, salePayment, type OpenSale } from './sale.ts';
import { KOREAN_VAT } from './tax.ts';
import type { Product } from './product.ts';
import { type Tender, type TenderKind, isStoredValue, maskNumber, mayExceedDue, paymentState } from './tender.ts';
import { checkInstalment, instalmentChoices } from './tenders/instalment.ts';
import { checkStoredValueAmount, defaultStoredValueAmount, readStoredValueNumber } from './tenders/stored-value.ts';
import { looksLikeMobilePayBarcode, readMobilePayBarcode } from './tenders/mobile-pay.ts';

const item = (price: number): Product => ({ id: `p${price}`, barcode: '8800000000024', name: { ko: '상품' }, price, currency: 'KRW', taxClass: 'VAT10', category: 'misc' });
const facts = { receiptNumber: '0001-01-000001', sequence: 1, storeId: 's', tillId: 't', businessDay: '2026-11-25', completedAt: '2026-11-25T01:00:00.000Z' };

function saleOf(price: number, quantity = 1): OpenSale {
  const s = openSale('sale-1', 'staff-1', '2026-11-25T00:59:00.000Z', 'KRW');
  const added = addItem(s.basket, item(price), quantity, 'l1');
  if (!added.ok) throw new Error(added.message);
  return { ...s, basket: added.value };
}

const card = { scheme: 'VISA', maskedPan: '****1234', approvalCode: '1', terminalRef: '1' };
function tenderOf(kind: TenderKind, id: string, amount: number): Tender {
  switch (kind) {
    case 'cash':
      return { id, kind, amount };
    case 'card':
      return { id, kind, amount, card };
    case 'points':
      return { id, kind, amount, points: { memberId: 'm', claimId: `c-${id}` } };
    case 'giftCard':
    case 'storeCredit':
      return { id, kind, amount, storedValue: { accountId: 'a', maskedNumber: '****9012', claimId: `c-${id}`, balanceAfter: 0 } };
    case 'mobile':
      return { id, kind, amount, mobile: { provider: 'KAKAOPAY', maskedToken: '****3456', approvalCode: '7', paymentId: `p-${id}` } };
  }
}

const kinds: TenderKind[] = ['cash', 'card', 'points', 'giftCard', 'storeCredit', 'mobile'];

describe('tenders', () => {
  it('takes a gift card, store credit and a mobile payment only up to what is due; only cash gives change', () => {
    for (const kind of ['giftCard', 'storeCredit', 'mobile'] as const) {
      expect(applyTender(saleOf(3000), tenderOf(kind, 't', 3001), KOREAN_VAT)).toMatchObject({ ok: false, code: 'tender_over_due' });
      const exact = applyTender(saleOf(3000), tenderOf(kind, 't', 3000), KOREAN_VAT);
      expect(exact.ok && salePayment(exact.value, KOREAN_VAT)).toMatchObject({ due: 0, change: 0, complete: true });
    }
    expect(mayExceedDue('cash')).toBe(true);
    expect(kinds.filter(mayExceedDue)).toEqual(['cash']);
  });

  it('splits a sale across a gift card and cash, the cash giving the change', () => {
    const a = applyTender(saleOf(12_000), tenderOf('giftCard', 'g', 10_000), KOREAN_VAT);
    if (!a.ok) throw new Error(a.message);
    expect(salePayment(a.value, KOREAN_VAT)).toMatchObject({ paid: 10_000, due: 2000, complete: false });
    const b = applyTender(a.value, tenderOf('cash', 'c', 5000), KOREAN_VAT);
    if (!b.ok) throw new Error(b.message);
    const done = completeSale(b.value, facts, KOREAN_VAT);
    expect(done).toMatchObject({ ok: true, value: { change: 3000 } });
    expect(done.ok && done.value.tenders.filter(isStoredValue).map((t) => t.storedValue.maskedNumber)).toEqual(['****9012']);
  });

  it('masks a number to its last four digits, whatever separates its groups', () => {
    expect(maskNumber('9410 0000 0000 1234')).toBe('****1234');
    expect(maskNumber('281234567890123456')).toBe('****3456');
  });

  it('property: any mix of tenders never loses a won, and change comes only from cash', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500_000 }),
        fc.array(fc.record({ kind: fc.constantFrom(...kinds), share: fc.integer({ min: 1, max: 1_000_000 }) }), { minLength: 1, maxLength: 12 }),
        (total, attempts) => {
          let sale = saleOf(total);
          attempts.forEach((a, i) => {
            const due = salePayment(sale, KOREAN_VAT).due;
            // Amounts around what is due: under it, exactly it and over it all happen.
            const amount = Math.max(1, Math.round((due * a.share) / 500_000));
            const r = applyTender(sale, tenderOf(a.kind, `t${i}`, amount), KOREAN_VAT);
            if (due === 0) expect(r).toMatchObject({ ok: false, code: 'nothing_due' });
            else if (amount > due && !mayExceedDue(a.kind)) expect(r.ok).toBe(false);
            else {
              expect(r.ok).toBe(true);
              if (r.ok) sale = r.value;
            }
            const s = paymentState(total, sale.tenders);
            // Every won is accounted for: paid = the total less what is still due plus the change.
            expect(s.paid).toBe(total - s.due + s.change);
            const cash = sale.tenders.filter((t) => t.kind === 'cash').reduce((x, t) => x + t.amount, 0);
            expect(s.change).toBeLessThanOrEqual(cash);
            if (s.change > 0) expect(sale.tenders.at(-1)?.kind).toBe('cash');
            // What was not paid in cash never exceeds the total: nothing but cash is handed back.
            expect(s.paid - cash).toBeLessThanOrEqual(total);
          });
        },
      ),
    );
  });
});

describe('card instalments (할부)', () => {
  it('offers 일시불 only under the minimum, and 2 to 12 months from it', () => {
    expect(instalmentChoices(49_999, 50_000)).toEqual([0]);
    expect(instalmentChoices(50_000, 50_000)).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('refuses 1 month, 13 months and instalments under the minimum', () => {
    expect(checkInstalment(3, 60_000, 50_000)).toEqual({ ok: true, value: 3 });
    expect(checkInstalment(0, 1000, 50_000)).toEqual({ ok: true, value: 0 });
    expect(checkInstalment(1, 60_000, 50_000)).toMatchObject({ ok: false, code: 'instalment_invalid' });
    expect(checkInstalment(13, 60_000, 50_000)).toMatchObject({ ok: false, code: 'instalment_invalid' });
    expect(checkInstalment(3, 49_000, 50_000)).toMatchObject({ ok: false, code: 'instalment_below_minimum' });
  });
});

describe('gift cards and store credit', () => {
  it('reads a number scanned or typed in groups, and refuses anything else', () => {
    expect(readStoredValueNumber(' 9410-0000-0000-1234 ')).toEqual({ ok: true, value: '9410000000001234' });
    expect(readStoredValueNumber('94100000')).toMatchObject({ ok: false, code: 'stored_value_number' });
    expect(readStoredValueNumber('9410abcd00001234')).toMatchObject({ ok: false, code: 'stored_value_number' });
  });

  it('defaults to the lesser of what is due and the balance, and refuses more than either', () => {
    expect(defaultStoredValueAmount(12_000, 10_000)).toBe(10_000);
    expect(defaultStoredValueAmount(8000, 10_000)).toBe(8000);
    expect(checkStoredValueAmount(10_001, 10_000, 20_000)).toMatchObject({ ok: false, code: 'stored_value_over_balance' });
    expect(checkStoredValueAmount(9000, 10_000, 8000)).toMatchObject({ ok: false, code: 'stored_value_over_due' });
    expect(checkStoredValueAmount(0, 10_000, 8000)).toMatchObject({ ok: false, code: 'stored_value_amount' });
  });
});

describe('mobile payment barcodes', () => {
  it('are 18 to 24 digits', () => {
    expect(readMobilePayBarcode('281234567890123456')).toEqual({ ok: true, value: '281234567890123456' });
    expect(readMobilePayBarcode('8809100000017')).toMatchObject({ ok: false, code: 'mobile_barcode' });
    expect(looksLikeMobilePayBarcode('1234567890123456789012345')).toBe(false);
  });
});
