import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../fixtures/central/server.ts';
import { verifyPin } from '../fixtures/central/pin-hash.ts';
import { DEMO_BARCODES, demoProducts } from '../fixtures/demo-store/products.ts';
import { DEMO_STAFF } from '../fixtures/demo-store/staff.ts';
import { demoTills } from '../fixtures/demo-store/store.ts';
import { createCentralClient, type CentralApi } from './central-client.ts';
import { pullCatalog, pullStaff } from './stream-puller.ts';
import { memorySinks } from './test-helpers.ts';

describe('pulling streams', () => {
  let central: Central;
  let client: CentralApi;
  beforeAll(async () => {
    central = await startCentral({ dbPath: ':memory:' });
    client = createCentralClient({ endpoint: central.url, token: demoTills[0]?.token ?? '' });
  });
  afterAll(() => central.close());

  it('pulls the whole demo catalog page by page as core products', async () => {
    const { catalog } = memorySinks();
    const summary = await pullCatalog(client, catalog, { pageSize: 50 });
    expect(summary).toMatchObject({ stream: 'catalog', items: demoProducts.length, pages: Math.ceil(demoProducts.length / 50), reset: false });
    expect(summary.error).toBeUndefined();
    expect(catalog.rows.size).toBe(demoProducts.length);
    const water = [...catalog.rows.values()].find((p) => p.barcode === DEMO_BARCODES.water);
    expect(water).toMatchObject({ name: { ko: '생수 500ml', en: 'Mineral Water 500ml' }, price: 900, currency: 'KRW', taxClass: 'VAT10' });
  });

  it('tells the sink it caught up once the last page is in, and not when the pull fails half-way', async () => {
    const { catalog } = memorySinks();
    const caught: string[] = [];
    const sink = { cursor: (s: string) => catalog.cursor(s), applyPage: catalog.applyPage.bind(catalog), caughtUp: (s: string) => void caught.push(s) };
    await pullCatalog(client, sink, { pageSize: 100 });
    expect(caught).toEqual(['catalog']);

    let calls = 0;
    const failing: typeof client = { ...client, catalogChanges: async (after, first) => (++calls === 2 ? { ok: false, code: 'timeout', message: 'slow' } : client.catalogChanges(after, first)) };
    const fresh = memorySinks().catalog;
    const half: string[] = [];
    const summary = await pullCatalog(failing, { cursor: (s: string) => fresh.cursor(s), applyPage: fresh.applyPage.bind(fresh), caughtUp: (s: string) => void half.push(s) }, { pageSize: 100 });
    expect(summary.error?.code).toBe('timeout');
    expect(half).toEqual([]);
  });

  it('pulls only what changed since its cursor: a price change and a removal', async () => {
    const { catalog } = memorySinks();
    await pullCatalog(client, catalog);
    central.admin.setPrice(DEMO_BARCODES.ramen, 1200);
    central.admin.deleteProduct(DEMO_BARCODES.soju);
    expect(await pullCatalog(client, catalog)).toMatchObject({ items: 2, pages: 1 });
    const rows = [...catalog.rows.values()];
    expect(rows.find((p) => p.barcode === DEMO_BARCODES.ramen)?.price).toBe(1200);
    expect(rows.find((p) => p.barcode === DEMO_BARCODES.soju)).toBeUndefined();
  });

  it('re-snapshots the stream when the server no longer knows its cursor', async () => {
    const { catalog } = memorySinks();
    await pullCatalog(client, catalog);
    const [some] = catalog.rows.values();
    if (!some) throw new Error('empty catalog');
    catalog.rows.set('stale', { ...some, id: 'stale' });
    catalog.cursors.set('catalog', 'not-a-cursor-the-server-made');
    const summary = await pullCatalog(client, catalog, { pageSize: 100 });
    expect(summary.reset).toBe(true);
    expect(catalog.applied.at(-Math.ceil(summary.items / 100))?.reset).toBe(true);
    expect(catalog.rows.has('stale')).toBe(false);
    expect(catalog.rows.size).toBe(summary.items - 1); // the soju tombstone from the last test is in the snapshot
  });

  it("pulls the store's staff with lower-case roles and PIN hashes the till can verify offline", async () => {
    const { staff } = memorySinks();
    await pullStaff(client, staff);
    const cashier = staff.rows.get(DEMO_STAFF.cashier.id);
    expect(cashier?.role).toBe('cashier');
    expect(staff.rows.get(DEMO_STAFF.manager.id)?.role).toBe('manager');
    expect(verifyPin(DEMO_STAFF.cashier.pin, cashier?.pinSalt ?? '', cashier?.pinHash ?? '')).toBe(true);
  });
});
