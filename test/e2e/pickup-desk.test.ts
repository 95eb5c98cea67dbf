import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { demoTills, type DemoTill } from '../../fixtures/demo-store/store.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { orderQr } from '../../main/core/pickup/order-qr.ts';
import { startHostProcess } from '../support/host-process.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';

const { ramen, water, banana } = DEMO_PRODUCTS;

const session = useLaneSession('1234');

describe('the pickup desk', () => {
  it('an online order placed centrally appears, is picked with the scanner, made ready, handed out by QR and shows collected centrally; a second till is refused', async () => {
    const { rig, page } = session;
    await page.keyboard.press('F12');
    const desk = page.getByRole('main', { name: '온라인 주문 픽업' });
    await desk.waitFor();
    // A page reloaded on the desk comes back on the lane, and the lane has the scanner again.
    await page.reload();
    await session.lane.basket().waitFor();
    await session.lane.ring(ramen.barcode);
    await page.keyboard.press('F12');
    await desk.waitFor();

    const order = rig.central.admin.createOnlineOrder({
      storeId: 'store-gangnam', fulfilment: 'PICKUP', customerName: '김민수', phone: '010-1234-5678',
      lines: [{ barcode: ramen.barcode, quantity: 2 }, { barcode: water.barcode, quantity: 1 }],
    });
    // Within seconds: the centre pokes, the till pulls the order stream and says so.
    await desk.getByRole('status').filter({ hasText: `새 주문이 도착했습니다: ${order.number} (김*수)` }).waitFor({ timeout: 10_000 });
    await desk.getByRole('navigation', { name: '주문 상태' }).getByRole('button', { name: /^피킹 대기 \(1\)/ }).waitFor();
    await desk.getByRole('button', { name: `주문 ${order.number} 열기` }).click();
    const panel = desk.getByRole('region', { name: `주문 ${order.number}` });
    await panel.getByRole('button', { name: /피킹 시작/ }).click();
    await panel.getByText('상품을 스캔하세요').waitFor();

    // A product that is not in the order is refused and counts nowhere.
    rig.lab.scanner.scan(banana.barcode);
    await expect.poll(() => desk.getByRole('alert').textContent()).toContain('이 주문에 없는 상품입니다');
    const picked = (name: string | undefined) => panel.getByRole('row', { name: name ?? '' }).getByRole('cell').nth(2).textContent();
    for (const code of [ramen.barcode, ramen.barcode, water.barcode]) rig.lab.scanner.scan(code);
    await expect.poll(() => picked(ramen.name['ko'])).toBe('2');
    await expect.poll(() => picked(water.name['ko'])).toBe('1');
    // One too many of a line is refused too.
    rig.lab.scanner.scan(water.barcode);
    await expect.poll(() => desk.getByRole('alert').textContent()).toContain('이미 주문 수량만큼');
    await expect.poll(() => picked(water.name['ko'])).toBe('1');

    await panel.getByLabel('보관 위치').fill('A-01');
    await panel.getByRole('button', { name: '준비 완료' }).click();
    const ready = await waitFor('the order ready centrally', async () => {
      const o = rig.central.admin.onlineOrder(order.number);
      return o?.state === 'READY' ? o : undefined;
    });
    expect(ready).toMatchObject({ stagingLocation: 'A-01', notifications: ['READY'], refunds: [] });
    expect(ready.lines.map((l) => l.pickedQuantity)).toEqual([2, 1]);

    // The desk hears back from the centre (no longer "sending"), then the customer shows the QR.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+3');
    const row = desk.getByRole('table', { name: '주문 목록' }).getByRole('row').filter({ hasText: order.number });
    await row.waitFor();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).not.toContain('전송 중');
    rig.lab.scanner.scan(orderQr(order.number, order.pickupCode));
    await panel.getByText('주문 QR 확인됨').waitFor();
    await panel.getByRole('button', { name: '인계', exact: true }).click();
    await expect.poll(() => panel.getByRole('status', { name: '상품 인계' }).textContent()).toContain('인계 완료 (본사 확인)');

    const collected = rig.central.admin.onlineOrder(order.number);
    expect(collected).toMatchObject({ state: 'COLLECTED', flag: null });
    expect(collected?.lines.map((l) => [l.handedOutQuantity, l.refusedQuantity])).toEqual([[2, 0], [1, 0]]);
    expect(rig.central.admin.pickupHandouts(order.number)).toEqual([expect.objectContaining({ tillId: 'till-0001-01', online: true, outcome: 'claimed' })]);
    const receipt = await waitFor('the pickup receipt', () => rig.lab.printer.receipts().find((r) => r.lines.some((l) => l.includes('[온라인 주문 픽업]'))));
    expect(receipt.lines.join('\n')).toContain(order.number);
    expect(receipt.barcodes).toContain(order.number);

    // Back at the lane (F12 again), the key says when orders wait to be picked.
    await page.keyboard.press('F12');
    await session.lane.basket().waitFor();
    rig.central.admin.createOnlineOrder({ storeId: 'store-gangnam', fulfilment: 'PICKUP', customerName: '이영희', phone: '010-9876-4321', lines: [{ barcode: water.barcode, quantity: 1 }] });
    await page.getByRole('button', { name: /픽업 \(대기 1\)/ }).waitFor({ timeout: 10_000 });

    // A second till of the store, with the same QR: refused, nothing handed out twice.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pickup-second-'));
    const second = await startHostProcess(dataDir, demoTillConfig({ centralUrl: rig.central.url, endpoints: {}, till: demoTills[1] as DemoTill, pollIntervalMs: 500 }));
    const client = await NodeTillClient.connect(second.url);
    try {
      await waitFor('the second till has the order', async () => (await client.invoke('pickup.order', { number: order.number })).ok || undefined, 30_000);
      await client.call('session.signIn', { pin: '2345' });
      const refused = await client.invoke('pickup.handOut', { number: order.number, proof: { kind: 'qr', text: orderQr(order.number, order.pickupCode) }, refusals: [] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'already_handed_out' } });
      expect(rig.central.admin.pickupHandouts(order.number)).toHaveLength(1);
    } finally {
      client.close();
      await second.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
