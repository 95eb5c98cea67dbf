import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { openTillDatabases, type TillDatabases } from './database.ts';
import { SqliteCatalog } from './catalog-repository.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { tempDataDir } from './test-helpers.ts';

let dir: string;
let dbs: TillDatabases;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDataDir();
  dir = t.dir;
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
});
afterEach(() => {
  dbs.close();
  cleanup();
});

let next = 0;
const product = (id: string, ko: string, en: string, price = 1000) => ({
  id, barcode: `88000000${String(++next).padStart(5, '0')}`, name: { ko, en }, price, currency: 'KRW', taxClass: 'VAT10', category: 'c',
});
const names = (c: SqliteCatalog, q: string) => c.searchByName(q, 20).map((p) => p.name['ko']).sort();

function stocked(): SqliteCatalog {
  const c = new SqliteCatalog(dbs.catalog);
  c.applyPage('catalog', [
    product('1', '농심 신라면 5입', 'Nongshim Shin Ramyun 5-Pack'),
    product('2', '진라면 매운맛', 'Jin Ramen Hot'),
    product('3', '서울우유 1L', 'Seoul Milk 1L'),
    product('4', '풀무원 두부', 'Pulmuone Tofu'),
    product('5', '도토리 묵', 'Acorn Jelly'),
  ], 'c1', false);
  return c;
}

describe('product search by name', () => {
  it('finds a 2-syllable word inside names', () => {
    expect(names(stocked(), '라면')).toEqual(['농심 신라면 5입', '진라면 매운맛']);
  });

  it('finds a 3+-syllable substring, also across a word break', () => {
    const c = stocked();
    expect(names(c, '신라면')).toEqual(['농심 신라면 5입']);
    expect(names(c, '심 신라')).toEqual(['농심 신라면 5입']);
  });

  it('finds products by initial consonants (초성)', () => {
    const c = stocked();
    expect(names(c, 'ㅅㄹㅁ')).toEqual(['농심 신라면 5입']);
    // Initials run across word breaks: 도토리 묵 is ㄷㅌㄹㅁ.
    expect(names(c, 'ㄹㅁ')).toEqual(['농심 신라면 5입', '도토리 묵', '진라면 매운맛']);
    expect(names(c, 'ㄷㅂ')).toEqual(['풀무원 두부']);
  });

  it('finds English names regardless of case, by substring or by the start of a word', () => {
    const c = stocked();
    expect(names(c, 'RAMEN')).toEqual(['진라면 매운맛']);
    expect(names(c, 'amyu')).toEqual(['농심 신라면 5입']);
    expect(names(c, 'to')).toEqual(['풀무원 두부']);
  });

  it('finds a one-syllable word', () => {
    expect(names(stocked(), '묵')).toEqual(['도토리 묵']);
  });

  it('returns nothing for a blank query and at most the limit', () => {
    const c = stocked();
    expect(c.searchByName('  ', 20)).toEqual([]);
    expect(c.searchByName('라면', 1)).toHaveLength(1);
  });

  it('takes FTS syntax in a query as text', () => {
    expect(names(stocked(), '"라면" OR *')).toEqual([]);
  });

  it('follows renames, deletions, moved barcodes and resets in the same page as the products', () => {
    const c = stocked();
    const shin = product('1', '신라면 블랙', 'Shin Ramyun Black');
    c.applyPage('catalog', [shin, { ...product('2', '', ''), deleted: true }], 'c2', false);
    expect(names(c, '라면')).toEqual(['신라면 블랙']);
    expect(names(c, '블랙')).toEqual(['신라면 블랙']);
    // Product 9 takes product 3's barcode: product 3 leaves the catalog and the index.
    c.applyPage('catalog', [{ ...product('9', '매일우유', 'Maeil Milk'), barcode: c.searchByName('서울우유', 1)[0]?.barcode ?? '' }], 'c3', false);
    expect(names(c, '우유')).toEqual(['매일우유']);
    c.applyPage('catalog', [product('7', '컵라면', 'Cup Ramen')], 'r1', true);
    expect(names(c, '라면')).toEqual(['컵라면']);
    expect(names(c, 'ㄷㅂ')).toEqual([]);
  });

  it('keeps the index as it was when a page fails half-way', () => {
    const c = stocked();
    const broken = { ...product('8', '참치 라면', 'Tuna Ramen'), price: 1.5 };
    expect(() => c.applyPage('catalog', [product('6', '짜파게티 라면', 'Chapagetti'), broken], 'c2', false)).toThrow();
    expect(names(c, '라면')).toEqual(['농심 신라면 5입', '진라면 매운맛']);
  });
});

describe('catalog 0003-product-search', () => {
  it('indexes products cached before it on the first open after it, once', () => {
    const file = path.join(dir, 'old-catalog.db');
    const db = new Database(file);
    migrate(db, loadMigrations('catalog'), 2);
    db.prepare(`INSERT INTO product VALUES ('p1', '8800000000017', '새우깡', 'Shrimp Crackers', 1500, 'KRW', 'VAT10', 'snack')`).run();
    expect(migrate(db, loadMigrations('catalog'), 3)).toEqual([3]);
    expect(db.prepare('SELECT built FROM product_search_state').pluck().get()).toBe(0);
    const c = new SqliteCatalog(db);
    expect(c.searchByName('ㅅㅇㄲ', 5).map((p) => p.id)).toEqual(['p1']);
    expect(db.prepare('SELECT built FROM product_search_state').pluck().get()).toBe(1);
    db.close();
  });
});
