import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { startHostProcess, type RunningHost } from '../support/host-process.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { centralSales } from '../support/central-query.ts';
import { waitFor } from '../support/wait-for.ts';

const { ramen, water } = DEMO_PRODUCTS;

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function parts(): Promise<{ dataDir: string; central: Central; lab: Lab }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'till-crash-'));
  const central = await startCentral({ dbPath: path.join(dataDir, 'central.db'), port: 0 });
  const lab = await startLab({});
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }), () => lab.close());
  return { dataDir, central, lab };
}

async function host(dataDir: string, centralUrl: string, lab: Lab): Promise<RunningHost> {
  const h = await startHostProcess(dataDir, demoTillConfig({ centralUrl, endpoints: lab.endpoints, pollIntervalMs: 300 }));
  cleanups.push(() => h.kill('SIGTERM').then(() => undefined));
  return h;
}

async function signedIn(h: RunningHost): Promise<NodeTillClient> {
  const client = await NodeTillClient.connect(h.url);
  cleanups.push(() => client.close());
  // Staff and catalog are on the till (a restarted till has them already, even offline).
  await waitFor('the first pull', async () => (await client.call('till.status', {})).sync.lastPullAt !== null || (await client.call('journal.recent', { limit: 1 })).length > 0);
  await client.call('session.signIn', { pin: '1234' });
  return client;
}

function journal(dataDir: string): { sales: number; outbox: { status: string }[] } {
  const db = new Database(path.join(dataDir, 'till.db'), { readonly: true });
  try {
    return {
      sales: (db.prepare('SELECT count(*) AS n FROM sale').get() as { n: number }).n,
      outbox: db.prepare('SELECT status FROM outbox ORDER BY sequence').all() as { status: string }[],
    };
  } finally {
    db.close();
  }
}

describe('a till killed with SIGKILL', () => {
  it('right after a sale commits while the central server is down: the sale survives and is pushed exactly once after restart', async () => {
    const { dataDir, central, lab } = await parts();
    const port = central.port;
    let h = await host(dataDir, central.url, lab);
    const till = await signedIn(h);
    await central.close(); // the store's line to the central API goes down

    await till.call('sale.scan', { code: ramen.barcode, source: 'wedge' });
    await till.call('sale.scan', { code: water.barcode, source: 'wedge' });
    const paid = await till.call('sale.payCash', { received: 5000 });
    process.kill(h.pid, 'SIGKILL'); // the power cut, the moment the commit was acknowledged
    expect(await h.exited).toBe('SIGKILL');
    const receiptNumber = paid.completed?.receiptNumber ?? '';
    expect(receiptNumber).toMatch(/^0001-01-/);

    // Tried: kill the host before it could push. Kept: the sale and its outbox row, on disk.
    expect(journal(dataDir)).toEqual({ sales: 1, outbox: [{ status: 'pending' }] });

    const back = await startCentral({ dbPath: path.join(dataDir, 'central.db'), port });
    cleanups.push(() => back.close());
    h = await host(dataDir, back.url, lab);
    await waitFor('the sale pushed after restart', () => journal(dataDir).outbox[0]?.status === 'applied');
    await new Promise((r) => setTimeout(r, 1000)); // several more poll cycles: nothing more may arrive
    expect(await centralSales(back.url, receiptNumber)).toHaveLength(1);
    expect(back.admin.salesCount()).toBe(1);
    expect(journal(dataDir)).toEqual({ sales: 1, outbox: [{ status: 'applied' }] });
  });

  it('right after a sale commits while the push is in flight: after restart the server has each sale once', async () => {
    const { dataDir, central, lab } = await parts();
    cleanups.push(() => central.close());
    let h = await host(dataDir, central.url, lab);
    let till = await signedIn(h);
    for (let i = 0; i < 3; i++) {
      await till.call('sale.scan', { code: water.barcode, source: 'wedge' });
      await till.call('sale.payCash', { received: 1000 });
    }
    process.kill(h.pid, 'SIGKILL'); // the third commit's push was poked a moment ago
    await h.exited;
    h = await host(dataDir, central.url, lab);
    till = await signedIn(h);
    await till.call('sale.scan', { code: ramen.barcode, source: 'wedge' });
    await till.call('sale.payCash', { received: 2000 });
    await waitFor('every sale pushed', () => journal(dataDir).outbox.every((o) => o.status === 'applied' || o.status === 'duplicate'));
    const all = await centralSales(central.url);
    expect(all).toHaveLength(4);
    expect(new Set(all.map((s) => s.receiptNumber)).size).toBe(4);
    expect(journal(dataDir).sales).toBe(4);
  });

  it('in the middle of a sale: the basket comes back after restart, nothing rung twice', async () => {
    const { dataDir, central, lab } = await parts();
    cleanups.push(() => central.close());
    let h = await host(dataDir, central.url, lab);
    let till = await signedIn(h);
    await till.call('sale.scan', { code: ramen.barcode, source: 'wedge' });
    await till.call('sale.scan', { code: ramen.barcode, source: 'wedge' });
    process.kill(h.pid, 'SIGKILL');
    await h.exited;
    h = await host(dataDir, central.url, lab);
    till = await signedIn(h);
    const status = await till.call('till.status', {});
    expect(status.sale?.lines.map((l) => [l.barcode, l.quantity])).toEqual([[ramen.barcode, 2]]);
    const done = await till.call('sale.payCash', { received: 5000 });
    expect(done.completed?.change).toBe(5000 - ramen.price * 2);
    expect(journal(dataDir).sales).toBe(1);
  });
});
