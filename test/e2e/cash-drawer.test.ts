import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { launchChromium } from '../support/browser.ts';
import { lanePage } from '../support/lane-page.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';

const { ramen, water } = DEMO_PRODUCTS;

let rig: TillRig;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  rig = await startTillRig();
  await rig.ready();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(rig.host.url);
});

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('the cash drawer (browser mode, lab printer with its drawer)', () => {
  it('opens on a cash sale, the lane asks to close it while the next sale starts, and the prompt goes when the drawer is shut', async () => {
    const lane = lanePage(page, rig);
    await lane.signIn('1234');
    const devices = page.getByRole('list', { name: '장치 상태' });
    await expect.poll(() => devices.textContent()).toContain('금전함: 닫힘');
    const prompt = page.getByRole('status', { name: '금전함이 열려 있습니다. 금전함을 닫아 주세요.' });
    expect(await prompt.count()).toBe(0);

    await lane.ring(ramen.barcode);
    await lane.payCash();
    await lane.receiptNumber();
    // The printer kicked the drawer after the commit; the lab's drawer switch reports it open.
    expect(rig.lab.printer.state()).toMatchObject({ drawer: 'open', drawerKicks: 1 });
    await prompt.waitFor();
    await expect.poll(() => devices.textContent()).toContain('금전함: 열림');

    // The prompt asks but does not block: the next customer's item rings with the drawer still open.
    await lane.newSale();
    await lane.ring(water.barcode);
    await expect.poll(() => lane.basket().getByRole('row').count()).toBe(2);
    expect(await prompt.count()).toBe(1);

    // The cashier pushes the drawer shut: played on the lab's control page.
    const labPage = await browser.newPage();
    await labPage.goto(rig.lab.control.url);
    expect(await labPage.getByText(/drawer open/).count()).toBe(1);
    await labPage.getByRole('button', { name: 'Close the drawer' }).click();
    await labPage.getByText(/drawer closed/).waitFor();
    expect(rig.lab.printer.state().drawer).toBe('closed');
    await prompt.waitFor({ state: 'detached' });
    await expect.poll(() => devices.textContent()).toContain('금전함: 닫힘');
  });
});
