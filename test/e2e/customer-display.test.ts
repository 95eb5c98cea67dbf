import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { launchChromium } from '../support/browser.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';

const { ramen, water } = DEMO_PRODUCTS;
const won = (n: number): string => `₩${n.toLocaleString('en-US')}`;

let rig: TillRig;
let browser: Browser;
let lane: Page;
let customer: Page;

beforeAll(async () => {
  rig = await startTillRig();
  await rig.ready();
  browser = await launchChromium();
  lane = await browser.newPage();
  customer = await browser.newPage();
  await lane.goto(rig.host.url);
  await customer.goto(`${rig.host.url}?view=customer`);
});

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('the customer display (a page in browser mode, a second window in Electron)', () => {
  it('welcomes, then shows each item and the total as the cashier rings, then the change', async () => {
    const display = customer.getByRole('main', { name: '고객 표시기' });
    await expect.poll(() => display.textContent()).toContain('어서 오세요');

    await lane.getByLabel('직원 PIN').fill('1234');
    await lane.keyboard.press('Enter');
    await lane.getByRole('table', { name: '장바구니' }).waitFor();
    rig.lab.scanner.scan(ramen.barcode);
    rig.lab.scanner.scan(water.barcode);

    const items = display.getByRole('list', { name: '구매 품목' });
    await expect.poll(() => items.getByRole('listitem').count()).toBe(2);
    expect(await items.textContent()).toContain(ramen.name['ko']);
    await expect.poll(() => display.getByLabel('합계').textContent()).toContain(won(ramen.price + water.price));

    await lane.keyboard.press('F2');
    await lane.getByLabel('받은 금액').fill('5000');
    await lane.getByRole('button', { name: /현금 결제 확인/ }).click();
    await expect.poll(() => display.getByLabel('거스름돈').textContent()).toContain(won(5000 - ramen.price - water.price));
    expect(await display.textContent()).toContain('감사합니다');
  });
});
