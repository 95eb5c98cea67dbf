import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { launchChromium } from '../support/browser.ts';
import { centralSales } from '../support/central-query.ts';
import { lanePage, won } from '../support/lane-page.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';
import { waitFor } from '../support/wait-for.ts';

const { ramen, water } = DEMO_PRODUCTS;

let rig: TillRig;
let browser: Browser;
let page: Page;
let lane: ReturnType<typeof lanePage>;

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

describe('a split tender at the lane', () => {
  it('takes part in cash, charges the card only the rest, and the central server receives both tenders', async () => {
    await lane.ring(ramen.barcode);
    await lane.ring(ramen.barcode);
    await lane.ring(water.barcode);
    const total = ramen.price * 2 + water.price;
    await expect.poll(() => lane.summary().getByLabel('합계').textContent()).toBe(won(total));

    const cash = 1000;
    await lane.payCash(cash);
    // Cash short of the total is a tender taken, not a sale finished: the rest is due.
    await expect.poll(() => lane.summary().getByLabel('결제액').textContent()).toBe(won(cash));
    await expect.poll(() => lane.summary().getByLabel('남은 금액').textContent()).toBe(won(total - cash));

    await page.keyboard.press('F3'); // the lab terminal approves
    const receiptNumber = await lane.receiptNumber();
    await expect.poll(() => lane.done().getByLabel('거스름돈').textContent()).toBe(won(0));

    const [central] = await waitFor('the split sale in the central server', async () => {
      const s = await centralSales(rig.central.url, receiptNumber);
      return s.length > 0 ? s : undefined;
    });
    expect(central?.totals.total).toBe(total);
    expect(central?.tenders.map((t) => [t.kind, t.amount])).toEqual([
      ['CASH', cash],
      ['CARD', total - cash],
    ]);
    expect(central?.tenders[1]?.card?.maskedPan).toMatch(/^\*+\d{4}$/);
  });
});
