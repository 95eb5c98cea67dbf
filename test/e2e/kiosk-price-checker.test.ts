import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { DEMO_SOLD_OUT_HERE } from '../../fixtures/demo-store/stock.ts';
import { launchChromium } from '../support/browser.ts';
import { won } from '../support/lane-page.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { waitFor } from '../support/wait-for.ts';
import type { Browser, Page } from 'playwright-core';

const { ramen, banana } = DEMO_PRODUCTS;

let rig: TillRig;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  rig = await startTillRig({ config: { role: 'price-checker' } });
  await rig.ready();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(rig.host.url);
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('the price checker on the shop floor', () => {
  it('shows price and the running offer for a scanned item, rings nothing, and finds items by name with their stock here and nearby', async () => {
    await page.getByRole('heading', { name: '가격 확인' }).waitFor();
    // The back office runs a 2+1 on ramen; the checker hears of it on the promotions stream.
    const promo = { id: 'promo-ramen-2+1', name: { ko: '라면 2+1', en: 'Ramen 2+1' }, rule: { kind: 'buy_n_get_m', buy: 2, free: 1, productIds: [ramen.id] } };
    rig.central.admin.publishPromotion({ id: promo.id, document: JSON.stringify(promo), startsAt: null, endsAt: null });
    const client = await NodeTillClient.connect(rig.host.url);
    try {
      await waitFor('the promotion on the checker', async () => ((await client.call('kiosk.priceCheck', { code: ramen.barcode })).promotions.length > 0 ? true : undefined));

      rig.lab.scanner.scan(ramen.barcode);
      const card = page.getByRole('region', { name: ramen.name['ko'] ?? '' });
      await card.waitFor();
      expect(await card.getByLabel('가격').textContent()).toBe(won(ramen.price));
      expect(await card.getByRole('list', { name: '행사' }).textContent()).toContain('라면 2+1');
      await expect.poll(() => card.getByRole('list', { name: '재고' }).textContent()).toMatch(/이 매장 \d+개/);
      expect(await card.textContent()).toContain('추천 상품아직 제공되지 않습니다');
      // A price check is not a sale.
      expect((await client.call('till.status', {})).sale).toBeNull();
    } finally {
      client.close();
    }

    // In English, by name: bananas are sold out here and held at the other store.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('searchbox', { name: 'Product name' }).fill('바나나');
    await page.getByRole('list', { name: 'Results' }).getByRole('button', { name: banana.name['en'] ?? '' }).click();
    const bananaCard = page.getByRole('region', { name: banana.name['en'] ?? '' });
    await bananaCard.waitFor();
    expect(await bananaCard.getByText('No offers on this item right now').count()).toBe(1);
    await expect.poll(() => bananaCard.getByRole('list', { name: 'Stock' }).textContent()).toContain('0 in this store');
    expect(await bananaCard.getByRole('list', { name: 'Stock' }).textContent()).toContain(`: ${DEMO_SOLD_OUT_HERE.elsewhere.onHand} (`);

    // An unknown barcode is said so, in the shopper's language.
    rig.lab.scanner.scan('8800000000017');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('No product found for 8800000000017');
  });
});
