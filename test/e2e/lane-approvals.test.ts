import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { won } from '../support/lane-page.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';

const { ramen, water } = DEMO_PRODUCTS;

const session = useLaneSession('1234');

const dialog = (name: string) => session.page.getByRole('dialog', { name });

describe('a supervisor approves what is over the cashier\'s limit', () => {
  it('refuses a 20% line discount for the cashier, asks for a supervisor PIN, and takes 5678; the receipt shows the saving', async () => {
    await session.lane.ring(water.barcode);
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(water.price));

    await session.page.keyboard.press('F10');
    const discount = dialog('할인');
    await discount.waitFor();
    // The newest line is selected, so the discount is on it.
    expect(await discount.getByRole('radio', { name: `선택 품목: ${water.name['ko']}` }).isChecked()).toBe(true);
    await discount.getByLabel('할인율 (%)').fill('20');
    await session.page.keyboard.press('Enter');
    await expect.poll(() => discount.getByRole('alert').textContent()).toContain('감독자 PIN을 입력하세요');
    const pin = discount.getByLabel('감독자 PIN');

    // Another cashier's PIN is a real PIN, but a cashier's limit (10%) does not cover 20%.
    await pin.fill('2345');
    await session.page.keyboard.press('Enter');
    await expect.poll(() => discount.getByRole('alert').textContent()).toContain('이 감독자의 한도로는 승인할 수 없습니다');
    await pin.fill('5678');
    await session.page.keyboard.press('Enter');
    await discount.waitFor({ state: 'detached' });

    const saving = Math.floor(water.price * 0.2);
    const total = water.price - saving;
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(total));
    await expect.poll(() => session.lane.summary().getByLabel('총 할인').textContent()).toBe(won(-saving));
    await expect.poll(() => session.lane.summary().getByRole('region', { name: '할인 내역' }).textContent()).toBe(`할인 20%${won(-saving)}`);
    const row = session.lane.basket().getByRole('row', { name: new RegExp(water.name['ko'] ?? '') });
    await expect.poll(() => row.textContent()).toContain(`할인 ${won(-saving)}`);

    await session.lane.payCash();
    await session.lane.receiptNumber();
    const receipt = await waitFor('the printed receipt', () => session.rig.lab.printer.receipts().at(-1));
    const text = receipt.lines.join('\n');
    expect(text).toMatch(new RegExp(`할인 20%\\s+-${saving}`));
    expect(text).toMatch(new RegExp(`할인 합계\\s+-${saving}`));
    expect(text).toMatch(new RegExp(`합\\s*계\\s+${total.toLocaleString('en-US')}`));
  });

  it('overrides a price by a supervisor, keeping the shelf price on the line', async () => {
    await session.lane.newSale();
    await session.lane.ring(ramen.barcode);
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(ramen.price));

    await session.page.keyboard.press('Alt+P');
    const override = dialog('가격 변경');
    await override.getByLabel('새 가격').fill('800');
    await override.getByLabel('변경 사유').fill('포장 파손');
    await session.page.keyboard.press('Enter');
    await expect.poll(() => override.getByRole('alert').textContent()).toContain('감독자 PIN을 입력하세요');
    await override.getByLabel('감독자 PIN').fill('5678');
    await override.getByRole('button', { name: /감독자 승인/ }).click();
    await override.waitFor({ state: 'detached' });

    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(800));
    const row = session.lane.basket().getByRole('row', { name: new RegExp(ramen.name['ko'] ?? '') });
    await expect.poll(() => row.textContent()).toContain(`정가 ${won(ramen.price)}`);
    await session.lane.payCash();
    await session.lane.receiptNumber();
  });

  it('takes a basket amount discount within the cashier\'s own limit without asking anyone', async () => {
    await session.lane.newSale();
    await session.lane.ring(ramen.barcode);
    await session.page.keyboard.press('F10');
    const discount = dialog('할인');
    await discount.getByRole('radio', { name: '거래 전체' }).check();
    await discount.getByRole('radio', { name: '금액 (원)' }).check();
    await discount.getByLabel('할인 금액').fill('100');
    await discount.getByRole('button', { name: /할인 적용/ }).click();
    await discount.waitFor({ state: 'detached' });
    expect(await session.page.getByLabel('감독자 PIN').count()).toBe(0);
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(ramen.price - 100));
    await expect.poll(() => session.lane.summary().getByRole('region', { name: '할인 내역' }).textContent()).toBe(`할인${won(-100)}`);
    await session.lane.payCash();
    await session.lane.receiptNumber();
  });
});
