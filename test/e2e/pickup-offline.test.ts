import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PASS, startFaultProxy, type FaultProxy } from '../../fixtures/central/fault-proxy.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { demoTills, type DemoTill } from '../../fixtures/demo-store/store.ts';
import { orderQr } from '../../main/core/pickup/order-qr.ts';
import { launchChromium } from '../support/browser.ts';
import { freePort } from '../support/free-port.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';
import { pickAndStage } from '../support/pickup-orders.ts';
import { waitFor } from '../support/wait-for.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';

const { ramen } = DEMO_PRODUCTS;
const till = demoTills[0] as DemoTill;

let proxy: FaultProxy;
let rig: TillRig;
let browser: Browser;
let page: Page;
let client: NodeTillClient;

beforeAll(async () => {
  // The till reaches the central server through a proxy that can cut it off.
  const centralPort = await freePort();
  proxy = await startFaultProxy(`http://127.0.0.1:${centralPort}/graphql`);
  rig = await startTillRig({ centralPort, config: { central: { url: proxy.url, token: till.token, pollIntervalMs: 500 } } });
  rig.central.admin.setConfig('store-gangnam', 'offline.pickupHandout', '{"allowed":true}');
  await rig.ready();
  client = await NodeTillClient.connect(rig.host.url);
  await client.call('session.signIn', { pin: '1234' });
  await waitFor('the offline policy at the till', async () => (await client.call('pickup.list', {})).offlineHandoutAllowed || undefined);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(rig.host.url);
});

afterAll(async () => {
  client?.close();
  await browser?.close();
  await rig?.close();
  await proxy?.close();
});

describe('the pickup desk offline', () => {
  it('hands out as the store allows, says it is unconfirmed, and the hand-out reaches the centre after reconnecting', async () => {
    const order = rig.central.admin.createOnlineOrder({
      storeId: 'store-gangnam', fulfilment: 'PICKUP', customerName: '오세훈', phone: '010-4444-1357', lines: [{ barcode: ramen.barcode, quantity: 1 }],
    });
    await pickAndStage(client, rig.central, order.number, [ramen.barcode], 'E-1');

    proxy.plan(() => ({ kind: 'refuse' }));
    await page.getByText(/^계산원: /).waitFor();
    await page.keyboard.press('F12');
    const desk = page.getByRole('main', { name: '온라인 주문 픽업' });
    await desk.getByText('본사 연결이 끊겨도 인계 가능 (매장 정책)').waitFor();
    rig.lab.scanner.scan(orderQr(order.number, order.pickupCode));
    const panel = desk.getByRole('region', { name: `주문 ${order.number}` });
    await panel.getByText('주문 QR 확인됨').waitFor();
    await panel.getByRole('button', { name: '인계', exact: true }).click();
    await expect.poll(() => panel.getByRole('status', { name: '상품 인계' }).textContent()).toContain('인계 완료 (오프라인: 본사 확인 대기)');
    const receipt = await waitFor('the pickup receipt', () => rig.lab.printer.receipts().find((r) => r.lines.some((l) => l.includes(order.number))));
    expect(receipt.lines.join('\n')).toContain('오프라인 처리: 본사 확인 대기');
    expect(rig.central.admin.onlineOrder(order.number)).toMatchObject({ state: 'READY' });

    proxy.plan(() => PASS);
    const collected = await waitFor('the hand-out at the centre', () => {
      const o = rig.central.admin.onlineOrder(order.number);
      return o?.state === 'COLLECTED' ? o : undefined;
    }, 30_000);
    expect(collected.flag).toBeNull();
    expect(rig.central.admin.pickupHandouts(order.number)).toEqual([expect.objectContaining({ tillId: till.tillId, online: false, outcome: 'claimed' })]);
  });
});
