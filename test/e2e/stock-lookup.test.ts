import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { DEMO_SOLD_OUT_HERE } from '../../fixtures/demo-store/stock.ts';
import { otherStore } from '../../fixtures/demo-store/store.ts';
import { useLaneSession } from '../support/lane-session.ts';

const session = useLaneSession('1234');
const page = () => session.page;
const dialog = () => page().getByRole('dialog', { name: '상품 검색' });
const searchBox = () => dialog().getByRole('combobox', { name: /상품명 또는 초성/ });
const stockOf = (name: string) => dialog().getByRole('region', { name: `${name} 재고` });

async function stockFor(query: string, name: string) {
  await searchBox().fill(query);
  await expect.poll(() => dialog().getByRole('option', { selected: true }).textContent()).toContain(name);
  await searchBox().press('Alt+KeyI');
}

describe('stock here and in nearby stores, from the product search', () => {
  const banana = DEMO_SOLD_OUT_HERE.product;
  const bananaName = banana.name['ko'] ?? '';

  it('tells the cashier a product is sold out here and which store nearby has it, how far away', async () => {
    await page().keyboard.press('F5');
    await stockFor(bananaName, bananaName);
    await expect.poll(() => stockOf(bananaName).textContent()).toContain('이 매장: 재고 없음');
    const nearby = stockOf(bananaName).getByRole('table', { name: '가까운 매장 재고' });
    expect(await nearby.getByRole('row').allTextContents()).toEqual([
      expect.stringContaining('매장'),
      expect.stringMatching(new RegExp(`${otherStore.name}${DEMO_SOLD_OUT_HERE.elsewhere.onHand}개5\\.\\d km`)),
    ]);
  });

  it('shows a sale rung here drawn from this store’s stock once the centre has it', async () => {
    const water = DEMO_PRODUCTS.water;
    const waterName = water.name['ko'] ?? '';
    await stockFor(waterName, waterName);
    const before = Number(/이 매장: (\d+)개/.exec((await stockOf(waterName).textContent({ timeout: 10_000 })) ?? '')?.[1]);
    expect(before).toBeGreaterThan(1);
    await searchBox().press('Escape');

    await session.lane.ring(water.barcode);
    await session.lane.payCash();
    await session.lane.receiptNumber();
    await expect.poll(() => page().getByText(/대기 \d+건/).count(), { timeout: 20_000 }).toBe(0);
    await session.lane.newSale();

    await page().keyboard.press('F5');
    await stockFor(waterName, waterName);
    await expect.poll(() => stockOf(waterName).textContent()).toContain(`이 매장: ${before - 1}개`);
  });

  it('says plainly that stock needs the central API when it is down, and leaves the search usable', async () => {
    await session.rig.central.close();
    await stockFor(bananaName, bananaName);
    await expect.poll(() => dialog().getByRole('alert').textContent()).toContain('재고 조회는 본사 연결이 필요합니다');
    // The search itself is on the till: it still finds and rings.
    await searchBox().press('Enter');
    await expect.poll(() => session.lane.basket().getByRole('row', { name: new RegExp(bananaName) }).count()).toBe(1);
  });
});
