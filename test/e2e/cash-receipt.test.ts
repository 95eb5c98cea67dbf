import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';

const { ramen } = DEMO_PRODUCTS;
const session = useLaneSession('1234');
const page = () => session.page;
const dialog = () => page().getByRole('dialog', { name: '현금영수증' });

describe('현금영수증: a cash receipt asked for at the lane', () => {
  it('refuses a business number with a wrong check digit, keeps the sale, then takes a mobile number for income deduction', async () => {
    await session.lane.ring(ramen.barcode);
    await page().keyboard.press('Alt+KeyC');
    await dialog().getByRole('radio', { name: '지출증빙' }).check();
    await dialog().getByRole('textbox', { name: '사업자등록번호' }).fill('124-81-00999');
    await dialog().getByRole('button', { name: /신청/ }).first().click();
    await expect.poll(() => dialog().getByRole('alert').textContent()).toContain('현금영수증 번호가 올바르지 않습니다');
    expect(await session.lane.basket().getByRole('row', { name: new RegExp(ramen.name['ko'] ?? '') }).count()).toBe(1);

    await dialog().getByRole('radio', { name: '소득공제' }).check();
    await dialog().getByRole('textbox', { name: '휴대폰 번호' }).fill('010-1234-5678');
    await dialog().getByRole('button', { name: /^신청/ }).click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => page().getByText(/현금영수증 신청: 소득공제 010-\*\*\*\*-5678/).count()).toBe(1);
  });

  it('prints it masked on the receipt with the cash it covers, and the centre records it for the tax report', async () => {
    await session.lane.payCash(10_000);
    const receiptNumber = await session.lane.receiptNumber();
    const receipt = await waitFor('the receipt', () => session.rig.lab.printer.receipts().find((r) => r.lines.some((l) => l.includes(receiptNumber))));
    const text = receipt.lines.join('\n');
    expect(text).toMatch(/현금영수증 \(소득공제\)\s+010-\*\*\*\*-5678/);
    expect(text).toMatch(new RegExp(`대상 금액\\s+${ramen.price.toLocaleString('en-US')}`));
    expect(text).not.toContain('1234-5678');
    const recorded = await waitFor('the cash receipt at the centre', () => session.rig.central.admin.cashReceipts(receiptNumber)[0]);
    expect(recorded).toMatchObject({ purpose: 'DEDUCTION', idKind: 'PHONE', maskedIdentifier: '010-****-5678', amount: ramen.price, cancelledAt: null });
  });
});
