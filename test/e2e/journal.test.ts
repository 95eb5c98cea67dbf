import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';

const { ramen, water } = DEMO_PRODUCTS;

const session = useLaneSession('1234');

async function wedgeScan(code: string): Promise<void> {
  await session.page.keyboard.type(code);
  await session.page.keyboard.press('Enter');
}
const journal = () => session.page.getByRole('main', { name: '전자 저널' });
const results = () => journal().getByRole('table', { name: '검색된 거래' });
const printedAfter = (count: number) => waitFor('a new print', () => session.rig.lab.printer.receipts().slice(count).at(-1)?.lines.join('\n'));

describe('the electronic journal, by keyboard (F7)', () => {
  it('rings a cash sale of water and a card sale of ramen', async () => {
    await expect.poll(() => session.page.getByText('계산원: 김민지').count()).toBe(1);
    // A cash sale of water, then a card sale of ramen.
    const basket = session.page.getByRole('table', { name: '장바구니' });
    await wedgeScan(water.barcode);
    await basket.getByRole('row', { name: new RegExp(water.name['ko'] ?? '') }).waitFor();
    await session.page.keyboard.press('F2');
    await session.page.getByLabel('받은 금액').fill(String(water.price));
    await session.page.getByRole('button', { name: /현금 결제 확인/ }).click();
    await session.page.getByRole('button', { name: /새 거래/ }).click();
    await wedgeScan(ramen.barcode);
    await basket.getByRole('row', { name: new RegExp(ramen.name['ko'] ?? '') }).waitFor();
    await session.page.keyboard.press('F3');
    await session.page.getByRole('button', { name: /새 거래/ }).click();
  });

  it('finds the card sale by its amount, and the cash sale by its receipt number', async () => {
    await session.page.keyboard.press('F7');
    await journal().waitFor();
    await session.page.getByLabel('금액').fill(String(ramen.price));
    await session.page.keyboard.press('Enter');
    await expect.poll(() => results().getByRole('row').count()).toBe(2); // header + 1
    expect(await results().getByRole('row').nth(1).textContent()).toMatch(/카드|card/);

    await session.page.getByLabel('금액').fill('');
    await session.page.getByLabel('영수증 번호').fill('000001');
    await session.page.keyboard.press('Enter');
    await expect.poll(() => results().getByRole('row').nth(1).textContent()).toContain('0001-01-000001');
  });

  it('reprints the receipt marked as a copy (F2) and prints a gift receipt without prices (F3)', async () => {
    const before = session.rig.lab.printer.receipts().length;
    await session.page.keyboard.press('F2');
    await expect.poll(() => journal().textContent()).toContain('영수증 사본을 출력했습니다');
    const copy = await printedAfter(before);
    expect(copy).toContain('재발행');
    expect(copy).toContain(water.name['ko']);
    expect(copy).toContain(water.price.toLocaleString('en-US'));

    await session.page.keyboard.press('F3');
    await expect.poll(() => journal().textContent()).toContain('교환권을 출력했습니다');
    const gift = await printedAfter(before + 1);
    console.log(`--- gift receipt from the lab printer ---\n${gift}\n---`);
    expect(gift).toContain('교환권');
    expect(gift).toContain(water.name['ko']);
    expect(gift).not.toContain(water.price.toLocaleString('en-US'));

    await session.page.keyboard.press('Escape');
    await session.page.getByRole('table', { name: '장바구니' }).waitFor();
  });
});
