import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { type DemoTill, demoTills } from '../../fixtures/demo-store/store.ts';
import { launchChromium } from '../support/browser.ts';
import { centralSales } from '../support/central-query.ts';
import { lanePage, won } from '../support/lane-page.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { waitFor } from '../support/wait-for.ts';

// Two tills of 강남점 (each its own host process, lab and browser page) on one central server: a
// sale suspended at till 01 is resumed at till 02, at the prices it was rung at, and paid there.
const { ramen, water, banana } = DEMO_PRODUCTS;
const NEW_RAMEN_PRICE = 1500;

let root: string;
let central: Central | null = null;
let browser: Browser;
const tills: { rig: TillRig; page: Page; lane: ReturnType<typeof lanePage>; client: NodeTillClient }[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'suspend-two-tills-'));
  central = await startCentral({ dbPath: path.join(root, 'central.db') });
  browser = await launchChromium();
  for (const till of demoTills.slice(0, 2) as DemoTill[]) {
    const rig = await startTillRig({ central, till });
    await rig.ready();
    const page = await browser.newPage();
    const lane = lanePage(page, rig);
    await page.goto(rig.host.url);
    await lane.signIn('1234');
    tills.push({ rig, page, lane, client: await NodeTillClient.connect(rig.host.url) });
  }
});

afterAll(async () => {
  for (const t of tills) t.client.close();
  await browser?.close();
  for (const t of tills) await t.rig.close();
  await central?.close();
  rmSync(root, { recursive: true, force: true });
});

const till = (i: 0 | 1) => {
  const t = tills[i];
  if (!t) throw new Error(`till ${i + 1} did not start`);
  return t;
};
const pushed = (i: 0 | 1) => waitFor(`till ${i + 1} pushed its outbox`, async () => (await till(i).client.call('till.status', {})).sync.queued === 0 || undefined);
const suspendedList = (page: Page) => page.getByRole('dialog', { name: '보류 거래' }).getByRole('list', { name: '보류 거래 목록' }).getByRole('button');

describe('a sale suspended at one till, resumed at another of the store', () => {
  it('is resumed at till 02 with its lines and the prices it was rung at, paid there, and gone from till 01', async () => {
    const one = till(0);
    const two = till(1);
    await one.lane.ring(ramen.barcode);
    await one.lane.ring(ramen.barcode);
    await one.lane.ring(water.barcode);
    await one.page.keyboard.press('Alt+S');
    await expect.poll(() => one.page.getByRole('status').filter({ hasText: '거래를 보류했습니다' }).count()).toBe(1);
    await pushed(0);

    // The price of ramen changes centrally and reaches till 02 before it resumes the sale.
    expect(central?.admin.setPrice(ramen.barcode, NEW_RAMEN_PRICE)).toBe(true);
    await waitFor('the new ramen price at till 02', async () => {
      const hits = await two.client.call('catalog.search', { query: ramen.name['ko'] ?? '', limit: 5 });
      return hits.some((h) => h.barcode === ramen.barcode && h.price === NEW_RAMEN_PRICE) || undefined;
    });

    await two.page.keyboard.press('Alt+R');
    const entries = suspendedList(two.page);
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().textContent()).toContain(`01번 계산대`);
    expect(await entries.first().textContent()).toContain(`3개 · ${won(ramen.price * 2 + water.price)}`);
    await entries.first().focus();
    await two.page.keyboard.press('Enter');
    await two.page.getByRole('dialog', { name: '보류 거래' }).waitFor({ state: 'detached' });

    const ramenRow = two.lane.basket().getByRole('row', { name: new RegExp(ramen.name['ko'] ?? '') });
    await expect.poll(() => ramenRow.getByRole('cell').nth(1).textContent()).toBe('2');
    // The snapshot taken when the lines were rung, not the price pulled since.
    expect(await ramenRow.getByRole('cell').nth(2).textContent()).toBe(won(ramen.price));
    await expect.poll(() => two.lane.summary().getByLabel('합계').textContent()).toBe(won(ramen.price * 2 + water.price));

    await two.lane.payCash();
    const receipt = await two.lane.receiptNumber();
    expect(receipt).toMatch(/^0001-02-/);
    await pushed(1);

    const [sale] = await waitFor('the sale at the central server', async () => {
      const found = await centralSales(central?.url ?? '', receipt);
      return found.length > 0 ? found : undefined;
    });
    expect(sale?.tillId).toBe('till-0001-02');
    expect(sale?.lines.map((l) => [l.barcode, l.quantity, l.unitPrice])).toEqual([[ramen.barcode, 2, ramen.price], [water.barcode, 1, water.price]]);
    // One sale in all, from till 02; the suspended sale is marked resumed there.
    expect(central?.admin.salesCount()).toBe(1);
    expect(central?.admin.suspendedSale(sale?.id ?? '')).toMatchObject({ tillNumber: '01', resumedTillNumber: '02' });

    await one.page.keyboard.press('Alt+R');
    await expect.poll(() => one.page.getByRole('dialog', { name: '보류 거래' }).textContent()).toContain('보류된 거래가 없습니다');
    await one.page.keyboard.press('Escape');
  });

  it('lets only the first of two tills resume a suspended sale; the second is told another till has it', async () => {
    const one = till(0);
    const two = till(1);
    await two.lane.newSale();
    await one.lane.ring(banana.barcode);
    await one.page.keyboard.press('Alt+S');
    await expect.poll(() => one.page.getByRole('status').filter({ hasText: '거래를 보류했습니다' }).count()).toBe(1);
    await pushed(0);

    // Till 02 lists it; before its cashier picks it, till 01 resumes it (a claim at the centre too).
    await two.page.keyboard.press('Alt+R');
    const entries = suspendedList(two.page);
    await expect.poll(() => entries.count()).toBe(1);
    await one.page.keyboard.press('Alt+R');
    await expect.poll(() => suspendedList(one.page).count()).toBe(1);
    await suspendedList(one.page).first().focus();
    await one.page.keyboard.press('Enter');
    await one.page.getByRole('dialog', { name: '보류 거래' }).waitFor({ state: 'detached' });
    await expect.poll(() => one.lane.summary().getByLabel('합계').textContent()).toBe(won(banana.price));

    await entries.first().focus();
    await two.page.keyboard.press('Enter');
    const dialog = two.page.getByRole('dialog', { name: '보류 거래' });
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('다른 계산대에서 이미 불러간 보류 거래입니다');
    await two.page.keyboard.press('Escape');
    // Nothing was rung at till 02; till 01 still has the banana.
    await expect.poll(() => two.lane.summary().getByLabel('합계').textContent()).toBe(won(0));
    expect(await one.lane.summary().getByLabel('합계').textContent()).toBe(won(banana.price));
    await one.lane.payCash();
    await one.lane.receiptNumber();
  });

  it('offline lists only this till\'s suspended sales, says so, and still resumes its own', async () => {
    const one = till(0);
    await one.lane.newSale();
    await one.lane.ring(water.barcode);
    await one.page.keyboard.press('Alt+S');
    await expect.poll(() => one.page.getByRole('status').filter({ hasText: '거래를 보류했습니다' }).count()).toBe(1);
    await central?.close();
    central = null;
    await waitFor('till 01 offline', async () => (await one.client.call('till.status', {})).sync.online === false || undefined);

    await one.page.keyboard.press('Alt+R');
    const dialog = one.page.getByRole('dialog', { name: '보류 거래' });
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('이 계산대의 보류 거래만 표시합니다');
    await expect.poll(() => suspendedList(one.page).count()).toBe(1);
    await suspendedList(one.page).first().focus();
    await one.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => one.lane.summary().getByLabel('합계').textContent()).toBe(won(water.price));
  });
});
