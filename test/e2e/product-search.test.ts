import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';

let rig: TillRig;
let browser: Browser;
let page: Page;

const basket = () => page.getByRole('table', { name: '장바구니' });
const dialog = () => page.getByRole('dialog', { name: '상품 검색' });
const searchBox = () => dialog().getByRole('combobox', { name: /상품명 또는 초성/ });

beforeAll(async () => {
  rig = await startTillRig();
  await rig.ready();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(rig.host.url);
  await page.getByLabel('직원 PIN').fill('1234');
  await page.keyboard.press('Enter');
  await basket().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('a cashier finds unlabelled products by name, by keyboard alone', () => {
  it('opens the search with F5, finds by initial consonants, moves with the arrows and rings with Enter', async () => {
    await page.keyboard.press('F5');
    await searchBox().fill('ㅂㅂㅁ');
    const options = dialog().getByRole('option');
    await expect.poll(() => options.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('비빔면 4입')]));
    const names = await options.allTextContents();
    const target = names.findIndex((n) => n.includes('비빔면 4입'));
    for (let i = 0; i < target; i++) await searchBox().press('ArrowDown');
    await expect.poll(() => dialog().getByRole('option', { selected: true }).textContent()).toContain('비빔면 4입');
    await searchBox().press('Enter');
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => basket().getByRole('row', { name: /비빔면 4입/ }).count()).toBe(1);
  });

  it('finds a 2-syllable word inside names and an English name, and Escape closes without ringing', async () => {
    await page.keyboard.press('F5');
    await searchBox().fill('곰탕');
    await expect.poll(() => dialog().getByRole('option').allTextContents()).toEqual([expect.stringContaining('사골 곰탕면')]);
    await searchBox().fill('jjamppong');
    await expect.poll(() => dialog().getByRole('option').allTextContents()).toEqual([expect.stringContaining('해물 짬뽕 라면')]);
    await searchBox().press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await basket().getByRole('row', { name: /짬뽕/ }).count()).toBe(0);
  });

  it('says so when nothing matches', async () => {
    await page.keyboard.press('F5');
    await searchBox().fill('존재하지않는상품');
    await expect.poll(() => dialog().textContent()).toContain('찾는 상품이 없습니다');
    await searchBox().press('Escape');
  });
});
