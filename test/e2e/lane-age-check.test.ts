import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { won } from '../support/lane-page.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';

const { water, soju, ramen } = DEMO_PRODUCTS;

const session = useLaneSession('1234');

const ageCheck = () => session.page.getByRole('alertdialog', { name: '연령 확인' });
const row = (name: string | undefined) => session.lane.basket().getByRole('row', { name: new RegExp(name ?? '') });

describe('an age-restricted item at the lane', () => {
  it('asks to check the ID at once, cannot be waved away, holds payment until confirmed, and keeps the scanner working meanwhile', async () => {
    await session.lane.ring(water.barcode);
    await session.lane.ring(soju.barcode);
    await ageCheck().waitFor();
    expect(await ageCheck().getByRole('list', { name: '확인할 품목' }).textContent()).toContain(soju.name['ko']);
    await expect.poll(() => row(soju.name['ko']).textContent()).toContain('연령 확인 필요');
    // It must be answered: Escape does not make it go away.
    await session.page.keyboard.press('Escape');
    expect(await ageCheck().isVisible()).toBe(true);

    // Payment waits: the card is not charged while the check is open.
    await session.page.keyboard.press('F3');
    await expect.poll(() => session.page.getByRole('alert').filter({ hasText: '결제 실패' }).textContent()).toContain('연령 확인이 필요합니다');
    await expect.poll(() => session.lane.summary().getByLabel('결제액').textContent()).toBe(won(0));

    // The scanner still rings while the dialog is open. (The device scanner: a wedge scan under a
    // loaded machine can be typed too slowly to pass for a scan, and its Enter would answer the dialog.)
    await session.lane.ring(ramen.barcode);
    await expect.poll(() => row(ramen.name['ko']).count()).toBe(1);
    expect(await ageCheck().isVisible()).toBe(true);

    await ageCheck().getByRole('button', { name: '신분증 확인함: 판매' }).click();
    await ageCheck().waitFor({ state: 'detached' });
    await expect.poll(() => row(soju.name['ko']).textContent()).toContain('연령 확인됨');

    const total = water.price + soju.price + ramen.price;
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(total));
    await session.page.keyboard.press('F3');
    await session.lane.receiptNumber();
    const receipt = await waitFor('the printed receipt', () => session.rig.lab.printer.receipts().at(-1));
    expect(receipt.lines.join('\n')).toContain(soju.name['ko']);
  });

  it('voids the restricted line when the cashier refuses, and sells the rest', async () => {
    await session.lane.newSale();
    await session.lane.ring(water.barcode);
    await session.lane.ring(soju.barcode);
    await ageCheck().getByRole('button', { name: '판매 거부: 품목 취소' }).click();
    await ageCheck().waitFor({ state: 'detached' });
    await expect.poll(() => row(soju.name['ko']).textContent()).toContain('취소됨');
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(water.price));
    await session.lane.payCash();
    await session.lane.receiptNumber();
  });
});
