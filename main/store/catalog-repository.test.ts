import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from './database.ts';
import { SqliteCatalog } from './catalog-repository.ts';
import { tempDataDir } from './test-helpers.ts';

let dbs: TillDatabases;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDataDir();
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
});
afterEach(() => {
  dbs.close();
  cleanup();
});

const p = (id: string, barcode: string, price: number) => ({
  id, barcode, name: { ko: `상품${id}`, en: `Item ${id}` }, price, currency: 'KRW', taxClass: 'VAT10', category: 'c',
});

describe('catalog cache', () => {
  it('applies a page and its cursor together, and finds products by barcode', () => {
    const c = new SqliteCatalog(dbs.catalog);
    c.applyPage('catalog', [p('1', '8800000000017', 1000), p('2', '8800000000024', 2000)], 'c1', false);
    expect(c.cursor('catalog')).toBe('c1');
    expect(c.findByBarcode('8800000000024')).toMatchObject({ id: '2', price: 2000, name: { ko: '상품2', en: 'Item 2' } });
    expect(c.findByBarcode('8800000000031')).toBeUndefined();
  });

  it('updates prices, removes tombstones, and lets a barcode move to another product', () => {
    const c = new SqliteCatalog(dbs.catalog);
    c.applyPage('catalog', [p('1', '8800000000017', 1000), p('2', '8800000000024', 2000)], 'c1', false);
    c.applyPage('catalog', [{ ...p('1', '8800000000017', 1100) }, { ...p('2', '8800000000024', 0), deleted: true }, p('3', '8800000000017', 500)], 'c2', false);
    expect(c.findByBarcode('8800000000017')).toMatchObject({ id: '3', price: 500 });
    expect(c.count()).toBe(1);
  });

  it('lets a barcode move to another product during a snapshot (the first download writes rows without the search index)', () => {
    const c = new SqliteCatalog(dbs.catalog);
    c.applyPage('catalog', [p('1', '8800000000017', 1000), p('2', '8800000000024', 2000)], 'c1', false);
    // Changed at the centre while the download ran: 3 takes 1's barcode, 1 gets a new one, 2 is removed.
    c.applyPage('catalog', [p('3', '8800000000017', 500), { ...p('2', '8800000000024', 0), deleted: true }, p('1', '8800000000031', 1100)], 'c2', false);
    expect(c.findByBarcode('8800000000017')).toMatchObject({ id: '3', price: 500 });
    expect(c.findByBarcode('8800000000031')).toMatchObject({ id: '1', price: 1100 });
    expect(c.findByBarcode('8800000000024')).toBeUndefined();
    expect(c.count()).toBe(2);
  });

  it('builds the search index of a snapshot once it has caught up, and row by row after that', async () => {
    const c = new SqliteCatalog(dbs.catalog);
    const searchRows = () => dbs.catalog.prepare('SELECT count(*) FROM product_search_short').pluck().get();
    c.applyPage('catalog', [p('1', '8800000000017', 1000), p('2', '8800000000024', 2000)], 'c1', false);
    c.applyPage('catalog', [p('3', '8800000000031', 3000)], 'c2', false);
    expect(searchRows()).toBe(0); // the first download writes no search rows page by page
    c.caughtUp();
    await c.searchIndexSettled();
    expect(searchRows()).toBe(3);
    c.applyPage('catalog', [{ ...p('4', '8800000000048', 4000), name: { ko: '바나나', en: 'Banana' } }], 'c3', false);
    expect(searchRows()).toBe(4);
    expect(c.searchByName('바나나', 5).map((x) => x.id)).toEqual(['4']);
  });

  it('keeps the index exact when pages arrive while it is built in the background', async () => {
    const c = new SqliteCatalog(dbs.catalog);
    const many = Array.from({ length: 25_000 }, (_, i) => ({ ...p(String(i), String(8800000000000 + i * 10), 1000), name: { ko: `상품${i}`, en: `Item ${i}` } }));
    for (let i = 0; i < many.length; i += 5000) c.applyPage('catalog', many.slice(i, i + 5000), `c${i}`, false);
    c.caughtUp();
    await new Promise((r) => setImmediate(r)); // the first batch is built; the rest is not yet
    const built = dbs.catalog.prepare('SELECT count(*) FROM product_search_short').pluck().get() as number;
    expect(built).toBeGreaterThan(0);
    expect(built).toBeLessThan(many.length);
    // A product the build has passed is renamed, one it has not is renamed, one it passed is removed.
    c.applyPage('catalog', [{ ...p('1', '8800000000010', 1000), name: { ko: '바나나 우유', en: 'Banana milk' } }, { ...p('24000', '8800000240000', 1000), name: { ko: '딸기 우유', en: 'Strawberry milk' } }, { ...p('2', '8800000000020', 0), deleted: true }], 'late', false);
    await c.searchIndexSettled();
    expect(c.searchByName('바나나 우유', 5).map((x) => x.id)).toEqual(['1']);
    expect(c.searchByName('딸기 우유', 5).map((x) => x.id)).toEqual(['24000']);
    expect(c.searchByName('상품1', 50).map((x) => x.id)).not.toContain('1');
    expect(c.searchByName('상품24000', 5)).toEqual([]);
    expect(dbs.catalog.prepare('SELECT count(*) FROM product_search_short').pluck().get()).toBe(many.length - 1);
  });

  it('still finds a product searched for before the snapshot caught up', () => {
    const c = new SqliteCatalog(dbs.catalog);
    c.applyPage('catalog', [{ ...p('1', '8800000000017', 1000), name: { ko: '바나나 우유', en: 'Banana milk' } }], 'c1', false);
    expect(c.searchByName('바나나', 5).map((x) => x.id)).toEqual(['1']);
  });

  it('starts over on a reset', () => {
    const c = new SqliteCatalog(dbs.catalog);
    c.applyPage('catalog', [p('1', '8800000000017', 1000)], 'c1', false);
    c.applyPage('catalog', [p('9', '8800000000093', 900)], 'r1', true);
    expect(c.count()).toBe(1);
    expect(c.findByBarcode('8800000000017')).toBeUndefined();
  });

  it('keeps the old cursor when a page fails half-way', () => {
    const c = new SqliteCatalog(dbs.catalog);
    c.applyPage('catalog', [p('1', '8800000000017', 1000)], 'c1', false);
    const broken = { ...p('2', '8800000000024', 1), price: 1.5 };
    expect(() => c.applyPage('catalog', [p('3', '8800000000031', 1), broken], 'c2', false)).toThrow();
    expect(c.cursor('catalog')).toBe('c1');
    expect(c.findByBarcode('8800000000031')).toBeUndefined();
  });
});
