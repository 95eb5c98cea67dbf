import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { type DemoTill, demoTills } from '../../fixtures/demo-store/store.ts';
import { DEMO_PRODUCTS, demoProducts } from '../../fixtures/demo-store/products.ts';
import { centralSales } from '../support/central-query.ts';
import { useKioskSession } from '../support/kiosk-session.ts';
import { won } from '../support/lane-page.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { waitFor } from '../support/wait-for.ts';
import { startHostProcess } from '../support/host-process.ts';
import { orderQr } from '../../main/core/pickup/order-qr.ts';

const { water, soju, ramen } = DEMO_PRODUCTS;

const session = useKioskSession();

const staffCall = () => session.page.getByRole('alertdialog', { name: '직원을 불렀습니다. 잠시만 기다려 주세요' });
const basket = () => session.kiosk.basket('장바구니');

describe('staff at the self-checkout kiosk', () => {
  it('an age-restricted item calls staff, holds payment, refuses a wrong PIN, and is sold once staff check the ID with their PIN', async () => {
    const { page, kiosk } = session;
    await page.getByRole('main', { name: '어서 오세요' }).waitFor();
    // Starting by scanning: no touch needed.
    await kiosk.ring(water.barcode);
    await kiosk.ring(soju.barcode);
    await staffCall().waitFor();
    expect(await staffCall().textContent()).toContain(`연령 확인이 필요한 상품`);
    await expect.poll(() => basket().textContent()).toContain('직원 신분증 확인 필요');
    expect(await page.getByRole('button', { name: /카드로 결제/ }).isDisabled()).toBe(true);

    // Going round the screen does not help: the host refuses the lane's staff methods to a kiosk customer.
    const client = await NodeTillClient.connect(session.rig.host.url);
    try {
      const sneak = await client.invoke('sale.confirmAge', { approved: true });
      expect(sneak).toMatchObject({ ok: false, error: { code: 'staff_required' } });
      expect(await client.invoke('kiosk.pay', {})).toMatchObject({ ok: false, error: { code: 'staff_needed' } });
    } finally {
      client.close();
    }

    await staffCall().getByLabel('직원 PIN').fill('0000');
    await staffCall().getByRole('button', { name: '신분증 확인함: 판매' }).click();
    await staffCall().getByRole('alert').filter({ hasText: 'PIN이 맞지 않습니다' }).waitFor();
    expect(await staffCall().isVisible()).toBe(true);

    await staffCall().getByLabel('직원 PIN').fill('5678');
    await staffCall().getByRole('button', { name: '신분증 확인함: 판매' }).click();
    await staffCall().waitFor({ state: 'detached' });
    await expect.poll(() => basket().textContent()).toContain('신분증 확인됨');

    // A restricted item, once checked, cannot be taken out by the customer alone: staff are called again.
    const sojuRow = basket().getByRole('row', { name: new RegExp(soju.name['ko'] ?? '') });
    await sojuRow.getByRole('button', { name: `${soju.name['ko']} 빼기` }).click();
    await staffCall().waitFor();
    expect(await staffCall().textContent()).toContain('상품 빼기 (직원 확인)');
    await staffCall().getByLabel('직원 PIN').fill('1234');
    await staffCall().getByRole('button', { name: '빼지 않음' }).click();
    await staffCall().waitFor({ state: 'detached' });

    await expect.poll(() => page.getByRole('region', { name: '합계' }).getByLabel('합계').textContent()).toBe(won(water.price + soju.price));
    await page.getByRole('button', { name: /카드로 결제/ }).click();
    await page.getByRole('status', { name: '감사합니다! 결제가 끝났습니다' }).waitFor();
    await page.getByRole('button', { name: /종이 영수증 출력/ }).click();
    await page.getByText('영수증을 가져가세요').waitFor();
    const printed = await waitFor('the printed receipt', () => session.rig.lab.printer.receipts().at(-1));
    expect(printed.lines.join('\n')).toContain(soju.name['ko']);
    await page.getByRole('button', { name: '완료' }).click();
    await page.getByRole('main', { name: '어서 오세요' }).waitFor();

    // Everything is on the kiosk's record: who was called for what, and who answered how.
    const events = await kiosk.events();
    const byKind = events.map((e) => [e.kind, e.reason, e.staffId]).reverse();
    expect(byKind).toEqual([
      ['called', 'age', null],
      ['approved', 'age', 'staff-0003'],
      ['called', 'removal', null],
      ['refused', 'removal', 'staff-0001'],
      ['receipt', null, null],
    ]);
    expect(events[0]?.detail).toBe('print');
  });

  it('a declined card offers to retry or call staff; staff come, the retry is approved, and the sale reaches central once', async () => {
    const { page, kiosk } = session;
    await page.getByRole('button', { name: '시작하기' }).click();
    await kiosk.ring(water.barcode);
    await kiosk.ring(ramen.barcode);
    // A plain item before payment: the customer removes it alone.
    await basket().getByRole('button', { name: `${ramen.name['ko']} 빼기` }).click();
    await expect.poll(() => basket().textContent()).toContain('뺀 상품');
    expect(await staffCall().count()).toBe(0);

    session.rig.lab.terminal.nextOutcome('decline');
    await page.getByRole('button', { name: /카드로 결제/ }).click();
    const declined = page.getByRole('alert', { name: '카드 결제가 되지 않았습니다' });
    await declined.waitFor();
    await declined.getByRole('button', { name: /직원 부르기/ }).click();
    await staffCall().waitFor();
    expect(await staffCall().textContent()).toContain('카드 결제 도움 요청');
    await staffCall().getByLabel('직원 PIN').fill('2345');
    await staffCall().getByRole('button', { name: '처리 완료: 계속' }).click();
    await staffCall().waitFor({ state: 'detached' });

    await declined.getByRole('button', { name: '다시 결제' }).click();
    await page.getByRole('status', { name: '감사합니다! 결제가 끝났습니다' }).waitFor();
    const text = (await page.getByRole('status', { name: '감사합니다! 결제가 끝났습니다' }).textContent()) ?? '';
    const receiptNumber = /영수증 ([\d-]+)/.exec(text)?.[1] ?? '';
    await page.getByRole('button', { name: '영수증 필요 없음' }).click();
    await page.getByRole('button', { name: '완료' }).click();

    const sales = await waitFor('the sale in central', async () => {
      const s = await centralSales(session.rig.central.url, receiptNumber);
      return s.length > 0 ? s : undefined;
    });
    expect(sales).toHaveLength(1);
    expect(sales[0]?.totals.total).toBe(water.price);
    const events = await kiosk.events();
    expect(events.some((e) => e.kind === 'payment_declined' && e.detail?.startsWith('payment_declined'))).toBe(true);
    expect(events.some((e) => e.kind === 'approved' && e.reason === 'payment_failed' && e.staffId === 'staff-0002')).toBe(true);
  });

  it('the help button calls staff, who can end the sale for the customer; the basket leaves the screen', async () => {
    const { page, kiosk } = session;
    await kiosk.ring(ramen.barcode);
    await page.getByRole('button', { name: /직원 호출/ }).click();
    await staffCall().waitFor();
    expect(await staffCall().textContent()).toContain('고객 도움 요청');
    await staffCall().getByLabel('직원 PIN').fill('5678');
    await staffCall().getByRole('button', { name: '거래 취소' }).click();
    await page.getByRole('main', { name: '어서 오세요' }).waitFor();
    expect(await page.getByText(ramen.name['ko'] ?? '').count()).toBe(0);
  });
});

describe('a kiosk host that crashes mid-basket', () => {
  it('comes back with the customer’s basket (the open-sale draft), still ringing and paying, and the sale is pushed once', async () => {
    const { page, kiosk, rig } = session;
    await page.getByRole('main', { name: '어서 오세요' }).waitFor();
    await kiosk.ring(water.barcode);
    await kiosk.ring(ramen.barcode);
    await rig.host.kill('SIGKILL');
    rig.host = await startHostProcess(rig.dataDir, rig.config);
    await page.goto(rig.host.url);
    // The kiosk resumes at the basket, not at the attract screen.
    await expect.poll(() => basket().textContent(), { timeout: 15_000 }).toContain(ramen.name['ko']);
    expect(await basket().textContent()).toContain(water.name['ko']);
    await kiosk.ring(water.barcode);
    await page.getByRole('button', { name: /카드로 결제/ }).click();
    const paid = page.getByRole('status', { name: '감사합니다! 결제가 끝났습니다' });
    await paid.waitFor();
    const receiptNumber = /영수증 ([\d-]+)/.exec((await paid.textContent()) ?? '')?.[1] ?? '';
    const sales = await waitFor('the resumed sale in central', async () => {
      const s = await centralSales(rig.central.url, receiptNumber);
      return s.length > 0 ? s : undefined;
    });
    expect(sales).toHaveLength(1);
    expect(sales[0]?.totals.total).toBe(water.price * 2 + ramen.price);
    await page.getByRole('button', { name: '영수증 필요 없음' }).click();
    await page.getByRole('button', { name: '완료' }).click();
  });
});

describe('a staff till in the same store', () => {
  it('shows the kiosk’s call for staff within seconds, and drops it once staff answered at the kiosk', async () => {
    const { page, kiosk, rig } = session;
    // A cashier's lane, till 02, on the same central server (no devices: the lab's belong to the kiosk).
    const laneDir = mkdtempSync(path.join(tmpdir(), 'kiosk-lane-'));
    const lane = await startHostProcess(laneDir, { ...demoTillConfig({ centralUrl: rig.central.url, endpoints: {}, pollIntervalMs: 500, till: demoTills[1] as DemoTill }), role: 'lane' });
    const lanePage = await session.browser.newPage();
    try {
      await lanePage.goto(lane.url);
      await lanePage.getByLabel('직원 PIN').waitFor();
      await page.getByRole('main', { name: '어서 오세요' }).waitFor();
      await kiosk.ring(soju.barcode);
      await staffCall().waitFor();

      const notice = lanePage.getByRole('alert', { name: '셀프 계산대 직원 호출' });
      await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toContain('셀프 계산대 01번: 연령 확인이 필요한 상품');

      await staffCall().getByLabel('직원 PIN').fill('5678');
      await staffCall().getByRole('button', { name: '판매 거부: 상품 취소' }).click();
      await staffCall().waitFor({ state: 'detached' });
      await notice.waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => basket().textContent()).toContain('뺀 상품');
      // The customer gives up; staff end the sale and the kiosk is free for the next one.
      await page.getByRole('button', { name: /직원 호출/ }).click();
      await staffCall().getByLabel('직원 PIN').fill('5678');
      await staffCall().getByRole('button', { name: '거래 취소' }).click();
      await page.getByRole('main', { name: '어서 오세요' }).waitFor();
    } finally {
      await lanePage.close();
      await lane.kill('SIGTERM');
      rmSync(laneDir, { recursive: true, force: true });
    }
  });
});

describe('collecting an online order at the kiosk', () => {
  it('scanning the order QR calls staff and tells the customer where to wait; an unknown order is said so; all on the record', async () => {
    const { page, kiosk, rig } = session;
    const order = rig.central.admin.createOnlineOrder({
      storeId: 'store-gangnam', fulfilment: 'PICKUP', customerName: '김민수', phone: '010-1234-5678',
      lines: [{ barcode: ramen.barcode, quantity: 2 }, { barcode: water.barcode, quantity: 1 }],
    });
    const client = await NodeTillClient.connect(rig.host.url);
    try {
      await waitFor('the order on the kiosk till', async () => (await client.invoke('pickup.order', { number: order.number })).ok || undefined);
    } finally {
      client.close();
    }
    await page.getByRole('main', { name: '어서 오세요' }).waitFor();

    // Someone else's order number with a made-up code: not found, nobody called.
    rig.lab.scanner.scan(orderQr(order.number, 'ABCDEF'));
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/스캔하지 못했습니다/);
    expect(await staffCall().count()).toBe(0);

    rig.lab.scanner.scan(orderQr(order.number, order.pickupCode));
    await staffCall().waitFor();
    const text = (await staffCall().textContent()) ?? '';
    expect(text).toContain('온라인 주문 픽업');
    expect(text).toContain(`주문 ${order.number}번은 아직 준비 중입니다`);
    expect(text).toContain('셀프 계산대 옆 픽업 대기석');
    await staffCall().getByLabel('직원 PIN').fill('1234');
    await staffCall().getByRole('button', { name: '주문 전달 완료' }).click();
    await staffCall().waitFor({ state: 'detached' });
    await page.getByRole('main', { name: '어서 오세요' }).waitFor();

    const events = await kiosk.events();
    expect(events.slice(0, 2).map((e) => [e.kind, e.reason, e.detail, e.staffId])).toEqual([
      ['approved', 'pickup', null, 'staff-0001'],
      ['called', 'pickup', order.number, null],
    ]);
  });
});

describe('items without a barcode', () => {
  it('are picked from the picture grid with a quantity, priced from the catalog; the membership app QR identifies the customer', async () => {
    const { page } = session;
    const bunch = demoProducts.find((p) => p.name['ko'] === '바나나 1송이');
    if (!bunch) throw new Error('no 바나나 1송이 in the demo store');
    await page.getByRole('button', { name: '시작하기' }).click();
    await page.getByRole('button', { name: /바코드 없는 상품/ }).click();
    const grid = page.getByRole('dialog', { name: '상품을 골라 주세요' });
    const pictures = grid.getByRole('list', { name: /바코드 없는 상품/ });
    await pictures.getByRole('button', { name: new RegExp(bunch.name['ko'] ?? '') }).waitFor();
    // Fruit and bread are there; scale-labelled items (sold by weight) are not: they need the scale's label.
    expect(await pictures.textContent()).toContain('식빵');
    expect(await pictures.getByText('사과 (kg)').count()).toBe(0);
    await pictures.getByRole('button', { name: new RegExp(bunch.name['ko'] ?? '') }).click();
    await grid.getByRole('button', { name: '하나 더' }).click();
    await grid.getByRole('button', { name: '2개 담기' }).click();
    await grid.waitFor({ state: 'detached' });
    const row = basket().getByRole('row', { name: new RegExp(bunch.name['ko'] ?? '') });
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe('2');
    await expect.poll(() => page.getByRole('region', { name: '합계' }).getByLabel('합계').textContent()).toBe(won(bunch.price * 2));

    // The membership app's QR at the scanner identifies the customer (masked), instead of ringing an item.
    session.rig.lab.scanner.scan('M1:demo-seoyeon-91cd');
    await expect.poll(() => page.getByRole('region', { name: '합계' }).textContent()).toContain('회원 이*연 (010-****-3333)');
    session.rig.lab.scanner.scan('M1:nobody-0000');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('멤버십 코드를 찾을 수 없습니다');
  });
});
