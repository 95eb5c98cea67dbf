import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from '../store/database.ts';
import { SqliteJournal } from '../store/journal-repository.ts';
import { SqliteShifts } from '../store/shift-repository.ts';
import { TEST_IDENTITY, tempDataDir } from '../store/test-helpers.ts';
import { addItem } from '../core/basket.ts';
import { openSale, type OpenSale } from '../core/sale.ts';
import type { Tender } from '../core/tender.ts';
import { KOREAN_VAT } from '../core/tax.ts';
import type { PrintDocument, ReceiptPrinter } from '../../drivers/printer/types.ts';
import type { StaffView } from '../api/contract.ts';
import { SHIFT_MESSAGES, ShiftService } from './shift-service.ts';

let dbs: TillDatabases;
let cleanup: () => void;
let journal: SqliteJournal;
let repo: SqliteShifts;
let printed: PrintDocument[];
let staff: StaffView | null;
let now: Date;
let seq = 0;
let unsynced: number;

let drawerKicks: number;
const printer = {
  print: async (doc: PrintDocument) => (printed.push(doc), { ok: true as const }),
  openDrawer: async () => (drawerKicks++, { ok: true as const }),
} as unknown as ReceiptPrinter;

function service(): ShiftService {
  return new ShiftService({ shifts: repo, identity: TEST_IDENTITY, clock: { now: () => now }, ids: { newId: () => `id-${++seq}` }, printer, staff: () => staff,
    unsyncedSales: () => unsynced, approve: async (pin) => (pin === '5678' ? { id: 'staff-3' } : null) });
}

/** Rings a 3,000 won sale paid as given, straight into the journal. */
function sell(tenders: Tender[]): void {
  const id = `sale-${++seq}`;
  const s: OpenSale = openSale(id, 'staff-1', now.toISOString(), 'KRW');
  const b = addItem(s.basket, { id: 'p1', barcode: '8800000000017', name: { ko: '생수', en: 'Water' }, price: 3000, currency: 'KRW', taxClass: 'VAT10', category: 'd' }, 1, `${id}-l`);
  if (!b.ok) throw new Error(b.message);
  const r = journal.commitSale({ ...s, basket: b.value, tenders }, { completedAt: now.toISOString(), businessDay: '2026-11-25', mutationId: `m-${id}` });
  if (!r.ok) throw new Error(r.message);
}
const text = (doc: PrintDocument | undefined) =>
  (doc?.blocks ?? []).map((b) => (b.kind === 'text' ? b.text : b.kind === 'columns' ? `${b.left} ${b.right}` : '')).join('\n');

beforeEach(() => {
  const t = tempDataDir();
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
  journal = new SqliteJournal(dbs.till, TEST_IDENTITY, KOREAN_VAT);
  repo = new SqliteShifts(dbs.till);
  printed = [];
  drawerKicks = 0;
  staff = { id: 'staff-1', name: '김민지', role: 'cashier' };
  // 23:30 in Seoul on 25 November.
  now = new Date('2026-11-25T14:30:00.000Z');
  unsynced = 0;
});
afterEach(() => {
  dbs.close();
  cleanup();
});

describe('shifts and the cash drawer', () => {
  it('opens one shift with a float, its business day fixed at opening', () => {
    const shifts = service();
    expect(shifts.open(100_000)).toMatchObject({ ok: true, value: { float: 100_000, businessDay: '2026-11-25', staffId: 'staff-1' } });
    now = new Date('2026-11-25T15:30:00.000Z'); // past midnight in Seoul
    expect(shifts.current()?.businessDay).toBe('2026-11-25');
    expect(shifts.open(50_000)).toEqual({ ok: false, code: 'shift_open', message: SHIFT_MESSAGES.shiftOpen });
  });

  it('refuses cash movements and reports without a shift or a signed-in cashier', async () => {
    const shifts = service();
    expect(await shifts.cash('drop', 1000, 'safe')).toMatchObject({ ok: false, code: 'no_shift' });
    expect(drawerKicks).toBe(0);
    expect(await shifts.reportX()).toMatchObject({ ok: false, code: 'no_shift' });
    staff = null;
    expect(shifts.open(0)).toMatchObject({ ok: false, code: 'not_signed_in' });
  });

  it('counts the shift\'s sales from the journal in the X report', async () => {
    const shifts = service();
    shifts.open(100_000);
    sell([{ id: 't1', kind: 'cash', amount: 10_000 }]);
    sell([{ id: 't2', kind: 'card', amount: 3000, card: { scheme: 'VISA', maskedPan: '****1234', approvalCode: 'A1', terminalRef: 'r1' } }]);
    await shifts.cash('drop', 50_000, '금고 입금');
    await shifts.cash('paidIn', 20_000, '잔돈 보충');
    await shifts.cash('paidOut', 5_000, '택배비');
    expect(await shifts.cash('noSale', 0, '잔돈 교환')).toMatchObject({ ok: true, value: { drawerOpened: true } });
    // Every movement opens the drawer once it is recorded.
    expect(drawerKicks).toBe(4);
    const x = await shifts.reportX();
    expect(x).toMatchObject({
      ok: true,
      value: {
        kind: 'X',
        closedAt: null,
        counted: null,
        totals: { float: 100_000, saleCount: 2, grossSales: 6000, cashSales: 3000, cardSales: 3000, paidIn: 20_000, paidOut: 5_000, drops: 50_000, noSales: 1, expectedCash: 68_000 },
        printed: { printed: true },
      },
    });
    expect(text(printed[0])).toMatch(/\[X 리포트\][\s\S]*현금 시재 \(예상\) 68,000/);
    // The report does not close anything.
    expect(shifts.current()).not.toBeNull();
  });

  it('closes the shift with a blind count by denomination and tells over or short', async () => {
    const shifts = service();
    shifts.open(50_000);
    sell([{ id: 't1', kind: 'cash', amount: 5000 }]);
    // 50,000 float + 5,000 cash - 2,000 change = 53,000 expected; 51,000 counted.
    const closed = await shifts.close({ 50000: 1, 1000: 1 });
    expect(closed).toMatchObject({ ok: true, value: { kind: 'shift', counted: 51_000, overShort: -2_000, totals: { expectedCash: 53_000 } } });
    expect(text(printed[0])).toMatch(/현금 시재 \(실사\) 51,000\n부족 2,000/);
    expect(shifts.current()).toBeNull();
    expect(await shifts.close({})).toMatchObject({ ok: false, code: 'no_shift' });
  });

  it('refuses a count with a note KRW does not have', async () => {
    const shifts = service();
    shifts.open(0);
    expect(await shifts.close({ 20000: 1 })).toMatchObject({ ok: false, code: 'invalid_count' });
    expect(shifts.current()).not.toBeNull();
  });

  it('closes the business day once with a Z report over all its shifts, only after the last shift is counted', async () => {
    const shifts = service();
    shifts.open(10_000);
    sell([{ id: 't1', kind: 'cash', amount: 3000 }]);
    expect(await shifts.reportZ()).toMatchObject({ ok: false, code: 'shift_still_open' });
    await shifts.close({ 10000: 1, 1000: 3 });
    shifts.open(20_000);
    sell([{ id: 't2', kind: 'cash', amount: 5000 }]);
    await shifts.close({ 10000: 2, 1000: 1 }); // 23,000 expected, 2,000 short
    const z = await shifts.reportZ();
    expect(z).toMatchObject({
      ok: true,
      value: { kind: 'Z', zNumber: 1, businessDay: '2026-11-25', counted: 34_000, overShort: -2_000, totals: { float: 30_000, saleCount: 2, grossSales: 6000, expectedCash: 36_000 } },
    });
    expect(text(printed.at(-1))).toMatch(/\[Z 리포트\][\s\S]*Z 번호 1/);
    expect(await shifts.reportZ()).toEqual({ ok: false, code: 'day_closed', message: SHIFT_MESSAGES.dayClosed('2026-11-25') });
    expect(shifts.open(0)).toMatchObject({ ok: false, code: 'day_closed' });
  });

  it('counts a sale rung while no shift was open in the next shift\'s X and Z reports, so the Z report adds up to the journal', async () => {
    const shifts = service();
    sell([{ id: 't0', kind: 'cash', amount: 3000 }]); // before the first shift
    shifts.open(10_000);
    const x = await shifts.reportX();
    expect(x).toMatchObject({ ok: true, value: { totals: { saleCount: 1, grossSales: 3000, cashSales: 3000 } } });
    await shifts.close({ 10000: 1, 1000: 3 });
    sell([{ id: 't1', kind: 'card', amount: 3000, card: { scheme: 'VISA', maskedPan: '****1234', approvalCode: 'A1', terminalRef: 'r1' } }]); // between shifts
    shifts.open(0);
    sell([{ id: 't2', kind: 'cash', amount: 3000 }]);
    expect(await shifts.reportX()).toMatchObject({ ok: true, value: { totals: { saleCount: 2, grossSales: 6000, cardSales: 3000, cashSales: 3000 } } });
    await shifts.close({ 1000: 3 });
    const z = await shifts.reportZ();
    const journalTotal = dbs.till.prepare('SELECT count(*) AS n, sum(total) AS gross FROM sale').get() as { n: number; gross: number };
    expect(z).toMatchObject({ ok: true, value: { kind: 'Z', totals: { saleCount: journalTotal.n, grossSales: journalTotal.gross } } });
    expect(journalTotal).toEqual({ n: 3, gross: 9000 });
  });

  it('closes the day with sales not yet synced only with a supervisor PIN', async () => {
    const shifts = service();
    shifts.open(0);
    await shifts.close({});
    unsynced = 3;
    expect(await shifts.reportZ()).toEqual({ ok: false, code: 'unsynced_sales', message: SHIFT_MESSAGES.unsyncedSales(3) });
    expect(await shifts.reportZ('1234')).toMatchObject({ ok: false, code: 'unsynced_sales' });
    expect(await shifts.reportZ('5678')).toMatchObject({ ok: true, value: { kind: 'Z', zNumber: 1 } });
  });

  it('queues every shift event in the outbox with its record, in order with the sales, each with its own idempotency key', async () => {
    const shifts = service();
    shifts.open(1000);
    sell([{ id: 't1', kind: 'cash', amount: 3000 }]);
    await shifts.cash('drop', 500, 'safe');
    await shifts.close({ 500: 7 });
    await shifts.reportZ();
    const rows = dbs.till.prepare('SELECT sequence, kind, status FROM outbox ORDER BY sequence').all();
    expect(rows).toEqual(['SHIFT_OPENED', 'SALE', 'CASH_MOVEMENT', 'SHIFT_CLOSED', 'DAY_CLOSED'].map((kind, i) => ({ sequence: i + 1, kind, status: 'pending' })));
    const events = repo.events();
    expect(new Set(events.map((e) => e.mutationId)).size).toBe(4);
    // The close carries the count and what was expected (1,000 float + 3,000 cash - 500 dropped), with who and when.
    expect(events[2]).toMatchObject({ kind: 'SHIFT_CLOSED', payload: { counted: 3500, expected: 3500, closedBy: 'staff-1', closedAt: now.toISOString() } });
    expect(events[3]).toMatchObject({ kind: 'DAY_CLOSED', payload: { zNumber: 1, counted: 3500, overShort: 0, totals: { grossSales: 3000, drops: 500 } } });
  });

  it('writes no outbox row when the record is refused (a closed shift is final)', async () => {
    const shifts = service();
    shifts.open(0);
    await shifts.close({});
    const before = dbs.till.prepare('SELECT count(*) FROM outbox').pluck().get();
    const closed = repo.ofBusinessDay('2026-11-25')[0];
    if (!closed) throw new Error('no shift');
    expect(() => repo.close({ id: closed.id, closedAt: 't', closedBy: 'staff-1', counted: 0, counts: {}, expected: 0 }, { mutationId: 'again', kind: 'SHIFT_CLOSED', occurredAt: 't', payload: { shiftId: closed.id, closedAt: 't', closedBy: 'staff-1', counts: {}, counted: 0, expected: 0 } })).toThrow();
    expect(dbs.till.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(before);
  });
});
