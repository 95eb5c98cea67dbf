import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { launchChromium } from '../support/browser.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';

const { water } = DEMO_PRODUCTS;

let rig: TillRig;
let browser: Browser;
let page: Page;

const dialog = () => page.getByRole('alertdialog', { name: '동기화되지 않은 거래' });

beforeAll(async () => {
  rig = await startTillRig();
  await rig.ready();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(rig.host.url);
  await page.getByLabel('직원 PIN').fill('1234');
  await page.keyboard.press('Enter');
  await page.getByRole('table', { name: '장바구니' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('signing out with sales the central API has not received', () => {
  it('queues a sale while the central API is down', async () => {
    await expect.poll(() => page.getByText('계산원: 김민지').count()).toBe(1);
    await rig.central.close();
    await page.keyboard.type(water.barcode);
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: '장바구니' }).getByRole('row', { name: new RegExp(water.name['ko'] ?? '') }).waitFor();
    await page.keyboard.press('F2');
    await page.getByLabel('받은 금액').fill(String(water.price));
    await page.getByRole('button', { name: /현금 결제 확인/ }).click();
    await page.getByRole('button', { name: /새 거래/ }).click();
    await expect.poll(() => page.getByText(/대기 1건/).count()).toBe(1);
  });

  it('warns on F8 and refuses a cashier PIN, then signs out on a supervisor PIN', async () => {
    await page.keyboard.press('F8');
    await expect.poll(() => dialog().textContent()).toContain('1건');
    await dialog().getByLabel('관리자 PIN').fill('1234');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().getByRole('alert').textContent()).toContain('관리자 승인이 필요합니다');
    expect(await page.getByRole('table', { name: '장바구니' }).count()).toBe(1);

    await dialog().getByLabel('관리자 PIN').fill('5678');
    await page.keyboard.press('Enter');
    await page.getByLabel('직원 PIN').waitFor();
    expect(await dialog().count()).toBe(0);
  });
});
