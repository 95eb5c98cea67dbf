import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { type Fault, type FaultPlan, type FaultProxy, PASS, faultNext, startFaultProxy } from '../../fixtures/central/fault-proxy.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { demoTills } from '../../fixtures/demo-store/store.ts';
import { startSync, type SyncService } from '../../main/services/sync-service.ts';
import type { SyncStatusView } from '../../main/api/contract.ts';
import { centralLedger, centralSequences, openTillStore, tillLedger, type TillStore } from '../support/sync-ledger.ts';
import { waitFor } from '../support/wait-for.ts';

// Sync against the real central server over loopback, through a proxy that injects faults.
// After every fault the server's ledger must equal the till's journal: same sale ids, same amounts,
// each once, and the server's sequence for the till gapless.
const till = demoTills[0];
if (!till) throw new Error('no demo till');

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

interface Rig {
  readonly central: Central;
  readonly proxy: FaultProxy;
  readonly store: TillStore;
  readonly sync: SyncService;
  readonly statuses: SyncStatusView[];
}

async function rig(options: { now?: () => Date; timeoutMs?: number } = {}): Promise<Rig> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sync-faults-'));
  const central = await startCentral({ dbPath: path.join(dir, 'central.db') });
  const proxy = await startFaultProxy(central.url);
  const store = openTillStore(path.join(dir, 'till'));
  const statuses: SyncStatusView[] = [];
  const sync = startSync({
    url: proxy.url, token: till?.token ?? '', intervalMs: 50, outbox: store.outbox, catalog: store.catalog, staff: store.staff,
    onStatus: (s) => statuses.push(s), backoff: { baseMs: 20, maxMs: 200, threshold: 3 }, timeoutMs: options.timeoutMs ?? 2000,
    ...(options.now ? { now: options.now } : {}),
  });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => central.close(), () => proxy.close(), () => store.close(), () => sync.stop());
  return { central, proxy, store, sync, statuses };
}

async function settled(r: Rig): Promise<void> {
  r.proxy.plan(() => PASS);
  r.sync.syncNow();
  await waitFor('the outbox pushed empty', () => r.sync.status().queued === 0 && r.sync.status().lastError === null, 60_000, 50);
}

function expectLedgersEqual(r: Rig): void {
  const ours = tillLedger(r.store.dbs.till);
  const theirs = centralLedger(r.central.db, till?.tillId ?? '');
  expect(theirs.length).toBe(ours.length);
  expect(theirs).toEqual(ours);
  expect(centralSequences(r.central.db, till?.tillId ?? '')).toEqual(ours.map((_, i) => i + 1));
}

/** Applies `fault` to every push until `count` pushes have met it, then passes. */
const pushFaults = (fault: Fault, count: number): FaultPlan => faultNext('pushMutations', fault, count);
const pushesSeen = (r: Rig, count: number): Promise<true> =>
  waitFor(`${count} pushes through the proxy`, () => (r.proxy.seen['pushMutations'] ?? 0) >= count || undefined, 60_000, 20);

describe('sync through faults: the server ledger equals the till journal', () => {
  it('after the server was down for a week of sales (2,000 queued), the till catches up by itself', async () => {
    const r = await rig();
    r.proxy.plan(() => ({ kind: 'refuse' }));
    const start = new Date('2026-11-16T00:00:00Z');
    for (let i = 0; i < 2000; i++) r.store.ring({ at: new Date(start.getTime() + i * 5 * 60_000) });
    r.sync.poke();
    await waitFor('the circuit open', () => r.sync.status().circuit === 'open', 30_000, 20);
    expect(r.sync.status()).toMatchObject({ online: false, queued: 2000, oldestQueuedAt: start.toISOString() });
    expect(r.central.admin.salesCount()).toBe(0);

    r.proxy.plan(() => PASS); // the line comes back: no one presses anything
    await waitFor('the week pushed', () => r.sync.status().queued === 0 && r.sync.status().online, 120_000, 50);
    expectLedgersEqual(r);
  });

  it('through HTTP 500s', async () => {
    const r = await rig();
    r.proxy.plan(pushFaults({ kind: 'status', status: 500 }, 4));
    for (let i = 0; i < 20; i++) {
      r.store.ring();
      r.sync.poke();
    }
    await pushesSeen(r, 4);
    await settled(r);
    expect(r.statuses.some((s) => s.lastError?.startsWith('http_5xx'))).toBe(true);
    expectLedgersEqual(r);
  });

  it('through timeouts, before and after the server committed', async () => {
    const r = await rig({ timeoutMs: 300 });
    let n = 0;
    r.proxy.plan((req) => (req.operation !== 'pushMutations' ? PASS : ++n === 1 ? { kind: 'hang' } : n === 2 ? { kind: 'hang-after-commit' } : PASS));
    for (let i = 0; i < 10; i++) r.store.ring();
    r.sync.poke();
    await waitFor('two timed-out pushes', () => n >= 3, 30_000, 20);
    for (let i = 0; i < 10; i++) r.store.ring();
    await settled(r);
    expect(r.statuses.some((s) => s.lastError?.startsWith('timeout'))).toBe(true);
    expectLedgersEqual(r);
  });

  it('when the answer is lost after the server committed: the resend is answered DUPLICATE, nothing doubles', async () => {
    const r = await rig();
    for (let i = 0; i < 5; i++) r.store.ring();
    r.proxy.plan(pushFaults({ kind: 'drop-after-commit' }, 2));
    r.sync.poke();
    await pushesSeen(r, 2);
    await settled(r);
    const statuses = r.store.dbs.till.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status ORDER BY status').all();
    expect(statuses).toEqual([{ status: 'duplicate', n: 5 }]);
    expectLedgersEqual(r);
  });

  it('when the answer is corrupted or schema-invalid: nothing is recorded from it, and nothing is lost', async () => {
    const r = await rig();
    const wrongIds: Fault = {
      kind: 'rewrite',
      rewrite: (body) => JSON.parse(JSON.stringify(body).replaceAll(/"id":"[0-9a-f-]{36}"/g, '"id":"not-yours"')) as unknown,
    };
    const badStatus: Fault = { kind: 'rewrite', rewrite: (body) => JSON.parse(JSON.stringify(body).replaceAll('"APPLIED"', '"MAYBE"')) as unknown };
    const faults: Fault[] = [{ kind: 'truncate' }, wrongIds, badStatus];
    r.proxy.plan((req) => (req.operation === 'pushMutations' ? faults.shift() ?? PASS : PASS));
    for (let i = 0; i < 12; i++) {
      r.store.ring();
      if (i % 4 === 3) r.sync.poke();
    }
    await waitFor('the three bad answers served', () => faults.length === 0, 30_000, 20);
    expect(r.statuses.some((s) => s.lastError?.startsWith('invalid_response'))).toBe(true);
    await settled(r);
    expectLedgersEqual(r);
  });

  it('when a pulled page is schema-invalid: the catalog keeps what it had and its cursor, then catches up', async () => {
    const r = await rig();
    await waitFor('the first pull', () => r.sync.status().lastPullAt !== null, 30_000, 20);
    const before = r.store.catalog.count();
    const cursor = r.store.catalog.cursor('catalog');
    r.central.admin.setPrice(DEMO_PRODUCTS.water.barcode, 999); // a change to pull
    const negative: Fault = { kind: 'rewrite', rewrite: (body) => JSON.parse(JSON.stringify(body).replace(/"price":\d+/, '"price":-5')) as unknown };
    r.proxy.plan(faultNext('catalogChanges', negative, 1));
    r.sync.poke();
    await waitFor('the bad page refused', () => r.statuses.some((s) => s.lastError?.startsWith('invalid_response')), 30_000, 20);
    expect(r.store.catalog.count()).toBe(before);
    expect(r.store.catalog.cursor('catalog')).toBe(cursor);
    r.sync.syncNow();
    await waitFor('the change pulled', () => r.store.catalog.cursor('catalog') !== cursor, 30_000, 20);
    expect(r.store.catalog.count()).toBe(before);
    expect(r.store.catalog.findByBarcode(DEMO_PRODUCTS.water.barcode)?.price).toBe(999);
  });

  it('with the till clock set two hours wrong, ahead and behind', async () => {
    for (const skewMs of [2 * 3600_000, -2 * 3600_000]) {
      const now = (): Date => new Date(Date.now() + skewMs);
      const r = await rig({ now });
      r.proxy.plan(pushFaults({ kind: 'refuse' }, 3));
      for (let i = 0; i < 10; i++) r.store.ring({ at: now() });
      r.sync.poke();
      await pushesSeen(r, 3);
      await settled(r);
      expectLedgersEqual(r);
      // The server keeps the till's stamps as facts and its own receipt time apart.
      const stamped = r.central.db.prepare('SELECT completed_at AS c, received_at AS rcv FROM sale LIMIT 1').get() as { c: string; rcv: string };
      expect(Math.sign(Date.parse(stamped.c) - Date.parse(stamped.rcv))).toBe(Math.sign(skewMs));
    }
  });
});
