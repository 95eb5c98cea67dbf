import { afterEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../fixtures/central/server.ts';
import { demoProducts } from '../fixtures/demo-store/products.ts';
import { sampleOutboxEntry } from '../fixtures/demo-store/sample-sale.ts';
import { demoTills } from '../fixtures/demo-store/store.ts';
import { createCentralClient } from './central-client.ts';
import { type SyncLoop, type SyncStatus, startSyncLoop } from './sync-loop.ts';
import { MemoryOutbox, answerJson, eventually, fakeServer, memorySinks } from './test-helpers.ts';

const token = demoTills[0]?.token ?? '';

describe('the sync loop', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const track = <T extends { close(): Promise<void> } | SyncLoop>(x: T): T => {
    cleanups.push(() => ('stop' in x ? x.stop() : x.close()));
    return x;
  };

  it('pushes, then pulls, and reports itself online', async () => {
    const central: Central = track(await startCentral({ dbPath: ':memory:' }));
    const outbox = new MemoryOutbox().add(sampleOutboxEntry(1));
    const sinks = memorySinks();
    const statuses: SyncStatus[] = [];
    const loop = track(startSyncLoop({ client: createCentralClient({ endpoint: central.url, token }), outbox, sinks, intervalMs: 60_000, onStatus: (s) => statuses.push(s) }));
    await eventually(() => statuses.length > 0);
    expect(loop.status()).toMatchObject({ online: true, lastError: null, lastPushAt: expect.any(String), lastPullAt: expect.any(String) });
    expect(central.admin.salesCount()).toBe(1);
    expect(sinks.catalog.rows.size).toBe(demoProducts.length);
    expect(sinks.staff.rows.size).toBe(4);
  });

  it('pushes a new sale at once when poked, without waiting for the timer', async () => {
    const central: Central = track(await startCentral({ dbPath: ':memory:' }));
    const outbox = new MemoryOutbox();
    let rounds = 0;
    const loop = track(startSyncLoop({ client: createCentralClient({ endpoint: central.url, token }), outbox, sinks: memorySinks(), intervalMs: 60_000, onStatus: () => rounds++ }));
    await eventually(() => rounds === 1);
    outbox.add(sampleOutboxEntry(1));
    loop.poke();
    await eventually(() => central.admin.salesCount() === 1);
  });

  it('keeps running when the central API is down, reporting offline', async () => {
    const server = await fakeServer(answerJson(200, '{}'));
    await server.close();
    const outbox = new MemoryOutbox().add(sampleOutboxEntry(1));
    const statuses: SyncStatus[] = [];
    const loop = track(startSyncLoop({
      client: createCentralClient({ endpoint: server.url, token }), outbox, sinks: memorySinks(), intervalMs: 20,
      backoff: { baseMs: 10, maxMs: 40 }, onStatus: (s) => statuses.push(s),
    }));
    await eventually(() => statuses.length >= 3);
    expect(loop.status()).toMatchObject({ online: false, since: expect.any(String), lastPushAt: null, lastError: { code: 'unreachable' } });
    expect(outbox.pending(10)).toHaveLength(1);
  });

  it('backs off and opens the circuit: pokes do not call a dead server until the wait is over, sync-now does', async () => {
    let calls = 0;
    const server = track(await fakeServer((req, res) => {
      calls++;
      answerJson(500, '{"errors":[{"message":"db down"}]}')(req, res);
    }));
    let clock = 0; // monotonic ms, moved by hand: no real time decides what this test sees
    const statuses: SyncStatus[] = [];
    const loop = track(startSyncLoop({
      client: createCentralClient({ endpoint: server.url, token }), outbox: new MemoryOutbox().add(sampleOutboxEntry(1)), sinks: memorySinks(),
      intervalMs: 10, backoff: { baseMs: 60_000, threshold: 1 }, monotonic: () => clock, onStatus: (s) => statuses.push(s),
    }));
    await eventually(() => statuses.length === 1);
    expect(loop.status()).toMatchObject({ online: false, circuit: 'open', failures: 1, lastError: { code: 'http_5xx' } });
    expect(calls).toBe(1);
    for (let i = 0; i < 10; i++) loop.poke();
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(1);

    loop.syncNow();
    await eventually(() => calls === 2);
    await eventually(() => statuses.length >= 2);
    clock += 120_000; // the backoff is over: one probe goes out by itself
    loop.poke();
    await eventually(() => calls === 3);
  });

  it('closes the circuit and reports online since when the server comes back', async () => {
    let up = false;
    const central: Central = track(await startCentral({ dbPath: ':memory:' }));
    const flaky = track(await fakeServer((req, res) => {
      if (!up) return answerJson(503, '{}')(req, res);
      // Relay to the real server once it is "back".
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void fetch(central.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' }, body: Buffer.concat(chunks) })
          .then(async (r) => answerJson(r.status, await r.text())(req, res));
      });
    }));
    let clock = 0;
    const statuses: SyncStatus[] = [];
    const loop = track(startSyncLoop({
      client: createCentralClient({ endpoint: flaky.url, token }), outbox: new MemoryOutbox().add(sampleOutboxEntry(1)), sinks: memorySinks(),
      intervalMs: 60_000, backoff: { baseMs: 1000, threshold: 1 }, monotonic: () => clock, onStatus: (s) => statuses.push(s),
    }));
    await eventually(() => statuses.length === 1);
    const offlineSince = loop.status().since;
    up = true;
    clock += 10_000;
    loop.poke();
    await eventually(() => loop.status().online);
    expect(loop.status()).toMatchObject({ circuit: 'closed', failures: 0, lastError: null });
    expect(loop.status().since).not.toBe(offlineSince);
    expect(central.admin.salesCount()).toBe(1);
  });

  it('reports a failing store as an internal error and carries on', async () => {
    const central: Central = track(await startCentral({ dbPath: ':memory:' }));
    const sinks = memorySinks();
    let fail = true;
    const apply = sinks.staff.applyPage.bind(sinks.staff);
    sinks.staff.applyPage = (...args) => {
      if (fail) throw new Error('disk full');
      apply(...args);
    };
    const statuses: SyncStatus[] = [];
    track(startSyncLoop({ client: createCentralClient({ endpoint: central.url, token }), outbox: new MemoryOutbox(), sinks, intervalMs: 20, onStatus: (s) => statuses.push(s) }));
    // An internal (store) error is the till's own fault, not the server's: the circuit stays closed.
    await eventually(() => statuses.some((s) => s.lastError?.code === 'internal'));
    fail = false;
    await eventually(() => statuses.at(-1)?.lastError === null);
  });

  it('starts no round after stop()', async () => {
    const central: Central = track(await startCentral({ dbPath: ':memory:' }));
    let rounds = 0;
    const loop = startSyncLoop({ client: createCentralClient({ endpoint: central.url, token }), outbox: new MemoryOutbox(), sinks: memorySinks(), intervalMs: 10, onStatus: () => rounds++ });
    await eventually(() => rounds >= 2);
    await loop.stop();
    const after = rounds;
    loop.poke();
    await new Promise((r) => setTimeout(r, 100));
    expect(rounds).toBe(after);
  });
});
