import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { centralSales } from '../support/central-query.ts';
import { useLaneSession } from '../support/lane-session.ts';

const { water } = DEMO_PRODUCTS;

const session = useLaneSession('1234');
let revived: Central | undefined;
afterAll(async () => revived?.close());

const status = () => session.page.getByRole('table', { name: '동기화 상태 상세' });
const row = (label: string) => status().getByRole('row', { name: new RegExp(`^${label}`) });

describe('the back-office sync screen', () => {
  let receiptNumber = '';

  it('shows a sale made while the central API is down as queued, with the till offline', async () => {
    await session.rig.central.close();
    await session.lane.ring(water.barcode);
    await session.lane.payCash();
    receiptNumber = await session.lane.receiptNumber();
    await session.lane.newSale();

    await session.page.keyboard.press('F11');
    await session.page.getByRole('heading', { name: '동기화 상태' }).waitFor();
    await expect.poll(() => row('연결').textContent()).toContain('오프라인');
    await expect.poll(() => row('전송 대기').textContent()).toContain('1건');
    expect(await row('가장 오래된 대기').textContent()).toMatch(/\d+초 전/);
    expect(await row('최근 오류').textContent()).not.toContain('없음');
    // A cashier sees how many are quarantined, not what they hold.
    expect(await session.page.getByText(/관리자 로그인으로 확인/).count()).toBe(1);
  });

  it('pushes the queued sale at once on F2 when the central API is back, and the centre has it', async () => {
    const port = Number(new URL(session.rig.central.url).port);
    revived = await startCentral({ dbPath: path.join(session.rig.dataDir, 'central.db'), port });
    await session.page.keyboard.press('F2');
    await session.page.getByText('지금 동기화를 요청했습니다.').waitFor();
    await expect.poll(() => row('전송 대기').textContent(), { timeout: 20_000 }).toContain('0건');
    expect(await row('연결').textContent()).toContain('온라인');
    expect(await row('최근 전송').textContent()).not.toContain('아직 없음');
    const sales = await centralSales(revived.url, receiptNumber);
    expect(sales.map((s) => s.totals.total)).toEqual([water.price]);
  });

  it('names an online order the centre sent malformed, and the store\'s other orders still arrive', async () => {
    if (!revived) throw new Error('the central API was not revived');
    const place = (number: string) => revived?.admin.createOnlineOrder({ storeId: 'store-gangnam', number, fulfilment: 'PICKUP', customerName: '최유리', phone: '010-4444-5555', lines: [{ barcode: water.barcode, quantity: 1 }] });
    place('7100000001');
    place('7100000002');
    // Served by the centre, but not the contract: a pickup code the order QR can never carry.
    revived.db.prepare("UPDATE online_order SET pickup_code = 'bad!' WHERE number = '7100000001'").run();
    await session.page.keyboard.press('F2');
    await expect.poll(() => row('건너뛴 항목').textContent(), { timeout: 20_000 }).toContain('order 7100000001: pickupCode');
    expect(await row('최근 오류').textContent()).toContain('없음');
    const db = new Database(path.join(session.rig.dataDir, 'till.db'), { readonly: true });
    try {
      expect(db.prepare("SELECT number FROM store_order WHERE number LIKE '71%' ORDER BY number").pluck().all()).toEqual(['7100000002']);
    } finally {
      db.close();
    }
  });

  it('lets a supervisor read the (empty) quarantine, and goes back to the lane on Escape', async () => {
    await session.page.keyboard.press('Escape');
    await session.lane.basket().waitFor();
    await session.lane.signOut();
    await session.lane.signIn('5678');
    await session.page.keyboard.press('F11');
    await session.page.getByText('보류된 전송이 없습니다.').waitFor();
    await session.page.keyboard.press('Escape');
    await session.lane.basket().waitFor();
  });
});
