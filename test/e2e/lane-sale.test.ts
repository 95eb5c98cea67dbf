import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { demoStore } from '../../fixtures/demo-store/store.ts';
import { launchChromium } from '../support/browser.ts';
import { centralSales } from '../support/central-query.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';
import { waitFor } from '../support/wait-for.ts';

const { ramen, water, banana } = DEMO_PRODUCTS;
const won = (n: number): string => `₩${n.toLocaleString('en-US')}`;

let rig: TillRig;
let browser: Browser;
let page: Page;

/** A keyboard-wedge scanner types the code faster than any person, then Enter. */
async function wedgeScan(code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

const basket = () => page.getByRole('table', { name: '장바구니' });
const summary = () => page.getByRole('region', { name: '금액 요약' });

beforeAll(async () => {
  rig = await startTillRig();
  await rig.ready();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(rig.host.url);
});

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('a cashier rings a sale end to end (browser mode, lab devices, central server)', () => {
  it('signs in with a staff PIN, and refuses a wrong one', async () => {
    await page.getByLabel('직원 PIN').fill('0000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('PIN이 올바르지 않습니다');
    await page.getByLabel('직원 PIN').fill('1234');
    await page.keyboard.press('Enter');
    await basket().waitFor();
    await expect.poll(() => page.getByText('계산원: 김민지').count()).toBe(1);
  });

  it('refuses a garbled barcode with a clear message and rings nothing', async () => {
    const garbled = ramen.barcode.slice(0, 12) + String((Number(ramen.barcode.slice(12)) + 1) % 10);
    await wedgeScan(garbled);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(`스캔 오류 (${garbled})`);
    expect(await basket().getByRole('row').count()).toBe(1); // the header row only
  });

  it('rings three products from the wedge and the lab scanner, one of them twice, and voids a line', async () => {
    const ramenRow = basket().getByRole('row', { name: new RegExp(ramen.name['ko'] ?? '') });
    await wedgeScan(ramen.barcode);
    await wedgeScan(ramen.barcode);
    // The second scan of the same product adds to its line (the lab scan waits: two scanners racing is another test).
    await expect.poll(() => ramenRow.getByRole('cell').nth(1).textContent()).toBe('2');
    rig.lab.scanner.scan(water.barcode);
    await expect.poll(() => basket().getByRole('row', { name: new RegExp(water.name['ko'] ?? '') }).count()).toBe(1);
    await wedgeScan(banana.barcode);
    await expect.poll(() => basket().getByRole('row', { name: /면세/ }).count()).toBe(1);

    await page.getByRole('button', { name: `취소: ${banana.name['ko']}` }).click();
    await expect.poll(() => basket().getByRole('row', { name: /취소됨/ }).count()).toBe(1);

    const total = ramen.price * 2 + water.price;
    await expect.poll(() => summary().getByLabel('합계').textContent()).toBe(won(total));
    const vat = Math.floor((total * 1000) / 11000);
    await expect.poll(() => summary().getByLabel('부가세').textContent()).toBe(won(vat));
    await expect.poll(() => summary().getByLabel('과세물품가액').textContent()).toBe(won(total - vat));
  });

  it('takes cash, shows the change, prints a Korean receipt, journals the sale and syncs it to the central server', async () => {
    const total = ramen.price * 2 + water.price;
    const received = 10000;
    await page.keyboard.press('F2');
    await page.getByLabel('받은 금액').fill(String(received));
    await page.getByRole('button', { name: /현금 결제 확인/ }).click();

    const done = page.getByRole('status', { name: '결제 완료' });
    await expect.poll(() => done.getByLabel('거스름돈').textContent()).toBe(won(received - total));
    const receiptNumber = (await done.getByLabel('영수증 번호').textContent())?.trim() ?? '';
    expect(receiptNumber).toMatch(/^0001-01-\d{6}$/);
    await expect.poll(() => done.textContent()).toContain('영수증을 출력했습니다');

    // The lab printer decoded the ESC/POS bytes it received over TCP 9100-style.
    const receipt = await waitFor('the printed receipt', () => rig.lab.printer.receipts().at(-1));
    const text = receipt.lines.join('\n');
    console.log(`--- decoded receipt from the lab printer ---\n${text}\n[barcode ${receipt.barcodes.join(', ')}]\n---`);
    expect(text).toContain(demoStore.name);
    expect(text).toContain(ramen.name['ko']);
    expect(text).toContain(water.name['ko']);
    expect(text).not.toContain(banana.name['ko']); // the voided line is not printed
    expect(text).toMatch(/과세물품가액\s+[\d,]+/);
    expect(text).toMatch(new RegExp(`거스름돈\\s+${(received - total).toLocaleString('en-US')}`));
    expect(receipt.barcodes).toContain(receiptNumber);

    // The till's journal has the sale, the voided line kept, the cash tender as handed over.
    const db = new Database(path.join(rig.dataDir, 'till.db'), { readonly: true });
    try {
      const sale = db.prepare('SELECT id, total, change_given AS change FROM sale WHERE receipt_number = ?').get(receiptNumber) as { id: string; total: number; change: number };
      expect(sale).toMatchObject({ total, change: received - total });
      expect(db.prepare('SELECT count(*) AS n, sum(voided) AS voided FROM sale_line WHERE sale_id = ?').get(sale.id)).toEqual({ n: 3, voided: 1 });
      expect(db.prepare('SELECT kind, amount FROM sale_tender WHERE sale_id = ?').all(sale.id)).toEqual([{ kind: 'cash', amount: received }]);
    } finally {
      db.close();
    }

    // Within seconds the central server has it, and shows it to a GraphQL query.
    const [central] = await waitFor('the sale in the central server', async () => {
      const s = await centralSales(rig.central.url, receiptNumber);
      return s.length > 0 ? s : undefined;
    });
    expect(central).toMatchObject({ tillId: 'till-0001-01', totals: { total, itemCount: 3 }, change: received - total, flag: null });
    expect(central?.lines.map((l) => [l.barcode, l.quantity, l.voided])).toEqual([
      [ramen.barcode, 2, false],
      [water.barcode, 1, false],
      [banana.barcode, 1, true],
    ]);
    await expect.poll(() => page.getByText(/동기화: 온라인/).count()).toBe(1);
  });

  it('pays by card: a declined card leaves the sale open, an approved one completes it with only a masked card number', async () => {
    await page.getByRole('button', { name: /새 거래/ }).click();
    await wedgeScan(water.barcode);
    await expect.poll(() => summary().getByLabel('합계').textContent()).toBe(won(water.price));

    rig.lab.terminal.nextOutcome('decline');
    await page.keyboard.press('F3');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('결제 실패');
    await expect.poll(() => summary().getByLabel('남은 금액').textContent()).toBe(won(water.price));

    await page.keyboard.press('F3');
    const done = page.getByRole('status', { name: '결제 완료' });
    await done.waitFor();
    const receiptNumber = (await done.getByLabel('영수증 번호').textContent())?.trim() ?? '';
    const [central] = await waitFor('the card sale in the central server', async () => {
      const s = await centralSales(rig.central.url, receiptNumber);
      return s.length > 0 ? s : undefined;
    });
    expect(central?.tenders).toHaveLength(1);
    expect(central?.tenders[0]).toMatchObject({ kind: 'CARD', amount: water.price });
    expect(central?.tenders[0]?.card?.maskedPan).toMatch(/^\*+\d{4}$/);
    const db = new Database(path.join(rig.dataDir, 'till.db'), { readonly: true });
    try {
      // No full card number anywhere in the journal or the outbox.
      const outboxTenders = (db.prepare('SELECT payload FROM outbox').all() as { payload: string }[]).map((r) => (JSON.parse(r.payload) as { tenders: unknown }).tenders);
      const dump = JSON.stringify(db.prepare('SELECT * FROM sale_tender').all()) + JSON.stringify(outboxTenders);
      expect(dump).not.toMatch(/\d{13,19}/);
    } finally {
      db.close();
    }
  });
});
