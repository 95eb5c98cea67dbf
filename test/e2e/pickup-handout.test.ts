import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { launchChromium } from '../support/browser.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';
import { pickAndStage } from '../support/pickup-orders.ts';
import { waitFor } from '../support/wait-for.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';

const { ramen, water } = DEMO_PRODUCTS;

let rig: TillRig;
let browser: Browser;
let page: Page;
let client: NodeTillClient;

/** An order placed centrally and picked in full at this till (through the contract, as the desk's scanner would). */
async function picked(over: { deadlineAt?: string } = {}) {
  const order = rig.central.admin.createOnlineOrder({
    storeId: 'store-gangnam', fulfilment: 'PICKUP', customerName: '정하늘', phone: '010-3333-2468',
    lines: [{ barcode: ramen.barcode, quantity: 1 }, { barcode: water.barcode, quantity: 1 }], ...over,
  });
  await pickAndStage(client, rig.central, order.number, [ramen.barcode, water.barcode], 'D-4');
  return order;
}

beforeAll(async () => {
  rig = await startTillRig({ config: { role: 'pickup' } });
  await rig.ready();
  client = await NodeTillClient.connect(rig.host.url);
  await client.call('session.signIn', { pin: '2345' });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(rig.host.url);
});

afterAll(async () => {
  client?.close();
  await browser?.close();
  await rig?.close();
});

describe('a till configured as a pickup desk', () => {
  it('opens on the desk, hands out by order number and phone digits with a refused line refunded, and puts back a no-show', async () => {
    const collect = await picked();
    const noShow = await picked({ deadlineAt: new Date(Date.now() - 60_000).toISOString() });

    // Signed in (the staff member signed in through the contract), the till opens on its role's screen.
    const desk = page.getByRole('main', { name: '온라인 주문 픽업' });
    await desk.waitFor();
    await page.keyboard.press('Alt+3');
    await desk.getByRole('button', { name: `주문 ${collect.number} 열기` }).waitFor();

    // Wrong phone digits find nothing; the right ones open the order, checked.
    const find = desk.getByRole('form', { name: '주문 찾기' });
    await find.getByLabel('주문번호').fill(collect.number);
    await find.getByLabel('전화번호 뒷자리 4자리').fill('1111');
    await find.getByRole('button', { name: '찾기' }).click();
    await expect.poll(() => desk.getByRole('alert').textContent()).toContain('맞지 않습니다');
    await find.getByLabel('주문번호').fill(collect.number);
    await find.getByLabel('전화번호 뒷자리 4자리').fill('2468');
    await find.getByRole('button', { name: '찾기' }).click();
    const panel = desk.getByRole('region', { name: `주문 ${collect.number}` });
    await panel.getByText('주문번호와 전화번호 뒷자리 확인됨').waitFor();

    // The customer refuses the water at the counter: refunded to the online payment.
    await panel.getByLabel(`${water.name['ko'] ?? ''} 수령 거부 수량`).fill('1');
    await panel.getByLabel(`${water.name['ko'] ?? ''} 거부 사유`).selectOption({ label: '파손·불량' });
    await panel.getByRole('button', { name: '인계', exact: true }).click();
    const done = panel.getByRole('status', { name: '상품 인계' });
    await expect.poll(() => done.textContent()).toContain('인계 완료 (본사 확인)');
    expect(await done.textContent()).toContain(`환불 예정 ₩${water.price.toLocaleString('en-US')}`);
    const central = rig.central.admin.onlineOrder(collect.number);
    expect(central).toMatchObject({ state: 'COLLECTED' });
    expect(central?.refunds).toEqual([expect.objectContaining({ lineId: 'L2', amount: water.price, reason: 'refused_at_counter:damaged' })]);
    const receipt = await waitFor('the pickup receipt', () => rig.lab.printer.receipts().find((r) => r.lines.some((l) => l.includes(collect.number))));
    expect(receipt.lines.join('\n')).toContain('수령 거부 (환불)');

    // The no-show waits under "to put back"; once its goods are back on the shelf it is cancelled and refunded.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+4');
    await desk.getByRole('navigation', { name: '주문 상태' }).getByRole('button', { name: /^재고 복귀 대상 \(1\)/ }).waitFor();
    await desk.getByRole('button', { name: `주문 ${noShow.number} 열기` }).click();
    await desk.getByRole('region', { name: `주문 ${noShow.number}` }).getByRole('button', { name: '재고 복귀 완료' }).click();
    const cancelled = await waitFor('the no-show cancelled centrally', () => {
      const o = rig.central.admin.onlineOrder(noShow.number);
      return o?.state === 'CANCELLED' ? o : undefined;
    });
    expect(cancelled).toMatchObject({ cancelReason: 'no_show' });
    expect(cancelled.refunds.reduce((a, r) => a + r.amount, 0)).toBe(noShow.total);
  });

  it('picks with a substitute for an empty shelf, and the centre records it', async () => {
    const order = rig.central.admin.createOnlineOrder({
      storeId: 'store-gangnam', fulfilment: 'PICKUP', customerName: '윤서', phone: '010-8888-1212',
      lines: [{ barcode: ramen.barcode, quantity: 1 }, { barcode: water.barcode, quantity: 1 }],
    });
    const desk = page.getByRole('main', { name: '온라인 주문 픽업' });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+1');
    await desk.getByRole('button', { name: `주문 ${order.number} 열기` }).click();
    const panel = desk.getByRole('region', { name: `주문 ${order.number}` });
    await panel.getByRole('button', { name: /피킹 시작/ }).click();
    rig.lab.scanner.scan(ramen.barcode);
    await expect.poll(() => panel.getByRole('row', { name: ramen.name['ko'] ?? '' }).getByRole('cell').nth(2).textContent()).toBe('1');
    // No water on the shelf: another water stands in for it.
    const other = DEMO_PRODUCTS.banana;
    await panel.getByLabel(`${water.name['ko'] ?? ''} 대체 상품 바코드`).fill(other.barcode);
    await panel.getByRole('button', { name: '대체 추가' }).click();
    await expect.poll(() => panel.getByRole('row', { name: water.name['ko'] ?? '' }).textContent()).toContain(`${other.name['ko'] ?? ''} x1`);
    await panel.getByLabel('보관 위치').fill('F-2');
    await panel.getByRole('button', { name: '준비 완료' }).click();
    const ready = await waitFor('ready centrally', () => {
      const o = rig.central.admin.onlineOrder(order.number);
      return o?.state === 'READY' ? o : undefined;
    });
    expect(ready.lines.map((l) => [l.pickedQuantity, l.substituteBarcode, l.substituteQuantity])).toEqual([[1, null, null], [0, other.barcode, 1]]);
    expect(ready.refunds).toEqual([]);
  });
});
