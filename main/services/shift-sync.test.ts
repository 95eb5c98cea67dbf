import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from '../store/database.ts';
import { SqliteJournal } from '../store/journal-repository.ts';
import { SqliteOutbox } from '../store/outbox-repository.ts';
import { SqliteShifts } from '../store/shift-repository.ts';
import { addItem } from '../core/basket.ts';
import { openSale } from '../core/sale.ts';
import { KOREAN_VAT } from '../core/tax.ts';
import type { TillIdentity } from '../core/ports.ts';
import { createCentralClient } from '../../sync/central-client.ts';
import { pushOutbox } from '../../sync/outbox-pusher.ts';
import { toMutationInput } from '../../sync/sale-input.ts';
import { type Central, startCentral } from '../../fixtures/central/server.ts';
import { DEMO_ADMIN_TOKEN, demoTillIdentity, demoTills } from '../../fixtures/demo-store/store.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { centralGql } from '../../test/support/central-query.ts';
import { ShiftService } from './shift-service.ts';

/**
 * The drawer through the outbox: a till's shift (float, drop, paid-in, paid-out, no-sale, blind
 * count) and its Z report, on real SQLite, pushed to the reference central server over loopback,
 * applied once, and read back as the head office would.
 */
const till = demoTills[0];
const otherTill = demoTills[1];
if (!till || !otherTill) throw new Error('demo tills missing');
const identity: TillIdentity = demoTillIdentity(till);

let dir: string;
let dbs: TillDatabases;
let central: Central;
let now: Date;
let seq = 0;

const SHIFTS = `query ($storeId: ID, $day: String!) { shifts(storeId: $storeId, businessDay: $day) {
  id tillId staffId businessDay float openedAt closedAt closedBy counted expected overShort flag
  counts { denomination pieces } movements { kind amount reason staffId } } }`;
const CLOSES = `query ($storeId: ID, $day: String!) { businessDayCloses(storeId: $storeId, businessDay: $day) {
  tillId businessDay zNumber saleCount grossSales cashSales cardSales expectedCash counted overShort } }`;

function service(): ShiftService {
  return new ShiftService({
    shifts: new SqliteShifts(dbs.till), identity, clock: { now: () => now }, ids: { newId: () => `id-${Date.now()}-${++seq}` }, printer: null,
    staff: () => ({ id: 'staff-0001', name: '김민지', role: 'cashier' }), unsyncedSales: () => 0, approve: async () => null,
  });
}

/** A cash sale of one ramen, paid with a 5,000 note, committed the way the lane commits it. */
function sellRamen(journal: SqliteJournal): void {
  const s = openSale(`sale-${++seq}`, 'staff-0001', now.toISOString(), 'KRW');
  const b = addItem(s.basket, DEMO_PRODUCTS.ramen, 1, `line-${seq}`);
  if (!b.ok) throw new Error(b.message);
  const r = journal.commitSale({ ...s, basket: b.value, tenders: [{ id: `t-${seq}`, kind: 'cash', amount: 5000 }] }, {
    completedAt: now.toISOString(), businessDay: '2026-11-25', mutationId: `m-sale-${seq}`,
  });
  if (!r.ok) throw new Error(r.message);
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'shift-sync-'));
  dbs = openTillDatabases(path.join(dir, 'till'));
  central = await startCentral({ dbPath: path.join(dir, 'central.db') });
  now = new Date('2026-11-25T01:00:00.000Z'); // 10:00 in Seoul
});
afterEach(async () => {
  dbs.close();
  await central.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('shifts and cash movements through the outbox', () => {
  it('reach the centre once, in order with the sales, with the over/short the till printed', async () => {
    const shifts = service();
    const journal = new SqliteJournal(dbs.till, identity, KOREAN_VAT);
    expect(shifts.open(100_000).ok).toBe(true);
    sellRamen(journal);
    await shifts.cash('drop', 30_000, '금고 입금');
    await shifts.cash('paidIn', 5_000, '거스름돈 보충');
    await shifts.cash('paidOut', 2_000, '택배비');
    await shifts.cash('noSale', 0, '잔돈 교환');
    // Expected: 100,000 + 1,100 (5,000 given, 3,900 change) - 30,000 + 5,000 - 2,000 = 74,100. Counted 1,000 short.
    const closed = await shifts.close({ 10_000: 7, 1_000: 3, 100: 1 });
    if (!closed.ok) throw new Error(closed.message);
    expect(closed.value).toMatchObject({ counted: 73_100, overShort: -1_000, totals: { expectedCash: 74_100 } });
    const z = await shifts.reportZ();
    if (!z.ok) throw new Error(z.message);

    const client = createCentralClient({ endpoint: central.url, token: till.token });
    const outbox = new SqliteOutbox(dbs.till);
    const pushed = await pushOutbox(client, outbox);
    expect(pushed).toMatchObject({ pushed: 8, applied: 8, rejected: 0 });

    const read = await centralGql(central.url, DEMO_ADMIN_TOKEN, SHIFTS, { storeId: till.storeId, day: '2026-11-25' });
    expect(read.errors).toEqual([]);
    expect(read.data?.['shifts']).toEqual([{
      id: closed.value.shiftIds[0], tillId: till.tillId, staffId: 'staff-0001', businessDay: '2026-11-25', float: 100_000,
      openedAt: '2026-11-25T01:00:00.000Z', closedAt: '2026-11-25T01:00:00.000Z', closedBy: 'staff-0001',
      counted: 73_100, expected: 74_100, overShort: closed.value.overShort, flag: null,
      counts: [{ denomination: 10_000, pieces: 7 }, { denomination: 1_000, pieces: 3 }, { denomination: 100, pieces: 1 }],
      movements: [
        { kind: 'DROP', amount: 30_000, reason: '금고 입금', staffId: 'staff-0001' },
        { kind: 'PAID_IN', amount: 5_000, reason: '거스름돈 보충', staffId: 'staff-0001' },
        { kind: 'PAID_OUT', amount: 2_000, reason: '택배비', staffId: 'staff-0001' },
        { kind: 'NO_SALE', amount: 0, reason: '잔돈 교환', staffId: 'staff-0001' },
      ],
    }]);
    const closes = await centralGql(central.url, DEMO_ADMIN_TOKEN, CLOSES, { storeId: till.storeId, day: '2026-11-25' });
    expect(closes.data?.['businessDayCloses']).toEqual([{
      tillId: till.tillId, businessDay: '2026-11-25', zNumber: 1, saleCount: 1, grossSales: DEMO_PRODUCTS.ramen.price,
      cashSales: DEMO_PRODUCTS.ramen.price, cardSales: 0, expectedCash: 74_100, counted: 73_100, overShort: z.value.overShort,
    }]);

    // The answers were lost after the centre committed: everything is sent again and nothing is doubled.
    const replay = await client.pushMutations(outbox.from(1, 100).map(toMutationInput));
    if (!replay.ok) throw new Error(replay.message);
    expect(replay.value.results.map((r) => r.status)).toEqual(Array(8).fill('DUPLICATE'));
    const again = await centralGql(central.url, DEMO_ADMIN_TOKEN, SHIFTS, { storeId: till.storeId, day: '2026-11-25' });
    expect((again.data?.['shifts'] as { movements: unknown[] }[]).map((s) => s.movements.length)).toEqual([4]);
    expect(central.db.prepare('SELECT count(*) FROM business_day_close').pluck().get()).toBe(1);
  });

  it('lets a till read only its own store, and the back office only a store it names', async () => {
    const other = await centralGql(central.url, till.token, SHIFTS, { storeId: 'store-jamsil', day: '2026-11-25' });
    expect(other.errors.map((e) => e.message)).toEqual(["a till reads only its own store's shifts"]);
    const unnamed = await centralGql(central.url, DEMO_ADMIN_TOKEN, SHIFTS, { day: '2026-11-25' });
    expect(unnamed.errors.map((e) => e.message)).toEqual(['name the store (storeId) to read shifts as the back office']);
    const own = await centralGql(central.url, till.token, SHIFTS, { day: '2026-11-25' });
    expect(own).toEqual({ data: { shifts: [] }, errors: [] });
  });
});
