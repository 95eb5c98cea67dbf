import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addItem, voidLine } from './basket.ts';
import type { Product } from './product.ts';
import { completeSale, openSale, type OpenSale } from './sale.ts';
import { KOREAN_VAT } from './tax.ts';
import { type Fulfilment, liveOrderedLines, orderForLater, savedOrders, takeNow } from './saved-sale.ts';

const product = (id: string, price: number): Product => ({ id, barcode: `880000000${id.padStart(4, '0')}`, name: { ko: id }, price, currency: 'KRW', taxClass: 'VAT10', category: 'grocery' });
const banana = product('1', 3500);
const ramen = product('2', 1200);

function saleWith(...items: Product[]): OpenSale {
  let sale = openSale('s1', 'staff-1', '2026-11-25T10:00:00Z', 'KRW');
  items.forEach((p, i) => {
    const r = addItem(sale.basket, p, 1, `L${i + 1}`);
    if (!r.ok) throw new Error(r.message);
    sale = { ...sale, basket: r.value };
  });
  return sale;
}

const jamsil: Fulfilment = { kind: 'pickup', storeId: 'store-jamsil', storeName: '잠실점', customerName: '김고객', phone: '010-1234-5678' };
const home: Fulfilment = { kind: 'delivery', customerName: '김고객', phone: '01012345678', address: '서울 송파구 올림픽로 1' };

const ordered = (r: ReturnType<typeof orderForLater>): OpenSale => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('saving the sale: ordering a line for later', () => {
  it('orders a live line for pickup at another store, and takes it back', () => {
    const sale = ordered(orderForLater(saleWith(banana, ramen), 'L1', jamsil, 'store-gangnam'));
    expect(sale.ordered).toEqual([{ lineId: 'L1', fulfilment: jamsil }]);
    expect(takeNow(sale, 'L1').ordered).toBeUndefined();
  });

  it('refuses what a store cannot order: this store, a missing contact, a voided line, a weighed item, alcohol by post', () => {
    const sale = saleWith(banana);
    expect(orderForLater(sale, 'L1', { ...jamsil, storeId: 'store-gangnam' }, 'store-gangnam')).toMatchObject({ ok: false, code: 'own_store' });
    expect(orderForLater(sale, 'L1', { ...jamsil, phone: '12' }, 'store-gangnam')).toMatchObject({ ok: false, code: 'contact_invalid' });
    expect(orderForLater(sale, 'L1', { ...home, address: '' }, 'store-gangnam')).toMatchObject({ ok: false, code: 'contact_invalid' });
    const voided = voidLine(sale.basket, 'L1');
    if (!voided.ok) throw new Error(voided.message);
    expect(orderForLater({ ...sale, basket: voided.value }, 'L1', jamsil, 'store-gangnam')).toMatchObject({ ok: false, code: 'line_not_found' });
    const weighed = { ...sale, basket: { ...sale.basket, lines: sale.basket.lines.map((l) => ({ ...l, measure: { grams: 500, pricePerKg: 7000 } })) } };
    expect(orderForLater(weighed, 'L1', jamsil, 'store-gangnam')).toMatchObject({ ok: false, code: 'line_weighed' });
    const soju = { ...sale, basket: { ...sale.basket, lines: sale.basket.lines.map((l) => ({ ...l, ageCheck: { state: 'confirmed' as const } })) } };
    expect(orderForLater(soju, 'L1', home, 'store-gangnam')).toMatchObject({ ok: false, code: 'age_restricted_delivery' });
    expect(orderForLater(soju, 'L1', jamsil, 'store-gangnam').ok).toBe(true);
  });

  it('refuses once payment has started, so what was paid is what is ordered', () => {
    const sale = { ...saleWith(banana), tenders: [{ id: 't', kind: 'cash' as const, amount: 1000 }] };
    expect(orderForLater(sale, 'L1', jamsil, 'store-gangnam')).toMatchObject({ ok: false, code: 'sale_has_tenders' });
  });

  it('carries only live ordered lines into the completed sale', () => {
    let sale = ordered(orderForLater(saleWith(banana, ramen), 'L1', jamsil, 'store-gangnam'));
    sale = ordered(orderForLater(sale, 'L2', home, 'store-gangnam'));
    const v = voidLine(sale.basket, 'L2');
    if (!v.ok) throw new Error(v.message);
    sale = { ...sale, basket: v.value, tenders: [{ id: 't', kind: 'cash', amount: 3500 }] };
    expect(liveOrderedLines(sale)).toEqual([{ lineId: 'L1', fulfilment: jamsil }]);
    const done = completeSale(sale, { receiptNumber: '0001-01-000042', sequence: 42, storeId: 'store-gangnam', tillId: 't1', businessDay: '2026-11-25', completedAt: '2026-11-25T10:01:00Z' }, KOREAN_VAT);
    if (!done.ok) throw new Error(done.message);
    expect(done.value.ordered).toEqual([{ lineId: 'L1', fulfilment: jamsil }]);
  });
});

describe('saved orders of a sale', () => {
  it('groups lines going the same way into one order, numbered from the receipt', () => {
    const orders = savedOrders('0001-01-000042', [
      { lineId: 'L1', fulfilment: jamsil },
      { lineId: 'L2', fulfilment: home },
      { lineId: 'L3', fulfilment: jamsil },
    ]);
    expect(orders).toEqual([
      { orderNumber: '00010100004201', fulfilment: jamsil, lineIds: ['L1', 'L3'] },
      { orderNumber: '00010100004202', fulfilment: home, lineIds: ['L2'] },
    ]);
  });

  it('puts every ordered line in exactly one order, and never gives two orders one number', () => {
    const way = fc.constantFrom<Fulfilment>(jamsil, home, { ...jamsil, storeId: 'store-x', storeName: 'X' }, { ...home, address: '부산 해운대구 1' });
    fc.assert(
      fc.property(fc.array(way, { maxLength: 12 }), (ways) => {
        const lines = ways.map((fulfilment, i) => ({ lineId: `L${i}`, fulfilment }));
        const orders = savedOrders('0001-01-000007', lines);
        expect(orders.flatMap((o) => o.lineIds).sort()).toEqual(lines.map((l) => l.lineId).sort());
        expect(new Set(orders.map((o) => o.orderNumber)).size).toBe(orders.length);
        for (const o of orders) expect(o.orderNumber).toMatch(/^\d{14}$/);
      }),
    );
  });
});
