/**
 * The sync budgets of DESIGN.md section 8, against the reference central server in its own process:
 * catalog_bootstrap_s (first catalog download), price_delta_10k_s (10,000 price changes pulled and
 * applied), outbox_flush_10k_s (10,000 sales queued in an outage, pushed; none lost, none doubled).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteCentralStore } from '../fixtures/central/central-store.ts';
import { seedDemoStore } from '../fixtures/central/seed.ts';
import { generateCatalog, generatedBarcode } from '../fixtures/catalog-generator.ts';
import { demoProducts } from '../fixtures/demo-store/products.ts';
import { demoTills } from '../fixtures/demo-store/store.ts';
import { createCentralClient } from '../sync/central-client.ts';
import { pushOutbox } from '../sync/outbox-pusher.ts';
import { pullCatalog } from '../sync/stream-puller.ts';
import { centralLedger, openTillStore, tillLedger } from '../test/support/sync-ledger.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

async function startCentralProcess(dbPath: string): Promise<{ url: string; cpuSeconds(): number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'fixtures/central/cli.ts'), '--port', '0', '--db', dbPath], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the central server did not start:\n${log}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /Central API: (\S+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the central server exited (${code}):\n${log}`)));
  });
  child.stdout.resume();
  const ticks = 100; // USER_HZ on Linux
  return {
    url,
    // utime + stime of the server process (fields 14 and 15 of /proc/<pid>/stat), in seconds.
    cpuSeconds: () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return (Number(fields[11]) + Number(fields[12])) / ticks;
    },
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

export async function runSyncBench(dir: string, products: number): Promise<{ metrics: Record<string, number>; notes: Record<string, string> }> {
  const metrics: Record<string, number> = {};
  const notes: Record<string, string> = {};
  const till = demoTills[0];
  if (!till) throw new Error('no demo till');
  mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, 'central.db');

  // The centre: the demo store plus the generated catalog (seeding is not timed).
  const seedStart = performance.now();
  const seed = new SqliteCentralStore(dbPath);
  seedDemoStore(seed);
  seed.upsertProducts(generateCatalog(products, 7));
  seed.close();
  notes['central_seed_s'] = `${round((performance.now() - seedStart) / 1000, 1)} s to seed the central server with ${products} products (not a budget)`;

  const central = await startCentralProcess(dbPath);
  const store = openTillStore(path.join(dir, 'till-sync'));
  try {
    const client = createCentralClient({ endpoint: central.url, token: till.token, timeoutMs: 60_000 });

    // First catalog download, page by page, as the host's sync loop does it (default page size).
    // CPU seconds of both sides are noted too: on a shared machine the wall clock says more about
    // the neighbours than about the download (each side runs on its own core when the machine is idle).
    const tillCpu = process.cpuUsage();
    const centralCpu = central.cpuSeconds();
    let t = performance.now();
    const boot = await pullCatalog(client, store.catalog);
    metrics['catalog_bootstrap_s'] = round((performance.now() - t) / 1000);
    const cpu = process.cpuUsage(tillCpu);
    const cpuNote = `CPU: till ${round((cpu.user + cpu.system) / 1e6, 1)} s, central server ${round(central.cpuSeconds() - centralCpu, 1)} s; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
    if (boot.error) throw new Error(`bootstrap failed: ${boot.error.message}`);
    const expected = products + demoProducts.length;
    if (store.catalog.count() !== expected) throw new Error(`bootstrap got ${store.catalog.count()} products, expected ${expected}`);
    // The name-search index is built in the background once the stream caught up (the till rings
    // by barcode meanwhile); it is waited for here so the next figure does not share its time.
    t = performance.now();
    await store.catalog.searchIndexSettled();
    notes['catalog_bootstrap_s'] = `${boot.items} products in ${boot.pages} pages (${cpuNote}); the search index then built in the background in ${round((performance.now() - t) / 1000, 1)} s more`;

    // 10,000 price changes made at the centre (another connection on its file), pulled and applied.
    const admin = new SqliteCentralStore(dbPath);
    const changes = Array.from({ length: 10_000 }, (_, k) => ({ barcode: generatedBarcode((k * 97) % products, 7), price: 100 + k }));
    const changed = admin.setPrices(changes);
    admin.close();
    t = performance.now();
    const delta = await pullCatalog(client, store.catalog);
    metrics['price_delta_10k_s'] = round((performance.now() - t) / 1000);
    if (delta.error || delta.items !== changed) throw new Error(`price delta pulled ${delta.items} of ${changed}: ${delta.error?.message ?? ''}`);
    const probe = changes[changes.length - 1];
    if (probe && store.catalog.findByBarcode(probe.barcode)?.price !== probe.price) throw new Error('a changed price did not arrive');

    // 10,000 sales rung while the line was down (not timed), then pushed as the sync loop does.
    for (let k = 0; k < 10_000; k++) store.ring();
    t = performance.now();
    const push = await pushOutbox(client, store.outbox);
    metrics['outbox_flush_10k_s'] = round((performance.now() - t) / 1000);
    if (push.error || push.applied + push.flagged !== 10_000) throw new Error(`flush: ${JSON.stringify(push)}`);
    const ledgerDb = new SqliteCentralStore(dbPath);
    const equal = JSON.stringify(centralLedger(ledgerDb.db, till.tillId)) === JSON.stringify(tillLedger(store.dbs.till));
    ledgerDb.close();
    if (!equal) throw new Error('after the flush the central ledger differs from the till journal');
    notes['outbox_flush_10k_s'] = `${push.pushed} sales in batches of 100; the central ledger equals the till journal (ids and amounts)`;
  } finally {
    store.close();
    await central.stop();
  }
  return { metrics, notes };
}
