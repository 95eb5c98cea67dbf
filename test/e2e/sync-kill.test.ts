import { DEFAULT_PAGE_SIZE } from '../../sync/stream-puller.ts';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { PASS, startFaultProxy, type FaultProxy } from '../../fixtures/central/fault-proxy.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { demoTills } from '../../fixtures/demo-store/store.ts';
import { generateCatalog } from '../../fixtures/catalog-generator.ts';
import { startHostProcess, type RunningHost } from '../support/host-process.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { centralLedger, centralSequences, tillLedger } from '../support/sync-ledger.ts';
import { waitFor } from '../support/wait-for.ts';

// A real host process between a fault proxy and the real central server, killed with SIGKILL
// while a push or a pull is in flight. After the restart the server's ledger equals the journal.
const tillId = demoTills[0]?.tillId ?? '';
let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function parts(): Promise<{ dataDir: string; central: Central; proxy: FaultProxy; lab: Lab }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'till-sync-kill-'));
  const central = await startCentral({ dbPath: path.join(dataDir, 'central.db') });
  const proxy = await startFaultProxy(central.url);
  const lab = await startLab({});
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }), () => central.close(), () => proxy.close(), () => lab.close());
  return { dataDir, central, proxy, lab };
}

async function host(dataDir: string, url: string, lab: Lab): Promise<RunningHost> {
  const h = await startHostProcess(dataDir, demoTillConfig({ centralUrl: url, endpoints: lab.endpoints, pollIntervalMs: 200 }));
  cleanups.push(() => h.kill('SIGTERM').then(() => undefined));
  return h;
}

async function client(h: RunningHost): Promise<NodeTillClient> {
  const c = await NodeTillClient.connect(h.url);
  cleanups.push(() => c.close());
  return c;
}

function outboxStatuses(dataDir: string): string[] {
  const db = new Database(path.join(dataDir, 'till.db'), { readonly: true });
  try {
    return db.prepare('SELECT status FROM outbox ORDER BY sequence').pluck().all() as string[];
  } finally {
    db.close();
  }
}

function catalogState(dataDir: string): { count: number; cursor: string | null } {
  const db = new Database(path.join(dataDir, 'catalog.db'), { readonly: true });
  try {
    return {
      count: Number(db.prepare('SELECT count(*) FROM product').pluck().get()),
      cursor: (db.prepare("SELECT cursor FROM stream_cursor WHERE stream = 'catalog'").pluck().get() as string | undefined) ?? null,
    };
  } finally {
    db.close();
  }
}

describe('a till killed with SIGKILL while syncing', () => {
  it('mid-push, after the server committed and before the answer arrived: after restart every sale is on the server once', async () => {
    const { dataDir, central, proxy, lab } = await parts();
    let h = await host(dataDir, proxy.url, lab);
    const till = await client(h);
    await waitFor('the first pull', async () => (await till.call('till.status', {})).sync.lastPullAt !== null);
    await till.call('session.signIn', { pin: '1234' });
    proxy.plan((r) => (r.operation === 'pushMutations' ? { kind: 'hang-after-commit' } : PASS));
    for (let i = 0; i < 3; i++) {
      await till.call('sale.scan', { code: DEMO_PRODUCTS.water.barcode, source: 'wedge' });
      await till.call('sale.payCash', { received: 1000 });
    }
    await waitFor('the server committed a push whose answer is held', () => central.admin.salesCount() > 0);
    process.kill(h.pid, 'SIGKILL');
    await h.exited;
    expect(outboxStatuses(dataDir)).toEqual(['pending', 'pending', 'pending']);

    proxy.plan(() => PASS);
    h = await host(dataDir, proxy.url, lab);
    await waitFor('every sale answered', () => outboxStatuses(dataDir).every((s) => s !== 'pending'));
    expect(centralLedger(central.db, tillId)).toEqual(tillLedger(dataDir));
    expect(centralSequences(central.db, tillId)).toEqual([1, 2, 3]);
    expect(outboxStatuses(dataDir)).toContain('duplicate'); // what the server had committed came back as DUPLICATE
  });

  it('mid-pull of a large catalog: the pages applied stay, and the restart resumes from their cursor', async () => {
    const { dataDir, central, proxy, lab } = await parts();
    central.admin.upsertProducts(generateCatalog(20_000, 11));
    const total = Number(central.db.prepare('SELECT count(*) FROM product WHERE deleted = 0').pluck().get());
    const afters: (string | null)[] = [];
    proxy.plan((r) => {
      if (r.operation !== 'catalogChanges') return PASS;
      afters.push((JSON.parse(r.body) as { variables: { after: string | null } }).variables.after);
      return afters.length >= 4 ? { kind: 'hang' } : PASS; // pages 1-3 come, the 4th never does
    });
    let h = await host(dataDir, proxy.url, lab);
    await waitFor('the fourth page asked for', () => afters.length >= 4 || undefined);
    await waitFor('the third page applied', () => catalogState(dataDir).count >= 3 * DEFAULT_PAGE_SIZE || undefined).catch(() => undefined);
    process.kill(h.pid, 'SIGKILL');
    await h.exited;
    const killed = catalogState(dataDir);
    expect(killed.cursor).not.toBeNull();
    expect(killed.count).toBeGreaterThan(0);
    expect(killed.count).toBeLessThan(total);
    expect(killed.count % DEFAULT_PAGE_SIZE).toBe(0); // whole pages only: a page and its cursor commit together

    afters.length = 0;
    proxy.plan((r) => {
      if (r.operation === 'catalogChanges') afters.push((JSON.parse(r.body) as { variables: { after: string | null } }).variables.after);
      return PASS;
    });
    h = await host(dataDir, proxy.url, lab);
    await waitFor('the catalog complete', () => catalogState(dataDir).count === total || undefined, 60_000);
    expect(afters[0]).toBe(killed.cursor); // resumed, not started over
    const till = await client(h);
    // The catalog comes first; staff and the other streams follow it in the same pull.
    await waitFor('a whole pull after the restart', async () => (await till.call('till.status', {})).sync.lastPullAt !== null, 60_000);
    await till.call('session.signIn', { pin: '1234' });
    await till.call('sale.scan', { code: DEMO_PRODUCTS.ramen.barcode, source: 'wedge' });
    await till.call('sale.payCash', { received: 5000 });
    await waitFor('the sale pushed', () => outboxStatuses(dataDir).every((s) => s === 'applied') || undefined);
    expect(centralLedger(central.db, tillId)).toEqual(tillLedger(dataDir));
  });
});
