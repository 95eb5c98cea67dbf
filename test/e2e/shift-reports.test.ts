import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';
import { centralGql } from '../support/central-query.ts';
import { DEMO_ADMIN_TOKEN, demoTills } from '../../fixtures/demo-store/store.ts';

const { ramen, water } = DEMO_PRODUCTS;
const won = (n: number): string => `₩${n.toLocaleString('en-US')}`;
const digits = (n: number): string => n.toLocaleString('en-US');

const session = useLaneSession('1234');

async function wedgeScan(code: string): Promise<void> {
  await session.page.keyboard.type(code);
  await session.page.keyboard.press('Enter');
}
const shiftScreen = () => session.page.getByRole('main', { name: '교대 및 시재 관리' });
const report = (title: string) => session.page.getByRole('region', { name: title });
const figure = (title: string, label: string) => report(title).getByLabel(label, { exact: true });
const lastPrinted = async (marker: string): Promise<string> =>
  waitFor(`a printed report with ${marker}`, () => session.rig.lab.printer.receipts().map((r) => r.lines.join('\n')).findLast((text) => text.includes(marker)));

/** What the journal says about the sales of this test: the totals the reports must match. */
function journalTotals(): { count: number; gross: number; cashNet: number; card: number } {
  const db = new Database(path.join(session.rig.dataDir, 'till.db'), { readonly: true });
  try {
    return db
      .prepare(`SELECT count(*) AS count, coalesce(sum(total), 0) AS gross,
          coalesce(sum((SELECT coalesce(sum(amount), 0) FROM sale_tender t WHERE t.sale_id = s.id AND t.kind = 'cash') - change_given), 0) AS cashNet,
          coalesce(sum((SELECT coalesce(sum(amount), 0) FROM sale_tender t WHERE t.sale_id = s.id AND t.kind = 'card')), 0) AS card
        FROM sale s`)
      .get() as { count: number; gross: number; cashNet: number; card: number };
  } finally {
    db.close();
  }
}

describe('a shift from float to Z report, by keyboard, matching the journal', () => {
  const float = 100_000;
  const drop = 30_000;

  it('opens a shift with a float from the lane (F6)', async () => {
    await session.page.keyboard.press('F6');
    await shiftScreen().waitFor();
    await session.page.getByLabel('준비금 (시재)').fill(String(float));
    await session.page.keyboard.press('Enter');
    await expect.poll(() => shiftScreen().textContent()).toContain(`준비금 ${won(float)}`);
    await session.page.keyboard.press('Escape');
    await session.page.getByRole('table', { name: '장바구니' }).waitFor();
  });

  it('rings a cash sale with change and a card sale', async () => {
    const basket = session.page.getByRole('table', { name: '장바구니' });
    await wedgeScan(ramen.barcode);
    await wedgeScan(water.barcode);
    await basket.getByRole('row', { name: new RegExp(water.name['ko'] ?? '') }).waitFor();
    await session.page.keyboard.press('F2');
    await session.page.getByLabel('받은 금액').fill('10000');
    await session.page.getByRole('button', { name: /현금 결제 확인/ }).click();
    await session.page.getByRole('button', { name: /새 거래/ }).click();

    await wedgeScan(ramen.barcode);
    await basket.getByRole('row', { name: new RegExp(ramen.name['ko'] ?? '') }).waitFor();
    await session.page.keyboard.press('F3');
    await session.page.getByRole('button', { name: /새 거래/ }).click();
    expect(journalTotals()).toEqual({ count: 2, gross: ramen.price * 2 + water.price, cashNet: ramen.price + water.price, card: ramen.price });
  });

  it('records a cash drop, then prints an X report whose totals match the journal', async () => {
    await session.page.keyboard.press('F6');
    await shiftScreen().waitFor();
    await session.page.getByRole('radio', { name: '중간 회수' }).check();
    await session.page.getByLabel('금액').fill(String(drop));
    await session.page.getByLabel('사유').fill('금고 입금');
    await session.page.keyboard.press('Enter');
    await expect.poll(() => shiftScreen().textContent()).toContain('기록했습니다');

    await session.page.keyboard.press('F2');
    const j = journalTotals();
    const expected = float + j.cashNet - drop;
    await expect.poll(() => figure('X 리포트', '총 매출').textContent()).toBe(won(j.gross));
    expect(await figure('X 리포트', '판매 건수').textContent()).toBe(String(j.count));
    expect(await figure('X 리포트', '현금 매출').textContent()).toBe(won(j.cashNet));
    expect(await figure('X 리포트', '카드 매출').textContent()).toBe(won(j.card));
    expect(await figure('X 리포트', '중간 회수').textContent()).toBe(won(drop));
    expect(await figure('X 리포트', '현금 시재 (예상)').textContent()).toBe(won(expected));

    const printed = await lastPrinted('[X 리포트]');
    console.log(`--- X report from the lab printer ---\n${printed}\n---`);
    expect(printed).toMatch(new RegExp(`총 매출\\s+${digits(j.gross)}`));
    expect(printed).toMatch(new RegExp(`카드 매출\\s+${digits(j.card)}`));
    expect(printed).toMatch(new RegExp(`현금 시재 \\(예상\\)\\s+${digits(expected)}`));
  });

  it('closes the shift with a blind count (1,000 won short) and closes the day with a Z report', async () => {
    const j = journalTotals();
    const expected = float + j.cashNet - drop;
    // Count 1,000 won less than expected, in 10,000 notes, 1,000 notes and 100 coins.
    const counted = expected - 1000;
    const tenK = Math.floor(counted / 10_000);
    const oneK = Math.floor((counted % 10_000) / 1000);
    const hundreds = (counted % 1000) / 100;
    await session.page.keyboard.press('F3');
    await session.page.getByLabel('₩10,000권').fill(String(tenK));
    await session.page.getByLabel('₩1,000권').fill(String(oneK));
    await session.page.getByLabel('₩100동전').fill(String(hundreds));
    await expect.poll(() => session.page.getByText(/실사 합계/).textContent()).toContain(won(counted));
    await session.page.getByRole('button', { name: /마감 확정/ }).click();
    await expect.poll(() => figure('교대 마감 리포트', '부족').textContent()).toBe(won(1000));
    expect(await figure('교대 마감 리포트', '현금 시재 (실사)').textContent()).toBe(won(counted));

    await session.page.keyboard.press('F4');
    await expect.poll(() => figure('Z 리포트', 'Z 번호').textContent()).toBe('1');
    expect(await figure('Z 리포트', '총 매출').textContent()).toBe(won(j.gross));
    expect(await figure('Z 리포트', '현금 매출').textContent()).toBe(won(j.cashNet));
    expect(await figure('Z 리포트', '카드 매출').textContent()).toBe(won(j.card));
    expect(await figure('Z 리포트', '부족').textContent()).toBe(won(1000));

    const printed = await lastPrinted('[Z 리포트]');
    console.log(`--- Z report from the lab printer ---\n${printed}\n---`);
    expect(printed).toMatch(new RegExp(`판매 건수\\s+${j.count}`));
    expect(printed).toMatch(new RegExp(`총 매출\\s+${digits(j.gross)}`));
    expect(printed).toMatch(new RegExp(`현금 시재 \\(실사\\)\\s+${digits(counted)}`));
    expect(printed).toMatch(/부족\s+1,000/);

    // The day closes once.
    await session.page.keyboard.press('F4');
    await expect.poll(() => session.page.getByRole('alert').textContent()).toContain('이미 마감');
  });

  it('reaches the central server: the shift, its drop and its close with the same shortage, and the Z report, once', async () => {
    const { central, dataDir } = session.rig;
    const db = new Database(path.join(dataDir, 'till.db'), { readonly: true });
    const pending = () => Number(db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending'").pluck().get());
    const day = String(db.prepare('SELECT business_day FROM shift').pluck().get());
    try {
      await waitFor('the outbox pushed', () => pending() === 0 || undefined);
      expect(db.prepare('SELECT kind, status FROM outbox ORDER BY sequence').all()).toEqual([
        'SHIFT_OPENED', 'SALE', 'SALE', 'CASH_MOVEMENT', 'SHIFT_CLOSED', 'DAY_CLOSED',
      ].map((kind) => ({ kind, status: 'applied' })));
    } finally {
      db.close();
    }
    const storeId = demoTills[0]?.storeId;
    const j = journalTotals();
    const expected = float + j.cashNet - drop;
    const shifts = await centralGql(central.url, DEMO_ADMIN_TOKEN, `query ($s: ID, $d: String!) { shifts(storeId: $s, businessDay: $d) {
      float counted expected overShort closedAt movements { kind amount reason } } }`, { s: storeId, d: day });
    expect(shifts.errors).toEqual([]);
    // The same 1,000 won short the shift report and the Z report printed above.
    expect(shifts.data?.['shifts']).toEqual([{
      float, counted: expected - 1000, expected, overShort: -1000, closedAt: expect.any(String),
      movements: [{ kind: 'DROP', amount: drop, reason: '금고 입금' }],
    }]);
    const closes = await centralGql(central.url, DEMO_ADMIN_TOKEN, `query ($s: ID, $d: String!) { businessDayCloses(storeId: $s, businessDay: $d) {
      zNumber saleCount grossSales cashSales cardSales overShort } }`, { s: storeId, d: day });
    expect(closes.data?.['businessDayCloses']).toEqual([{ zNumber: 1, saleCount: j.count, grossSales: j.gross, cashSales: j.cashNet, cardSales: j.card, overShort: -1000 }]);
  });
});
