/**
 * `npm run bench`: the budgets of DESIGN.md section 8, measured on this machine.
 * Prints a table for people and writes bench/results.json for machines.
 * BENCH_PRODUCTS=100000 npm run bench runs a smaller catalog; BENCH_ONLY=sync only the sync budgets.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTillDatabases } from '../main/store/database.ts';
import { SqliteCatalog, type CatalogChange } from '../main/store/catalog-repository.ts';
import { SqliteJournal } from '../main/store/journal-repository.ts';
import { addItem } from '../main/core/basket.ts';
import { openSale, type OpenSale } from '../main/core/sale.ts';
import { KOREAN_VAT } from '../main/core/tax.ts';
import { layoutReceipt } from '../main/services/receipt-layout.ts';
import { encodeEscPos } from '../drivers/printer/protocol/escpos-encoder.ts';
import { generateCatalog, generatedBarcode } from '../fixtures/catalog-generator.ts';
import { demoTillIdentity } from '../fixtures/demo-store/store.ts';
import { demoTillConfig } from '../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../fixtures/demo-store/products.ts';
import { startHostProcess } from '../test/support/host-process.ts';
import { runSyncBench } from './sync-bench.ts';
import { measureScanToLine } from './scan-to-line.ts';
import { measureMemberLookup } from './member-lookup.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const N = Number(process.env['BENCH_PRODUCTS'] ?? 1_000_000);
const ONLY = process.env['BENCH_ONLY'];
if (ONLY !== undefined && ONLY !== 'sync') throw new Error(`BENCH_ONLY=${ONLY}: only "sync" is known`);
const metrics: Record<string, number | null> = {};
const notes: Record<string, string> = {};

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
function timeEach(n: number, f: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    f(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}
const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;

const dir = mkdtempSync(path.join(os.tmpdir(), 'till-bench-'));
try {
  // BENCH_ONLY=sync measures the sync budgets alone (a shared machine: the 1,000,000-product
  // figures without the till and Chromium parts before them).
  if (ONLY !== 'sync') {
    // A till with an N-product catalog on disk.
    const dbs = openTillDatabases(dir);
    const catalog = new SqliteCatalog(dbs.catalog);
    const t0 = performance.now();
    let page: CatalogChange[] = [];
    let i = 0;
    for (const p of generateCatalog(N, 7)) {
      page.push({ ...p, deleted: false });
      if (page.length === 10_000) {
        catalog.applyPage('catalog', page, String(++i), false);
        page = [];
      }
    }
    if (page.length) catalog.applyPage('catalog', page, String(++i), false);
    notes['catalog_local_load_s'] = `${round((performance.now() - t0) / 1000, 2)} s to write ${N} products into catalog.db (not a budget)`;

    // Barcode lookup: through the host's catalog, and a raw indexed get on the same file.
    const probes = Array.from({ length: 20_000 }, (_, k) => generatedBarcode((k * 7919) % N, 7));
    const raw = dbs.catalog.prepare('SELECT * FROM product WHERE barcode = ?');
    for (const b of probes.slice(0, 2000)) catalog.findByBarcode(b); // warm the page cache
    const viaHost = timeEach(probes.length, (k) => catalog.findByBarcode(probes[k] as string));
    const viaRaw = timeEach(probes.length, (k) => raw.get(probes[k] as string));
    metrics['barcode_lookup_p99_ms'] = round(quantile(viaHost, 0.99));
    metrics['barcode_lookup_raw_p99_ms'] = round(quantile(viaRaw, 0.99));

    // Korean name search: 2-syllable words, 3+-syllable substrings and initial consonants (초성), mixed.
    const searchQueries = ['라면', '두부', '치즈', '우유', '세제', '맛있는', '신선한', '고구마', '아이스크림', '불고기 라면', '흑임자', '컵라면',
      'ㄹㅁ', 'ㅅㅅㅎ', 'ㅋㄹㅁ', 'ㅂㄱㄱ', 'ㄷㅂ', 'ㅎㅇㅈ', '크래커', '메추리알', 'cheese', 'ramen'];
    for (const q of searchQueries) catalog.searchByName(q, 20);
    let searchHits = 0;
    const searches = timeEach(searchQueries.length * 200, (k) => {
      searchHits += catalog.searchByName(searchQueries[k % searchQueries.length] as string, 20).length;
    });
    metrics['search_ko_p95_ms'] = round(quantile(searches, 0.95), 3);
    notes['search_ko'] = `${searchQueries.length} queries x 200 (2-syllable, 3+-syllable, initials, English), 20 hits each; ${searchHits} hits, p50 ${round(quantile(searches, 0.5), 3)} ms, max ${round(Math.max(...searches), 3)} ms`;

    // Durable sale commit (synchronous=FULL), with its outbox row.
    const journal = new SqliteJournal(dbs.till, demoTillIdentity(), KOREAN_VAT);
    const sale = (k: number): OpenSale => {
      const s = openSale(`bench-${k}`, 'staff-0001', new Date().toISOString(), 'KRW');
      let b = s.basket;
      for (const p of [DEMO_PRODUCTS.ramen, DEMO_PRODUCTS.water, DEMO_PRODUCTS.banana]) {
        const r = addItem(b, p, 1, `${k}-${p.id}`);
        if (r.ok) b = r.value;
      }
      return { ...s, basket: b, tenders: [{ id: `t-${k}`, kind: 'cash', amount: 10_000 }] };
    };
    const commits = timeEach(1000, (k) => {
      const r = journal.commitSale(sale(k), { completedAt: new Date().toISOString(), businessDay: '2026-11-25', mutationId: `m-${k}` });
      if (!r.ok) throw new Error(r.message);
    });
    metrics['sale_commit_p99_ms'] = round(quantile(commits, 0.99), 3);

    // Receipt -> ESC/POS bytes.
    const done = journal.findById('bench-1');
    if (!done) throw new Error('bench sale missing');
    for (let k = 0; k < 50; k++) encodeEscPos(layoutReceipt(done, demoTillIdentity(), { cashierName: '김민지' }));
    const encodes = timeEach(1000, () => encodeEscPos(layoutReceipt(done, demoTillIdentity(), { cashierName: '김민지' })));
    metrics['receipt_encode_p99_ms'] = round(quantile(encodes, 0.99), 3);
    dbs.close();

    // Browser mode start to ready, and host memory, on the till with the catalog loaded.
    // The central URL points at a closed port: the till starts offline, as it must be able to.
    const config = demoTillConfig({ centralUrl: 'http://127.0.0.1:9/graphql', endpoints: {}, pollIntervalMs: 60_000 });
    const start = performance.now();
    const host = await startHostProcess(dir, config);
    metrics['serve_ready_s'] = round((performance.now() - start) / 1000, 3);
    await fetch(host.url); // one request served
    await new Promise((r) => setTimeout(r, 500));
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${host.pid}/status`, 'utf8'))?.[1] ?? NaN);
    metrics['host_rss_mb'] = round(rssKb / 1024, 1);

    // Scan to line on screen, in Chromium (the demo catalog: this measures the UI path, not the lookup).
    const scanned = await measureScanToLine(Number(process.env['BENCH_SCANS'] ?? 200));
    metrics['scan_to_line_p95_ms'] = round(quantile(scanned.times, 0.95), 2);
    notes['scan_to_line'] = `${scanned.times.length} wedge scans timed in Chromium, ${scanned.missed} not taken as scans (keys too far apart on a loaded machine)`;
    await host.kill('SIGTERM');
  }

  // Sync: the central server in its own process with the same N-product catalog.
  const synced = await runSyncBench(path.join(dir, 'sync'), N);
  Object.assign(metrics, synced.metrics);
  Object.assign(notes, synced.notes);

  // Members of the store's region on the till (BENCH_MEMBERS, default 1,000,000).
  if (ONLY !== 'sync') {
    const lookedUp = await measureMemberLookup(dir, Number(process.env['BENCH_MEMBERS'] ?? 1_000_000));
    metrics['member_lookup_p95_ms'] = round(quantile(lookedUp.times, 0.95), 3);
    notes['member_lookup'] = lookedUp.note;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`, products: N, at: new Date().toISOString() };
// A partial run does not overwrite the full figures.
writeFileSync(path.join(here, ONLY ? `results-${ONLY}.json` : 'results.json'), JSON.stringify({ machine, metrics, notes }, null, 2) + '\n');
const budgets: Record<string, string> = {
  barcode_lookup_p99_ms: '<= 0.2 and <= 2x raw', barcode_lookup_raw_p99_ms: '(baseline)', sale_commit_p99_ms: '<= 10', receipt_encode_p99_ms: '<= 5',
  serve_ready_s: '<= 3', host_rss_mb: '<= 300', search_ko_p95_ms: '<= 20', scan_to_line_p95_ms: '<= 50', catalog_bootstrap_s: '<= 60',
  price_delta_10k_s: '<= 2', outbox_flush_10k_s: '<= 30', member_lookup_p95_ms: '<= 20',
};
console.log(`\nbench: ${N.toLocaleString('en-US')} products, ${machine.cpus} cores, Node ${machine.node}`);
console.table(Object.entries(metrics).map(([key, value]) => ({ key, value: value ?? 'not yet', budget: budgets[key] ?? '' })));
for (const [k, v] of Object.entries(notes)) console.log(`${k}: ${v}`);
