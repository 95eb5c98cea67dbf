import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { won } from '../support/lane-page.ts';
import { waitFor } from '../support/wait-for.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';

// Training mode at the lane, on real parts: a supervisor switches it on for the signed-in cashier
// (Alt+N; the cashier's own PIN is refused), a big banner says so, a sale is rung and paid by card
// (a simulated approval: the lab terminal is never asked) and in cash; the receipts say TRAINING at
// the top and the bottom and have their own numbers; nothing reaches the central server, the X
// report leaves them out; training off, the next sale is real again.

const { ramen, water } = DEMO_PRODUCTS;
const session = useLaneSession('1234');
const page = () => session.page;
const banner = () => page().getByRole('status', { name: '연습 모드 / TRAINING' });
const shiftScreen = () => page().getByRole('main', { name: '교대 및 시재 관리' });
const figure = (title: string, label: string) => page().getByRole('region', { name: title }).getByLabel(label, { exact: true });
const printedWith = (marker: string): Promise<string> =>
  waitFor(`a printed paper with ${marker}`, () => session.rig.lab.printer.receipts().map((r) => r.lines.join('\n')).findLast((text) => text.includes(marker)));

/** Rows of a till.db table, read-only. */
function tillRows(sql: string): unknown[] {
  const db = new Database(path.join(session.rig.dataDir, 'till.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

async function switchTraining(title: string, pin: string): Promise<void> {
  await page().keyboard.press('Alt+N');
  const d = page().getByRole('dialog', { name: title });
  await d.getByLabel('감독자 PIN').fill(pin);
  await d.getByLabel('감독자 PIN').press('Enter');
}

let realReceipt = '';

describe('training mode', () => {
  it('rings one real sale in an open shift first', async () => {
    await page().keyboard.press('F6');
    await shiftScreen().waitFor();
    await page().getByLabel('준비금 (시재)').fill('50000');
    await page().keyboard.press('Enter');
    await expect.poll(() => shiftScreen().textContent()).toContain('준비금 ₩50,000');
    await page().keyboard.press('Escape');
    await session.lane.ring(water.barcode);
    await session.lane.payCash();
    realReceipt = await session.lane.receiptNumber();
    await session.lane.newSale();
    await waitFor('the real sale at the centre', () => (session.rig.central.admin.sales(realReceipt).length === 1 ? true : undefined));
  });

  it('is switched on by a supervisor, not by the cashier, and shows a big banner', async () => {
    await switchTraining('연습 모드 시작 (감독자)', '1234');
    const d = page().getByRole('dialog', { name: '연습 모드 시작 (감독자)' });
    await expect.poll(() => d.getByRole('alert').textContent()).toContain('감독자 또는 관리자의 PIN이 아닙니다');
    expect(await banner().count()).toBe(0);
    await d.getByLabel('감독자 PIN').fill('5678');
    await d.getByLabel('감독자 PIN').press('Enter');
    await banner().waitFor();
    await expect.poll(() => page().getByRole('button', { name: /연습 모드 끝내기/ }).count()).toBe(1);
  });

  it('rings and pays a sale by card with a simulated approval and in cash; the receipts say TRAINING at the top and the bottom', async () => {
    const terminalBefore = session.rig.lab.terminal.transactions().length;
    await session.lane.ring(ramen.barcode);
    await session.lane.ring(ramen.barcode);
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(ramen.price * 2));
    await page().keyboard.press('F3');
    const first = await session.lane.receiptNumber();
    expect(first).toBe('T0001-01-000001');
    // The real terminal was never asked to charge anything.
    expect(session.rig.lab.terminal.transactions()).toHaveLength(terminalBefore);
    const receipt = await printedWith(first);
    const lines = receipt.split('\n').filter((l) => l.trim() !== '');
    expect(lines[0]).toContain('연습 모드 / TRAINING');
    expect(lines.at(-1)).toContain('연습 모드 / TRAINING');
    expect(receipt).toContain('TRAINING ****0000');
    await session.lane.newSale();

    await session.lane.ring(water.barcode);
    await session.lane.payCash(1_000);
    expect(await session.lane.receiptNumber()).toBe('T0001-01-000002');
    await session.lane.newSale();
  });

  it('sends nothing to the central server and leaves the training sales out of the journal and the X report', async () => {
    // No outbox row was ever written for them; the only sale the journal and the centre know is the real one.
    expect(tillRows("SELECT json_extract(payload, '$.receiptNumber') AS receipt FROM outbox WHERE kind = 'SALE'")).toEqual([{ receipt: realReceipt }]);
    expect(tillRows('SELECT receipt_number AS receipt FROM sale')).toEqual([{ receipt: realReceipt }]);
    expect(tillRows('SELECT receipt_number AS receipt FROM training_sale ORDER BY sequence')).toEqual([{ receipt: 'T0001-01-000001' }, { receipt: 'T0001-01-000002' }]);
    const client = await NodeTillClient.connect(session.rig.host.url);
    try {
      await client.call('sync.now', {});
      await waitFor('a push round after the training sales', async () => ((await client.call('till.status', {})).sync.queued === 0 ? true : undefined));
    } finally {
      client.close();
    }
    expect(session.rig.central.admin.sales().map((s) => s.receiptNumber)).toEqual([realReceipt]);

    await page().keyboard.press('F6');
    await shiftScreen().waitFor();
    await page().keyboard.press('F2');
    await expect.poll(() => figure('X 리포트', '판매 건수').textContent()).toBe('1');
    expect(await figure('X 리포트', '총 매출').textContent()).toBe(won(water.price));
    expect(await figure('X 리포트', '카드 매출').textContent()).toBe(won(0));
    expect(await figure('X 리포트', '현금 시재 (예상)').textContent()).toBe(won(50_000 + water.price));
    await page().keyboard.press('Escape');
    await session.lane.basket().waitFor();
  });

  it('is switched off by a supervisor: the banner goes and the next sale is real', async () => {
    await switchTraining('연습 모드 끝내기 (감독자)', '5678');
    await expect.poll(() => banner().count()).toBe(0);
    await session.lane.ring(water.barcode);
    await session.lane.payCash();
    const receipt = await session.lane.receiptNumber();
    expect(receipt).toBe('0001-01-000002');
    const printed = await printedWith(receipt);
    expect(printed).not.toContain('TRAINING');
    await waitFor('the real sale at the centre', () => (session.rig.central.admin.sales(receipt).length === 1 ? true : undefined));
  });
});
