import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { won } from '../support/lane-page.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';

// The numeric keypad, the quick keys for unbarcoded items and the customer's receipt language, by
// keyboard alone. Keys typed outside a field reach the lane through the keyboard wedge, which
// tells a person from a scanner by timing: the test types as a person does, one key at a time.
const { ramen, water, lunchBox, carrierBag, flower } = DEMO_PRODUCTS;

const session = useLaneSession('1234');
const page = () => session.page;
const row = (name: string | undefined) => session.lane.basket().getByRole('row', { name: new RegExp((name ?? '').replace(/[()]/g, '\\$&')) });
const cell = (name: string | undefined, column: number) => row(name).getByRole('cell').nth(column);
/** Keys one by one, as a cashier's fingers (slower than the test till's 200 ms wedge gap). */
const keys = (text: string) => page().keyboard.type(text, { delay: 300 });

describe('the lane keypad', () => {
  it('rings the next scan three times after 3 *, from the numpad or Shift+8', async () => {
    // No shift was opened in this session: the lane says where these sales will be counted.
    await expect.poll(() => page().getByText('열린 교대가 없습니다').count()).toBe(1);
    await keys('3');
    await page().keyboard.press('NumpadMultiply');
    const next = page().getByRole('group', { name: '키패드 입력' }).getByRole('status');
    await expect.poll(() => next.textContent()).toContain('다음 상품 ×3');
    await session.lane.ring(ramen.barcode);
    await expect.poll(() => cell(ramen.name['ko'], 1).textContent()).toBe('3');
    // Used once: the waiting quantity is gone, and the next scan rings one.
    await expect.poll(() => next.count()).toBe(0);
    await keys('2');
    await page().keyboard.press('Shift+Digit8');
    await expect.poll(() => next.textContent()).toContain('다음 상품 ×2');
    await session.lane.ring(water.barcode);
    await expect.poll(() => cell(water.name['ko'], 1).textContent()).toBe('2');
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(ramen.price * 3 + water.price * 2));
  });

  it('sets the selected line\'s quantity with digits and Enter, and refuses 0 without changing it', async () => {
    // The newest line (water) is selected; ↑ selects ramen.
    await page().keyboard.press('ArrowUp');
    await keys('5');
    await page().keyboard.press('Enter');
    await expect.poll(() => cell(ramen.name['ko'], 1).textContent()).toBe('5');
    await keys('0');
    await page().keyboard.press('Enter');
    await expect.poll(() => page().getByRole('group', { name: '키패드 입력' }).getByRole('alert').textContent()).toContain('1부터 999까지');
    expect(await cell(ramen.name['ko'], 1).textContent()).toBe('5');
  });

  it('opens the price dialog with the digits typed before Alt+P', async () => {
    await keys('990');
    await page().keyboard.press('Alt+P');
    const dialog = page().getByRole('dialog', { name: '가격 변경' });
    await expect.poll(() => dialog.getByLabel('새 가격').inputValue()).toBe('990');
    await dialog.getByLabel('변경 사유').fill('유통기한 임박');
    await dialog.getByRole('button', { name: /가격 변경 적용/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => cell(ramen.name['ko'], 2).textContent()).toBe(won(990));
  });

  it('asks the price of an open-price item at once, typed on the keypad into the dialog', async () => {
    await session.lane.ring(lunchBox.barcode);
    const dialog = page().getByRole('dialog', { name: '가격 변경' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('변경 사유').inputValue()).toBe('가격 입력 상품');
    await dialog.getByLabel('새 가격').focus();
    await keys('4500');
    await expect.poll(() => dialog.getByLabel('새 가격').inputValue()).toBe('4500');
    await dialog.getByRole('button', { name: /가격 변경 적용/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => cell(lunchBox.name['ko'], 2).textContent()).toBe(won(4500));
  });
});

describe('quick keys for unbarcoded items (Alt+Q)', () => {
  it('rings a carrier bag on its number key, and two flowers after 2 *', async () => {
    await page().keyboard.press('Alt+Q');
    const panel = page().getByRole('dialog', { name: '빠른 상품' });
    const buttons = panel.getByRole('list', { name: '빠른 상품 목록' }).getByRole('button');
    await expect.poll(() => buttons.allTextContents()).toEqual([
      `봉투 ${won(100)} 1`, `쇼핑백 ${won(500)} 2`, `생화 한 송이 ${won(3000)} 3`, `소분 견과 100g ${won(2500)} 4`,
    ]);
    await keys('1');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => cell(carrierBag.name['ko'], 1).textContent()).toBe('1');

    await keys('2*');
    await expect.poll(() => page().getByRole('group', { name: '키패드 입력' }).getByRole('status').textContent()).toContain('×2');
    await page().keyboard.press('Alt+Q');
    await panel.waitFor();
    await keys('3');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => cell(flower.name['ko'], 1).textContent()).toBe('2');
  });
});

describe('the customer\'s receipt language (Alt+L)', () => {
  it('prints this customer\'s receipt in English, with a QR code that opens its digital copy on the central server', async () => {
    await page().keyboard.press('Alt+L');
    await expect.poll(() => page().getByRole('status', { name: '영수증 언어' }).textContent()).toBe('영수증: 영어');
    const before = session.rig.lab.printer.receipts().length;
    await session.lane.payCash();
    const receiptNumber = await session.lane.receiptNumber();
    const receipt = await waitFor('the English receipt', async () => session.rig.lab.printer.receipts().slice(before).find((r) => r.lines.some((l) => l.includes(receiptNumber))));
    const text = receipt.lines.join('\n');
    expect(text).toContain('Representative 김옴니');
    expect(text).toMatch(/Spicy Ramen Pack/);
    expect(text).toMatch(/Carrier bag/);
    expect(text).toMatch(/TOTAL/);
    expect(text).not.toMatch(/합계|거스름돈/);
    expect(receipt.barcodes).toEqual([receiptNumber]);
    const [qr] = receipt.qrCodes;
    expect(qr).toMatch(new RegExp(`/receipt/${receiptNumber}\\?sale=.+&lang=en$`));
    // The digital copy opens once the sale reached the central server.
    const digital = await waitFor('the digital receipt', async () => {
      const res = await fetch(qr ?? '');
      const html = await res.text();
      return html.includes('Spicy Ramen Pack') ? html : undefined;
    });
    expect(digital).toContain(receiptNumber);

    // The next customer's receipt is Korean again.
    await session.lane.newSale();
    await session.lane.ring(water.barcode);
    expect(await page().getByRole('status', { name: '영수증 언어' }).count()).toBe(0);
  });
});
