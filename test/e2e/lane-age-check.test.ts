import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { launchChromium } from '../support/browser.ts';
import { lanePage, won } from '../support/lane-page.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';
import { waitFor } from '../support/wait-for.ts';

const { water, soju, ramen } = DEMO_PRODUCTS;

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

const ageCheck = () => page.getByRole('alertdialog', { name: '연령 확인' });
const row = (name: string | undefined) => lane.basket().getByRole('row', { name: new RegExp(name ?? '') });

describe('an age-restricted item at the lane', () => {
  it('asks to check the ID at once, cannot be waved away, holds payment until confirmed, and keeps the scanner working meanwhile', async () => {
    await lane.ring(water.barcode);
    await lane.ring(soju.barcode);
    await ageCheck().waitFor();
    expect(await ageCheck().getByRole('list', { name: '확인할 품목' }).textContent()).toContain(soju.name['ko']);
    await expect.poll(() => row(soju.name['ko']).textContent()).toContain('연령 확인 필요');
    // It must be answered: Escape does not make it go away.
    await page.keyboard.press('Escape');
    expect(await ageCheck().isVisible()).toBe(true);

    // Payment waits: the card is not charged while the check is open.
    await page.keyboard.press('F3');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '결제 실패' }).textContent()).toContain('연령 확인이 필요합니다');
    await expect.poll(() => lane.summary().getByLabel('결제액').textContent()).toBe(won(0));

    // The scanner still rings while the dialog is open. (The device scanner: a wedge scan under a
    // loaded machine can be typed too slowly to pass for a scan, and its Enter would answer the dialog.)
    await lane.ring(ramen.barcode);
    await expect.poll(() => row(ramen.name['ko']).count()).toBe(1);
    expect(await ageCheck().isVisible()).toBe(true);

    await ageCheck().getByRole('button', { name: '신분증 확인함: 판매' }).click();
    await ageCheck().waitFor({ state: 'detached' });
    await expect.poll(() => row(soju.name['ko']).textContent()).toContain('연령 확인됨');

    const total = water.price + soju.price + ramen.price;
    await expect.poll(() => lane.summary().getByLabel('합계').textContent()).toBe(won(total));
    await page.keyboard.press('F3');
    await lane.receiptNumber();
    const receipt = await waitFor('the printed receipt', () => rig.lab.printer.receipts().at(-1));
    expect(receipt.lines.join('\n')).toContain(soju.name['ko']);
  });

  it('voids the restricted line when the cashier refuses, and sells the rest', async () => {
    await lane.newSale();
    await lane.ring(water.barcode);
    await lane.ring(soju.barcode);
    await ageCheck().getByRole('button', { name: '판매 거부: 품목 취소' }).click();
    await ageCheck().waitFor({ state: 'detached' });
    await expect.poll(() => row(soju.name['ko']).textContent()).toContain('취소됨');
    await expect.poll(() => lane.summary().getByLabel('합계').textContent()).toBe(won(water.price));
    await lane.payCash();
    await lane.receiptNumber();
  });
});
