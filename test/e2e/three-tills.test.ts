import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCentral } from '../../fixtures/central/server.ts';
import { startLab } from '../../drivers/lab/lab.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { allDemoTills, type DemoTill } from '../../fixtures/demo-store/store.ts';
import { startHostProcess } from '../support/host-process.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { centralLedger, centralSequences, tillLedger } from '../support/sync-ledger.ts';
import { waitFor } from '../support/wait-for.ts';

// Three tills (two in one store, one in another), each its own host process, one central server.
// They sell at the same time; each till's ledger on the server equals its journal, and a till's
// credential reads only its own store's sales. (The pickup-order claim race needs pickup orders,
// which do not exist yet.)
let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

const PINS: Record<string, string> = { 'store-gangnam': '1234', 'store-jamsil': '1111' };

describe('three tills and one central server', () => {
  it('sell concurrently; every till ledger on the server equals its journal, each sale once', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'three-tills-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const central = await startCentral({ dbPath: path.join(root, 'central.db') });
    cleanups.push(() => central.close());
    const tills = allDemoTills.slice(0, 3) as DemoTill[];
    expect(new Set(tills.map((t) => t.storeId)).size).toBe(2);

    const lanes = await Promise.all(
      tills.map(async (till) => {
        const dataDir = path.join(root, till.tillId);
        mkdirSync(dataDir);
        const lab = await startLab({});
        cleanups.push(() => lab.close());
        const host = await startHostProcess(dataDir, demoTillConfig({ centralUrl: central.url, endpoints: lab.endpoints, pollIntervalMs: 300, till }));
        cleanups.push(() => host.kill('SIGTERM').then(() => undefined));
        const client = await NodeTillClient.connect(host.url);
        cleanups.push(() => client.close());
        await waitFor(`${till.tillId}'s first pull`, async () => (await client.call('till.status', {})).sync.lastPullAt !== null, 60_000);
        await client.call('session.signIn', { pin: PINS[till.storeId] ?? '' });
        return { till, dataDir, client };
      }),
    );

    const sell = async (client: NodeTillClient, n: number): Promise<void> => {
      for (let i = 0; i < n; i++) {
        await client.call('sale.scan', { code: (i % 2 === 0 ? DEMO_PRODUCTS.water : DEMO_PRODUCTS.ramen).barcode, source: 'wedge' });
        await client.call('sale.payCash', { received: 10_000 });
      }
    };
    await Promise.all(lanes.map((l) => sell(l.client, 12)));

    for (const l of lanes) {
      await waitFor(`${l.till.tillId} pushed`, async () => (await l.client.call('till.status', {})).sync.queued === 0 || undefined, 60_000);
      const journal = tillLedger(l.dataDir);
      expect(journal).toHaveLength(12);
      expect(centralLedger(central.db, l.till.tillId)).toEqual(journal);
      expect(centralSequences(central.db, l.till.tillId)).toEqual(journal.map((_, i) => i + 1));
    }
    expect(central.admin.salesCount()).toBe(36);

    const jamsil = lanes.find((l) => l.till.storeId === 'store-jamsil');
    const res = await fetch(central.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jamsil?.till.token ?? ''}` },
      body: JSON.stringify({ query: '{ sales(first: 500) { storeId } }' }),
    });
    const seen = ((await res.json()) as { data: { sales: { storeId: string }[] } }).data.sales;
    expect(seen).toHaveLength(12);
    expect(new Set(seen.map((s) => s.storeId))).toEqual(new Set(['store-jamsil']));
  });
});
