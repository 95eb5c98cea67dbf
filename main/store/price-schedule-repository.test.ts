import { afterEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from './database.ts';
import { SqliteCatalog } from './catalog-repository.ts';
import { SqlitePriceSchedule } from './price-schedule-repository.ts';
import { tempDataDir } from './test-helpers.ts';

let dbs: TillDatabases;
let cleanup: () => void = () => {};
afterEach(() => {
  dbs.close();
  cleanup();
});

function rig(at: { now: Date }): { catalog: SqliteCatalog; schedule: SqlitePriceSchedule } {
  const t = tempDataDir();
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
  const catalog = new SqliteCatalog(dbs.catalog);
  catalog.applyPage('catalog', [
    { id: 'p1', barcode: '8800000000017', name: { ko: '물' }, price: 1000, currency: 'KRW', taxClass: 'VAT10', category: 'c', deleted: false },
  ], 'c1', false);
  return { catalog, schedule: new SqlitePriceSchedule(dbs.catalog, () => at.now) };
}

describe('scheduled prices', () => {
  it('keeps a future price waiting and switches the product when its instant comes, with no server', () => {
    const at = { now: new Date('2026-12-01T00:00:00Z') };
    const { catalog, schedule } = rig(at);
    schedule.applyPage('price', [{ id: 'p1@x', productId: 'p1', price: 900, effectiveAt: '2026-12-02T00:00:00.000Z', deleted: false }], 'k1', false);
    expect(catalog.findByBarcode('8800000000017')?.price).toBe(1000);
    expect(schedule.pending()).toBe(1);
    at.now = new Date('2026-12-02T00:00:00Z');
    expect(schedule.activateDue()).toBe(1);
    expect(catalog.findByBarcode('8800000000017')?.price).toBe(900);
    expect(schedule.pending()).toBe(0);
  });

  it('applies a price already due at once, the latest due one winning', () => {
    const at = { now: new Date('2026-12-05T00:00:00Z') };
    const { catalog, schedule } = rig(at);
    schedule.applyPage('price', [
      { id: 'a', productId: 'p1', price: 800, effectiveAt: '2026-12-03T00:00:00.000Z', deleted: false },
      { id: 'b', productId: 'p1', price: 850, effectiveAt: '2026-12-04T00:00:00.000Z', deleted: false },
      { id: 'c', productId: 'p1', price: 700, effectiveAt: '2026-12-09T00:00:00.000Z', deleted: false },
    ], 'k1', false);
    expect(catalog.findByBarcode('8800000000017')?.price).toBe(850);
    expect(schedule.pending()).toBe(1);
    expect(schedule.cursor('price')).toBe('k1');
  });

  it('drops a withdrawn schedule entry and starts over on a reset', () => {
    const at = { now: new Date('2026-12-01T00:00:00Z') };
    const { schedule } = rig(at);
    schedule.applyPage('price', [{ id: 'a', productId: 'p1', price: 1, effectiveAt: '2027-01-01T00:00:00.000Z', deleted: false }], 'k1', false);
    schedule.applyPage('price', [{ id: 'a', productId: 'p1', price: 1, effectiveAt: '2027-01-01T00:00:00.000Z', deleted: true }], 'k2', false);
    expect(schedule.pending()).toBe(0);
    schedule.applyPage('price', [{ id: 'b', productId: 'p1', price: 2, effectiveAt: '2027-01-01T00:00:00.000Z', deleted: false }], 'k3', false);
    schedule.applyPage('price', [{ id: 'c', productId: 'p1', price: 3, effectiveAt: '2027-01-01T00:00:00.000Z', deleted: false }], 'k4', true);
    expect(schedule.pending()).toBe(1);
  });
});
