import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { openTillDatabases } from '../store/database.ts';
import { SqliteOpenSale } from '../store/open-sale-repository.ts';
import { tempDataDir } from '../store/test-helpers.ts';
import { createHost, type Host } from './host.ts';
import { parseTillConfig } from './till-config.ts';

const { water } = DEMO_PRODUCTS;
let central: Central;
let lab: Lab;
let dir: string;
let cleanup: () => void;
let host: Host | undefined;

beforeEach(async () => {
  ({ dir, cleanup } = tempDataDir());
  central = await startCentral({ dbPath: path.join(dir, 'central.db') });
  lab = await startLab({});
});
afterEach(async () => {
  await host?.close();
  await lab.close();
  await central.close();
  cleanup();
});

const config = () => parseTillConfig(demoTillConfig({ centralUrl: central.url, endpoints: lab.endpoints, pollIntervalMs: 200 }));
async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
async function ready(h: Host): Promise<void> {
  for (let i = 0; i < 100 && h.sync.status().lastPullAt === null; i++) await new Promise((r) => setTimeout(r, 50));
}

describe('a lane sale paid in full when the till died before its commit', () => {
  it('is committed, printed and queued when the next cashier signs in, once', async () => {
    host = await createHost({ config: config(), dataDir: dir });
    await ready(host);
    await ok(host.handlers['session.signIn']({ pin: '1234' }));
    const sale = await ok(host.handlers['sale.scan']({ code: water.barcode, source: 'wedge' }));
    await host.close();
    host = undefined;

    // The crash: the cash was taken and the draft saved with it, the commit never happened.
    const dbs = openTillDatabases(dir);
    const drafts = new SqliteOpenSale(dbs.till);
    const draft = drafts.load();
    if (!draft) throw new Error('no draft was kept');
    drafts.save({ ...draft, tenders: [{ id: 'cash-1', kind: 'cash', amount: 1000 }] });
    dbs.close();

    host = await createHost({ config: config(), dataDir: dir });
    await ready(host);
    const printedBefore = lab.printer.receipts().length;
    await ok(host.handlers['session.signIn']({ pin: '1234' }));
    const status = await ok(host.handlers['till.status']({}));
    expect(status.sale).toBeNull();
    expect(status.lastCompleted).toMatchObject({ saleId: sale.id, total: water.price, change: 1000 - water.price });
    for (let i = 0; i < 100 && lab.printer.receipts().length === printedBefore; i++) await new Promise((r) => setTimeout(r, 20));
    expect(lab.printer.receipts().length).toBe(printedBefore + 1);

    // Signing in again finds nothing more to finish: one sale in the journal, one at the centre.
    await ok(host.handlers['session.signOut']({ supervisorPin: '5678' }));
    await ok(host.handlers['session.signIn']({ pin: '1234' }));
    expect(await ok(host.handlers['journal.recent']({ limit: 10 }))).toHaveLength(1);
    await ok(host.handlers['sync.now']({}));
    for (let i = 0; i < 100 && central.admin.salesCount() === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(central.admin.sales().map((s) => s.id)).toEqual([sale.id]);
  });
});
