import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabPoleDisplay } from '../../drivers/display/lab/lab-pole-display.ts';
import { displayRow } from '../../drivers/display/protocol/escpos-display.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';

const { ramen, water } = DEMO_PRODUCTS;

// One till whose scanner is the lab's USB HID POS scanner (its raw input reports over the lab's
// report stream), with the lab's printer, drawer, card terminal and pole display.
const session = useLaneSession('1234', { endpoints: (lab) => ({ scanner: lab.hid.endpoint }) });
let secondDisplay: LabPoleDisplay;
beforeAll(async () => {
  secondDisplay = await LabPoleDisplay.start();
});
afterAll(async () => secondDisplay?.close());

const health = () => session.page.getByRole('table', { name: '장치 상태 목록' });
const row = (device: string) => health().getByRole('row', { name: new RegExp(`^${device}`) });
const labControl = (path: string, body: unknown = {}) =>
  fetch(new URL(path, session.rig.lab.control.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the devices screen (Alt+K)', () => {
  it('shows the printer, the HID scanner, the card terminal and the pole display online', async () => {
    await session.page.keyboard.press('Alt+K');
    await session.page.getByRole('heading', { name: '장치 관리' }).waitFor();
    for (const device of ['프린터', '스캐너', '결제 단말기', '고객 표시기']) {
      await expect.poll(() => row(device).textContent()).toContain('온라인');
    }
    expect(await row('스캐너').textContent()).toContain(session.rig.lab.hid.endpoint);
    // What is plugged into this machine is listed, or why it cannot be (never a crash).
    await session.page.getByRole('heading', { name: '시리얼 포트' }).waitFor();
  });

  it('prints a test page on the lab printer and opens the drawer', async () => {
    const printed = session.rig.lab.printer.receipts().length;
    await session.page.getByRole('button', { name: '테스트 페이지 인쇄' }).click();
    await session.page.getByText('테스트 페이지를 인쇄했습니다.').waitFor();
    expect(session.rig.lab.printer.receipts()).toHaveLength(printed + 1);
    expect(session.rig.lab.printer.receipts().at(-1)?.lines.join('\n')).toContain('테스트 페이지 / TEST PAGE');

    const kicks = session.rig.lab.printer.state().drawerKicks;
    await session.page.getByRole('button', { name: '금전함 열기' }).click();
    await session.page.getByText('금전함을 열었습니다.').waitFor();
    await waitFor('the drawer kicked', () => session.rig.lab.printer.state().drawerKicks === kicks + 1, 5_000, 50);
  });

  it('shows a test on the pole display, and "scan now" shows a HID scan without ringing it', async () => {
    await session.page.getByRole('button', { name: '고객 표시기 테스트' }).click();
    await session.page.getByText('고객 표시기에 테스트 문구를 표시했습니다.').waitFor();
    await waitFor('the test on the lab pole display', () => session.rig.lab.display.lines()[0].startsWith('TEST 테스트'), 5_000, 50);

    await session.page.getByRole('button', { name: '지금 스캔' }).click();
    await session.page.getByText('스캔을 기다리는 중입니다').waitFor();
    expect((await labControl('/hid/scan', { data: water.barcode, symbology: ']E0' })).status).toBe(200);
    await session.page.getByText(`스캔됨: ${water.barcode} (${session.rig.lab.hid.endpoint})`).waitFor();
  });

  it('shows the HID scanner offline when the lab unplugs it, and online again when plugged back in', async () => {
    await labControl('/hid/unplug');
    await expect.poll(() => row('스캐너').textContent(), { timeout: 10_000 }).toContain('오프라인');
    await labControl('/hid/plug');
    await expect.poll(() => row('스캐너').textContent(), { timeout: 10_000 }).toContain('온라인');
  });

  it('does not let a cashier change an endpoint; Escape goes back to the lane, where the test scan rang nothing', async () => {
    await session.page.getByText('장치 주소는 감독자나 관리자가 변경할 수 있습니다.').waitFor();
    expect(await session.page.getByRole('form', { name: '장치 주소 변경' }).count()).toBe(0);
    await session.page.keyboard.press('Escape');
    await session.lane.basket().waitFor();
    expect(await session.lane.basket().getByText(water.name['ko'] ?? '').count()).toBe(0);
  });

  it('lets a supervisor point the pole display elsewhere: a bad URL is refused, a good one is used at once', async () => {
    await session.lane.signOut();
    await session.lane.signIn('5678');
    await session.page.keyboard.press('Alt+K');
    const form = session.page.getByRole('form', { name: '장치 주소 변경' });
    await form.getByLabel('변경할 장치').selectOption('display');
    await form.getByLabel('새 주소').fill('pole display by the door');
    await form.getByRole('button', { name: '저장하고 다시 연결' }).click();
    await form.getByRole('alert').filter({ hasText: '장치 주소가 올바르지 않습니다' }).waitFor();
    // The refused address changed nothing: the display is still the lab's and still online.
    expect(await row('고객 표시기').textContent()).toContain(session.rig.lab.endpoints.display);

    const url = `tcp://127.0.0.1:${secondDisplay.port}?codepage=ksc5601`;
    await form.getByLabel('새 주소').fill(url);
    await form.getByRole('button', { name: '저장하고 다시 연결' }).click();
    await form.getByText(`고객 표시기 주소를 저장하고 다시 연결했습니다: ${url}`).waitFor();
    await expect.poll(() => row('고객 표시기').textContent()).toContain(url);
    await waitFor('the new display connected', () => secondDisplay.connections === 1, 5_000, 50);
    await session.page.keyboard.press('Escape');
    await session.lane.basket().waitFor();
  });

  it('rings a HID POS scan from the lab, and the pole display shows each line, the total, then thanks', async () => {
    const ring = async (barcode: string, count: number) => {
      await labControl('/hid/scan', { data: barcode, symbology: ']E0' });
      await expect.poll(() => session.page.getByRole('region', { name: '금액 요약' }).locator('.item-count').textContent()).toContain(String(count));
    };
    const money = (n: number) => n.toLocaleString('ko-KR');
    const name = (n: Readonly<Record<string, string | undefined>>) => n['ko'] ?? '';
    await ring(ramen.barcode, 1);
    await waitFor('ramen on the pole display', () => secondDisplay.lines()[0] === displayRow(name(ramen.name), money(ramen.price)), 5_000, 50);
    expect(secondDisplay.lines()[1]).toBe(displayRow('합계', money(ramen.price)));
    await ring(water.barcode, 2);
    await waitFor('the new total on the pole display', () => secondDisplay.lines()[1] === displayRow('합계', money(ramen.price + water.price)), 5_000, 50);
    await session.lane.payCash(10_000);
    await session.lane.receiptNumber();
    await waitFor('thanks on the pole display', () => secondDisplay.lines()[0].trim() === '감사합니다', 5_000, 50);
    expect(secondDisplay.lines()[1]).toBe(displayRow('거스름돈', money(10_000 - ramen.price - water.price)));
  });
});
