import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { launchChromium } from '../support/browser.ts';
import { centralSales } from '../support/central-query.ts';
import { lanePage, won } from '../support/lane-page.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';
import { waitFor } from '../support/wait-for.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';

const { ramen } = DEMO_PRODUCTS;
const twoPlusOne = { id: 'promo-ramen-2+1', name: { ko: '라면 2+1', en: 'Ramen 2+1' }, rule: { kind: 'buy_n_get_m', buy: 2, free: 1, productIds: [ramen.id] } };

let rig: TillRig;
let browser: Browser;
let page: Page;
let lane: ReturnType<typeof lanePage>;

/** Waits for a pull round that began after now: one that ends after now may have started before. */
async function tillPulledSinceNow(): Promise<void> {
  const client = await NodeTillClient.connect(rig.host.url);
  try {
    const lastPull = async () => (await client.call('till.status', {})).sync.lastPullAt ?? '';
    const now = new Date().toISOString();
    const first = await waitFor('a pull round ending after the publish', async () => {
      const at = await lastPull();
      return at > now ? at : undefined;
    });
    await waitFor('a pull round starting after the publish', async () => (await lastPull()) > first);
  } finally {
    client.close();
  }
}

beforeAll(async () => {
  rig = await startTillRig();
  await rig.ready();
  browser = await launchChromium();
  page = await browser.newPage();
  lane = lanePage(page, rig);
  await page.goto(rig.host.url);
  await lane.signIn('1234');
});

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('a promotion from the central server at the lane', () => {
  it('gives the third ramen free on a 2+1 published by the back office, shows the saving, prints it, and the central server gets the net sale', async () => {
    // The back office publishes over the central API's admin side; the till pulls it on its promotions stream.
    rig.central.admin.publishPromotion({ id: twoPlusOne.id, document: JSON.stringify(twoPlusOne), startsAt: null, endsAt: null });
    await tillPulledSinceNow();

    for (let i = 0; i < 3; i++) await lane.ring(ramen.barcode);
    const total = ramen.price * 2;
    await expect.poll(() => lane.summary().getByLabel('합계').textContent()).toBe(won(total));
    const savings = lane.summary().getByRole('region', { name: '할인 내역' }).getByRole('listitem');
    await expect.poll(() => savings.count()).toBe(1);
    expect(await savings.getAttribute('aria-label')).toBe(`라면 2+1  ${won(-ramen.price)}`);
    await expect.poll(() => lane.summary().getByLabel('총 할인').textContent()).toBe(won(-ramen.price));
    const row = lane.basket().getByRole('row', { name: new RegExp(ramen.name['ko'] ?? '') });
    await expect.poll(() => row.textContent()).toContain(`할인 ${won(-ramen.price)}`);

    await lane.payCash(5000);
    const receiptNumber = await lane.receiptNumber();
    const receipt = await waitFor('the printed receipt', () => rig.lab.printer.receipts().at(-1));
    const text = receipt.lines.join('\n');
    expect(text).toMatch(new RegExp(`라면 2\\+1\\s+-${ramen.price.toLocaleString('en-US')}`));
    expect(text).toMatch(new RegExp(`할인 합계\\s+-${ramen.price.toLocaleString('en-US')}`));

    const [central] = await waitFor('the sale in the central server', async () => {
      const s = await centralSales(rig.central.url, receiptNumber);
      return s.length > 0 ? s : undefined;
    });
    expect(central?.totals).toMatchObject({ total, itemCount: 3 });
    // The centre sees the saving on the line, so the net sale is not flagged as a totals mismatch.
    expect(central?.flag).toBeNull();
    expect(central?.lines.map((l) => l.discount)).toEqual([ramen.price]);
  });
});
