import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../fixtures/central/server.ts';
import { DEMO_PRODUCTS } from '../fixtures/demo-store/products.ts';
import { DEMO_ADMIN_TOKEN, demoTills } from '../fixtures/demo-store/store.ts';
import { createCentralClient, type CentralApi } from './central-client.ts';
import type { ConfigChange, PriceChange, PromotionData } from './ports.ts';
import { pullConfig, pullPrices, pullPromotions } from './stream-puller.ts';
import { MemorySink } from './test-helpers.ts';

// The back office changes prices and publishes promotions over GraphQL (admin mutations);
// tills pull them as streams with server-assigned cursors.
let central: Central;
let client: CentralApi;

async function admin(query: string, variables: Record<string, unknown>, token = DEMO_ADMIN_TOKEN): Promise<{ data: Record<string, unknown> | null; errors: { message: string }[] }> {
  const res = await fetch(central.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

const SCHEDULE = 'mutation ($b: String!, $p: Int!, $at: String!) { schedulePrice(barcode: $b, price: $p, effectiveAt: $at) }';
const PUBLISH = 'mutation ($id: ID!, $d: String!, $s: String, $e: String) { publishPromotion(id: $id, document: $d, startsAt: $s, endsAt: $e) }';

beforeEach(async () => {
  central = await startCentral({ dbPath: ':memory:' });
  client = createCentralClient({ endpoint: central.url, token: demoTills[0]?.token ?? '' });
});
afterEach(() => central.close());

describe('the price stream', () => {
  it('carries a price scheduled for a future instant, ahead of time, with its effective date', async () => {
    const r = await admin(SCHEDULE, { b: DEMO_PRODUCTS.water.barcode, p: 700, at: '2030-01-01T00:00:00+09:00' });
    expect(r.errors).toEqual([]);
    const sink = new MemorySink<PriceChange>();
    expect(await pullPrices(client, sink)).toMatchObject({ stream: 'price', items: 1, reset: false });
    expect([...sink.rows.values()]).toEqual([
      { id: `${DEMO_PRODUCTS.water.id}@2029-12-31T15:00:00.000Z`, productId: DEMO_PRODUCTS.water.id, barcode: DEMO_PRODUCTS.water.barcode, price: 700, effectiveAt: '2029-12-31T15:00:00.000Z', deleted: false },
    ]);
    expect(await pullPrices(client, sink)).toMatchObject({ items: 0 }); // from its cursor: nothing new
  });

  it('refuses price changes from a till credential, and an instant that is not one', async () => {
    expect((await admin(SCHEDULE, { b: DEMO_PRODUCTS.water.barcode, p: 1, at: '2030-01-01T00:00:00Z' }, demoTills[0]?.token)).errors[0]?.message).toMatch(/back office only/);
    expect((await admin(SCHEDULE, { b: DEMO_PRODUCTS.water.barcode, p: 1, at: 'tomorrow' })).errors[0]?.message).toMatch(/ISO 8601/);
  });

  it('switches the central price when a scheduled one is due, so the catalog stream carries it too', async () => {
    await admin(SCHEDULE, { b: DEMO_PRODUCTS.ramen.barcode, p: 999, at: '2020-01-01T00:00:00Z' });
    const page = await client.catalogChanges(null, 5000);
    expect(page.ok && page.value.items.find((p) => p.id === DEMO_PRODUCTS.ramen.id)?.price).toBe(999);
  });

  it('re-snapshots when the server no longer knows the cursor', async () => {
    await admin(SCHEDULE, { b: DEMO_PRODUCTS.water.barcode, p: 700, at: '2030-01-01T00:00:00Z' });
    const sink = new MemorySink<PriceChange>();
    await pullPrices(client, sink);
    await admin(SCHEDULE, { b: DEMO_PRODUCTS.ramen.barcode, p: 1000, at: '2030-01-01T00:00:00Z' });
    central.admin.pruneTombstones('price');
    const summary = await pullPrices(client, sink);
    expect(summary.reset).toBe(true);
    expect(sink.rows.size).toBe(2);
  });
});

describe('the promotions stream', () => {
  it('carries a published promotion as data, and its withdrawal as a tombstone', async () => {
    const rule = { id: 'promo-1', name: { ko: '2+1' }, rule: { kind: 'buy_n_get_m', buy: 2, free: 1, productIds: [DEMO_PRODUCTS.ramen.id] } };
    expect((await admin(PUBLISH, { id: 'promo-1', d: JSON.stringify(rule), s: '2026-12-01T00:00:00Z', e: null })).errors).toEqual([]);
    const sink = new MemorySink<PromotionData>();
    await pullPromotions(client, sink);
    expect(sink.rows.get('promo-1')).toEqual({ id: 'promo-1', document: rule, startsAt: '2026-12-01T00:00:00Z', endsAt: null, deleted: false });
    await admin('mutation { withdrawPromotion(id: "promo-1") }', {});
    await pullPromotions(client, sink);
    // What is left are the demo store's coupons by barcode (fixtures/demo-store/coupons.ts), which ride the same stream.
    expect(sink.rows.has('promo-1')).toBe(false);
    expect([...sink.rows.keys()].every((id) => id.startsWith('coupon-'))).toBe(true);
  });

  it('refuses a document that is not JSON', async () => {
    expect((await admin(PUBLISH, { id: 'x', d: '{nope', s: null, e: null })).errors[0]?.message).toMatch(/JSON/);
  });
});

describe('the config stream', () => {
  const SET = 'mutation ($s: ID!, $k: String!, $v: String) { setConfig(storeId: $s, key: $k, value: $v) }';

  it("carries the caller's store configuration and offline policies, not another store's", async () => {
    expect((await admin(SET, { s: 'store-gangnam', k: 'offline.pickupHandout', v: '{"allowed":false}' })).errors).toEqual([]);
    await admin(SET, { s: 'store-jamsil', k: 'offline.pickupHandout', v: '{"allowed":true}' });
    const sink = new MemorySink<{ id: string; deleted: boolean; key: string; value: unknown }>();
    const keyed = { cursor: (s: string) => sink.cursor(s), applyPage: (s: string, items: readonly ConfigChange[], c: string, r: boolean) => sink.applyPage(s, items.map((i) => ({ ...i, id: i.key })), c, r) };
    await pullConfig(client, keyed);
    expect([...sink.rows.values()]).toEqual([{ id: 'offline.pickupHandout', key: 'offline.pickupHandout', value: { allowed: false }, deleted: false }]);
    await admin(SET, { s: 'store-gangnam', k: 'offline.pickupHandout', v: null });
    await pullConfig(client, keyed);
    expect(sink.rows.size).toBe(0);
  });

  it('refuses a value that is not JSON, and a till setting configuration', async () => {
    expect((await admin(SET, { s: 'store-gangnam', k: 'k', v: '{nope' })).errors[0]?.message).toMatch(/JSON/);
    expect((await admin(SET, { s: 'store-gangnam', k: 'k', v: '1' }, demoTills[0]?.token)).errors[0]?.message).toMatch(/back office only/);
  });
});
