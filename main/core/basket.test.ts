import { describe, expect, it } from 'vitest';
import { addItem, basketTotals, emptyBasket, setQuantity, voidLine, type Basket } from './basket.ts';
import { KOREAN_VAT } from './tax.ts';
import type { Product } from './product.ts';
import type { Result } from './result.ts';

const ramen: Product = { id: 'p1', barcode: '8801043015035', name: { ko: '라면', en: 'Ramen' }, price: 1500, currency: 'KRW', taxClass: 'VAT10', category: 'noodles' };
const banana: Product = { id: 'p2', barcode: '8800000000017', name: { ko: '바나나', en: 'Banana' }, price: 3000, currency: 'KRW', taxClass: 'TAX_FREE', category: 'fruit' };

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

describe('basket', () => {
  it('adds the quantity to the last line when the same product is scanned again', () => {
    let b: Basket = emptyBasket('KRW');
    b = value(addItem(b, ramen, 1, 'l1'));
    b = value(addItem(b, ramen, 1, 'l2'));
    expect(b.lines).toHaveLength(1);
    expect(b.lines[0]?.quantity).toBe(2);
  });

  it('starts a new line when another product came in between', () => {
    let b: Basket = emptyBasket('KRW');
    b = value(addItem(b, ramen, 1, 'l1'));
    b = value(addItem(b, banana, 1, 'l2'));
    b = value(addItem(b, ramen, 1, 'l3'));
    expect(b.lines.map((l) => l.lineId)).toEqual(['l1', 'l2', 'l3']);
  });

  it('keeps a voided line for the journal but counts nothing for it', () => {
    let b: Basket = emptyBasket('KRW');
    b = value(addItem(b, ramen, 2, 'l1'));
    b = value(addItem(b, banana, 1, 'l2'));
    b = value(voidLine(b, 'l1'));
    const t = basketTotals(b, KOREAN_VAT);
    expect(b.lines).toHaveLength(2);
    expect(t.total.minor).toBe(3000);
    expect(t.itemCount).toBe(1);
    expect(t.tax.taxFree.minor).toBe(3000);
  });

  it('does not merge a scan into a voided line', () => {
    let b: Basket = emptyBasket('KRW');
    b = value(addItem(b, ramen, 1, 'l1'));
    b = value(voidLine(b, 'l1'));
    b = value(addItem(b, ramen, 1, 'l2'));
    expect(b.lines).toHaveLength(2);
  });

  it('refuses to void a line twice or a line that is not there', () => {
    const b = value(addItem(emptyBasket('KRW'), ramen, 1, 'l1'));
    const once = value(voidLine(b, 'l1'));
    expect(voidLine(once, 'l1')).toMatchObject({ ok: false, code: 'line_voided' });
    expect(voidLine(b, 'nope')).toMatchObject({ ok: false, code: 'line_not_found' });
  });

  it('refuses quantities that are not whole numbers from 1 to 999', () => {
    const b = value(addItem(emptyBasket('KRW'), ramen, 1, 'l1'));
    expect(setQuantity(b, 'l1', 0)).toMatchObject({ ok: false, code: 'quantity_invalid' });
    expect(setQuantity(b, 'l1', 1.5)).toMatchObject({ ok: false, code: 'quantity_invalid' });
    expect(addItem(b, ramen, 1000, 'l2')).toMatchObject({ ok: false, code: 'quantity_invalid' });
    expect(value(setQuantity(b, 'l1', 3)).lines[0]?.quantity).toBe(3);
  });

  it('refuses a product priced in another currency', () => {
    expect(addItem(emptyBasket('KRW'), { ...ramen, currency: 'EUR' }, 1, 'l1')).toMatchObject({ ok: false, code: 'currency_mismatch' });
  });

  it('totals with VAT on the taxable lines and tax-free lines apart', () => {
    let b: Basket = emptyBasket('KRW');
    b = value(addItem(b, ramen, 3, 'l1'));
    b = value(addItem(b, banana, 1, 'l2'));
    const t = basketTotals(b, KOREAN_VAT);
    expect(t.total.minor).toBe(7500);
    expect(t.tax.tax.minor).toBe(409);
    expect(t.tax.taxableSupply.minor).toBe(4091);
    expect(t.tax.taxFree.minor).toBe(3000);
  });
});
