import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { sampleOutboxEntry, sampleSale } from '../../fixtures/demo-store/sample-sale.ts';
import { demoTills } from '../../fixtures/demo-store/store.ts';
import { openTillDatabases, type TillDatabases } from '../store/database.ts';
import { SqliteCatalog } from '../store/catalog-repository.ts';
import { SqliteOutbox } from '../store/outbox-repository.ts';
import { SqliteStaff } from '../store/staff-repository.ts';
import { SqlitePriceSchedule } from '../store/price-schedule-repository.ts';
import { SqlitePromotions } from '../store/promotion-repository.ts';
import { SqliteStoreConfig } from '../store/config-repository.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { tempDataDir } from '../store/test-helpers.ts';
import type { SyncStatusView } from '../api/contract.ts';
import { startSync, type SyncService } from './sync-service.ts';

// The sync service on real parts: the till's SQLite files in a temp dir, the central server on loopback.
const token = demoTills[0]?.token ?? '';
let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

interface Rig { central: Central; dbs: TillDatabases; outbox: SqliteOutbox; sync: SyncService; statuses: SyncStatusView[]; catalog: SqliteCatalog; promotions: SqlitePromotions; config: SqliteStoreConfig }

async function rig(options: { url?: string; now?: () => Date } = {}): Promise<Rig> {
  const t = tempDataDir();
  const central = await startCentral({ dbPath: path.join(t.dir, 'central.db') });
  const dbs = openTillDatabases(t.dir);
  const outbox = new SqliteOutbox(dbs.till);
  const statuses: SyncStatusView[] = [];
  const catalog = new SqliteCatalog(dbs.catalog);
  const promotions = new SqlitePromotions(dbs.catalog);
  const config = new SqliteStoreConfig(dbs.till);
  const sync = startSync({
    url: options.url ?? central.url, token, intervalMs: 60_000, outbox, catalog, staff: new SqliteStaff(dbs.till),
    prices: new SqlitePriceSchedule(dbs.catalog), promotions, config,
    onStatus: (s) => statuses.push(s), backoff: { baseMs: 60_000, threshold: 1 }, ...(options.now ? { now: options.now } : {}),
  });
  cleanups.push(t.cleanup, () => central.close(), () => dbs.close(), () => sync.stop());
  return { central, dbs, outbox, sync, statuses, catalog, promotions, config };
}

function queue(dbs: TillDatabases, ...entries: ReturnType<typeof sampleOutboxEntry>[]): void {
  const ins = dbs.till.prepare('INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload) VALUES (?, ?, ?, ?, ?)');
  for (const e of entries) ins.run(e.sequence, e.mutationId, e.kind, e.occurredAt, JSON.stringify(e.payload));
}

const until = async (what: () => boolean): Promise<void> => {
  for (let i = 0; i < 250 && !what(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!what()) throw new Error('condition not met');
};

describe('the sync service', () => {
  it('shows a rejected sale in the quarantine with its reason, while the sales after it reach the server', async () => {
    const { central, dbs, sync } = await rig();
    const broken = { ...sampleOutboxEntry(2), payload: { ...sampleSale({ sequence: 2 }), lines: [] } };
    queue(dbs, sampleOutboxEntry(1), broken, sampleOutboxEntry(3));
    sync.poke();
    await until(() => sync.status().queued === 0 && sync.status().lastPushAt !== null);
    expect(central.admin.salesCount()).toBe(2);
    expect(sync.status()).toMatchObject({ quarantined: 1, queued: 0, oldestQueuedAt: null, oldestQueuedAgeS: null });
    expect(sync.quarantine(10)).toEqual([expect.objectContaining({ sequence: 2, mutationId: broken.mutationId, code: 'sale_malformed', receiptNumber: broken.payload.receiptNumber })]);
  });

  it('reports offline since when, with the circuit open, when the central API cannot be reached', async () => {
    const { statuses } = await rig({ url: 'http://127.0.0.1:9/graphql' });
    await until(() => statuses.length > 0);
    expect(statuses.at(-1)).toMatchObject({ online: false, since: expect.any(String), circuit: 'open', nextAttemptAt: expect.any(String), lastError: expect.stringMatching(/^unreachable/) });
  });

  it('counts the queue and the age of its oldest entry while offline', async () => {
    const at = new Date('2025-03-14T05:15:00Z'); // the sample sales completed at 03:15
    const { dbs, sync, statuses } = await rig({ url: 'http://127.0.0.1:9/graphql', now: () => at });
    queue(dbs, sampleOutboxEntry(1), sampleOutboxEntry(2));
    await until(() => statuses.length > 0);
    expect(sync.status()).toMatchObject({ online: false, queued: 2, oldestQueuedAt: '2025-03-14T03:15:00.000Z', oldestQueuedAgeS: 7200 });
  });

  it('syncs now when a manager asks, even with the circuit open', async () => {
    const { central, dbs, sync, statuses } = await rig();
    await until(() => statuses.length > 0);
    queue(dbs, sampleOutboxEntry(1));
    expect(sync.syncNow()).toMatchObject({ queued: 1 });
    await until(() => central.admin.salesCount() === 1);
  });

  it('pulls at once when the central API pokes, long before the next poll', async () => {
    const { central, catalog, statuses } = await rig();
    await until(() => statuses.length > 0 && catalog.count() > 0);
    // The event stream connects in its own time; a poke before that is missed (polling would catch
    // up in a minute), so the price is changed until one is heard. The poll is 60 s away throughout.
    for (let price = 4000; catalog.findByBarcode(DEMO_PRODUCTS.water.barcode)?.price !== price - 1 && price < 4050; price++) {
      central.admin.setPrice(DEMO_PRODUCTS.water.barcode, price);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(catalog.findByBarcode(DEMO_PRODUCTS.water.barcode)?.price).toBeGreaterThanOrEqual(4000);
  });

  it('carries scheduled prices, promotions and the store configuration to the till; a due price is switched, a future one waits', async () => {
    const { central, catalog, promotions, config, sync, statuses } = await rig();
    central.admin.setConfig('store-gangnam', 'offline.pickupHandout', '{"allowed":false}');
    await until(() => statuses.length > 0);
    central.admin.schedulePrice(DEMO_PRODUCTS.water.barcode, 10, '2020-01-01T00:00:00.000Z');
    central.admin.schedulePrice(DEMO_PRODUCTS.ramen.barcode, 20, '2099-01-01T00:00:00.000Z');
    central.admin.publishPromotion({
      id: 'promo-ramen', startsAt: null, endsAt: null,
      document: JSON.stringify({ id: 'promo-ramen', name: { ko: '라면 2+1' }, rule: { kind: 'buy_n_get_m', buy: 2, free: 1, productIds: [DEMO_PRODUCTS.ramen.id] } }),
    });
    central.admin.publishPromotion({ id: 'promo-bad', startsAt: null, endsAt: null, document: JSON.stringify({ id: 'promo-bad', rule: { kind: 'magic' } }) });
    sync.syncNow();
    await until(() => promotions.active(new Date().toISOString()).length > 0);
    expect(promotions.active(new Date().toISOString()).map((p) => p.id)).toEqual(['promo-ramen']);
    expect(config.get('offline.pickupHandout')).toEqual({ allowed: false });
    expect(catalog.findByBarcode(DEMO_PRODUCTS.water.barcode)?.price).toBe(10);
    expect(catalog.findByBarcode(DEMO_PRODUCTS.ramen.barcode)?.price).toBe(DEMO_PRODUCTS.ramen.price);
  });
});
