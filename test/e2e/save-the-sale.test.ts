import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { DEMO_SOLD_OUT_HERE } from '../../fixtures/demo-store/stock.ts';
import { demoStore, otherStore } from '../../fixtures/demo-store/store.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';

const session = useLaneSession('1234');
const page = () => session.page;
const dialog = () => page().getByRole('dialog', { name: '주문 전환 (다른 매장 픽업·택배)' });
const banana = DEMO_SOLD_OUT_HERE.product;
const bananaName = banana.name['ko'] ?? '';
const orderNumberOf = (receiptNumber: string) => `${receiptNumber.replace(/\D/g, '')}01`;

let revived: Central | undefined;
afterAll(async () => revived?.close());

async function lastReceiptText(receiptNumber: string): Promise<string> {
  const receipt = await waitFor('the printed receipt', () => session.rig.lab.printer.receipts().find((r) => r.lines.some((l) => l.includes(receiptNumber))));
  return receipt.lines.join('\n');
}

describe('saving the sale: an item sold out here, paid at the till, collected or delivered from elsewhere', () => {
  it('orders sold-out bananas for pickup at the nearest store that has them, and the centre makes the order', async () => {
    await session.lane.ring(DEMO_PRODUCTS.ramen.barcode);
    await session.lane.ring(banana.barcode);
    // The bananas are the selected (last) line.
    await page().keyboard.press('Alt+KeyO');
    await dialog().waitFor();
    const nearest = dialog().getByRole('radio', { name: new RegExp(`${otherStore.name} 픽업 \\(재고 ${DEMO_SOLD_OUT_HERE.elsewhere.onHand}개, 5\\.\\d km\\)`) });
    await expect.poll(() => nearest.isChecked()).toBe(true);
    // Tried without a phone number: refused, and nothing ordered.
    await dialog().getByLabel('고객 이름').fill('김고객');
    await dialog().getByRole('button', { name: /주문으로 전환/ }).click();
    await expect.poll(() => dialog().getByRole('alert').textContent()).toContain('휴대폰 번호');
    await dialog().getByLabel('휴대폰 번호 (준비 알림)').fill('010-2222-3333');
    await dialog().getByRole('button', { name: /주문으로 전환/ }).click();
    await dialog().waitFor({ state: 'detached' });
    const bananaRow = session.lane.basket().getByRole('row', { name: new RegExp(bananaName) });
    await expect.poll(() => bananaRow.textContent()).toContain(`${otherStore.name} 픽업 주문`);

    await session.lane.payCash();
    const receiptNumber = await session.lane.receiptNumber();
    const text = await lastReceiptText(receiptNumber);
    expect(text).toContain(`주문번호`);
    expect(text).toContain(orderNumberOf(receiptNumber));
    expect(text).toContain(`${otherStore.name} 픽업 · 010-****-3333`);
    expect(text).not.toContain('2222-3333');

    const order = await waitFor('the saved order at the centre', () => session.rig.central.admin.onlineOrder(orderNumberOf(receiptNumber)));
    expect(order).toMatchObject({ storeId: otherStore.storeId, channel: 'STORE', fulfilment: 'PICKUP', state: 'PLACED', payment: { method: 'STORE_SALE', reference: receiptNumber } });
    expect(order.lines.map((l) => [l.barcode, l.quantity])).toEqual([[banana.barcode, 1]]);
    await session.lane.newSale();
  });

  it('offline, still orders for delivery (stores cannot be seen), prints the order number, and the centre makes it on reconnecting', async () => {
    await session.rig.central.close();
    await session.lane.ring(banana.barcode);
    await page().keyboard.press('Alt+KeyO');
    await expect.poll(() => dialog().getByRole('status').textContent()).toContain('오프라인');
    expect(await dialog().getByRole('radio').count()).toBe(1);
    await dialog().getByLabel('고객 이름').fill('박고객');
    await dialog().getByLabel('휴대폰 번호 (준비 알림)').fill('01055556666');
    await dialog().getByLabel('배송 주소').fill('서울 송파구 올림픽로 300');
    await dialog().getByRole('button', { name: /주문으로 전환/ }).click();
    await dialog().waitFor({ state: 'detached' });
    await session.lane.payCash();
    const receiptNumber = await session.lane.receiptNumber();
    expect(await lastReceiptText(receiptNumber)).toContain(`택배 배송 · 010-****-6666`);
    await session.lane.newSale();

    revived = await startCentral({ dbPath: path.join(session.rig.dataDir, 'central.db'), port: Number(new URL(session.rig.central.url).port) });
    const central = revived;
    const order = await waitFor('the offline saved order at the centre', () => central.admin.onlineOrder(orderNumberOf(receiptNumber)), 30_000);
    expect(order).toMatchObject({ storeId: demoStore.storeId, channel: 'STORE', fulfilment: 'DELIVERY', payment: { reference: receiptNumber } });
  });
});
