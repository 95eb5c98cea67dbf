import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { useLaneSession } from '../support/lane-session.ts';

const { ramen, water } = DEMO_PRODUCTS;
const session = useLaneSession('1234');
const row = (name: string) => session.lane.basket().getByRole('row', { name: new RegExp(name) });
const alert = () => session.page.getByRole('alert');

describe("a customer's app cart taken over at the lane by its QR", () => {
  let qr = '';

  it('rings every item of the cart as if scanned, and the centre marks the cart taken', async () => {
    const cart = session.rig.central.admin.createAppCart([
      { barcode: ramen.barcode, quantity: 2 },
      { barcode: water.barcode, quantity: 1 },
    ]);
    qr = cart.qr;
    expect(qr).toMatch(/^OMNI-CART:[0-9A-F]{12}$/);
    session.rig.lab.scanner.scan(qr);
    await expect.poll(() => row(water.name['ko'] ?? '').count()).toBe(1);
    await expect.poll(() => row(ramen.name['ko'] ?? '').textContent()).toMatch(/2/);
    await expect.poll(() => session.lane.summary().textContent()).toContain(`${(ramen.price * 2 + water.price).toLocaleString('en-US')}`);
  });

  it('rings nothing twice: the same QR scanned again is refused with a message, the basket unchanged', async () => {
    const before = await session.lane.basket().textContent();
    session.rig.lab.scanner.scan(qr);
    await expect.poll(() => alert().textContent()).toContain('이미 계산대로 옮겨졌습니다');
    expect(await session.lane.basket().textContent()).toBe(before);
  });

  it('refuses a garbled cart code as a cart, not as a barcode', async () => {
    session.rig.lab.scanner.scan('OMNI-CART:XYZ');
    await expect.poll(() => alert().textContent()).toContain('앱 장바구니 코드가 올바르지 않습니다');
  });

  it('says offline that a cart needs the central API, and keeps the sale as it was', async () => {
    const cart = session.rig.central.admin.createAppCart([{ barcode: water.barcode, quantity: 1 }]);
    const before = await session.lane.basket().textContent();
    await session.rig.central.close();
    session.rig.lab.scanner.scan(cart.qr);
    await expect.poll(() => alert().textContent()).toContain('본사에 연결할 수 없습니다');
    expect(await session.lane.basket().textContent()).toBe(before);
  });
});
