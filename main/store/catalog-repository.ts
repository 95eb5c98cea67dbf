import type Database from 'better-sqlite3';
import type { Catalog } from '../core/ports.ts';
import type { Product } from '../core/product.ts';
import { classifySearchQuery, searchableTexts, shortSearchTokens } from '../core/search/search-text.ts';

interface ProductRow {
  id: string;
  barcode: string;
  name_ko: string;
  name_en: string;
  price: number;
  currency: string;
  tax_class: string;
  category: string;
}

const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  barcode: r.barcode,
  name: { ko: r.name_ko, en: r.name_en },
  price: r.price,
  currency: r.currency,
  taxClass: r.tax_class,
  category: r.category,
});

/** A catalog item as the stream delivers it: a product, or a tombstone. */
export type CatalogChange = Product & { readonly deleted?: boolean };

/** The till's catalog cache: barcode lookup on the hot scan path, and the sink of the catalog stream. */
export class SqliteCatalog implements Catalog {
  private readonly byBarcode;
  private readonly byId;
  private readonly upsert;
  private readonly replace;
  private readonly remove;
  private readonly removeBarcodeElsewhere;
  private readonly getCursor;
  private readonly setCursor;
  private readonly countAll;
  private readonly search;

  constructor(private readonly db: Database.Database) {
    this.byBarcode = db.prepare('SELECT * FROM product WHERE barcode = ?');
    this.byId = db.prepare('SELECT * FROM product WHERE id = ?');
    this.upsert = db.prepare(`INSERT INTO product (id, barcode, name_ko, name_en, price, currency, tax_class, category)
      VALUES (@id, @barcode, @nameKo, @nameEn, @price, @currency, @taxClass, @category)
      ON CONFLICT (id) DO UPDATE SET barcode = excluded.barcode, name_ko = excluded.name_ko, name_en = excluded.name_en,
        price = excluded.price, currency = excluded.currency, tax_class = excluded.tax_class, category = excluded.category`);
    this.replace = db.prepare(`INSERT OR REPLACE INTO product (id, barcode, name_ko, name_en, price, currency, tax_class, category)
      VALUES (@id, @barcode, @nameKo, @nameEn, @price, @currency, @taxClass, @category)`);
    this.remove = db.prepare('DELETE FROM product WHERE id = ?');
    this.removeBarcodeElsewhere = db.prepare('DELETE FROM product WHERE barcode = ? AND id <> ?');
    this.getCursor = db.prepare('SELECT cursor FROM stream_cursor WHERE stream = ?');
    this.setCursor = db.prepare(`INSERT INTO stream_cursor (stream, cursor, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`);
    this.countAll = db.prepare('SELECT count(*) AS n FROM product');
    this.search = new ProductSearchIndex(db);
  }

  /** Products whose Korean or English name contains the query, or whose initials (초성) do. */
  searchByName(query: string, limit: number): Product[] {
    return this.search.find(query, limit).map(toProduct);
  }

  findByBarcode(barcode: string): Product | undefined {
    const row = this.byBarcode.get(barcode) as ProductRow | undefined;
    return row ? toProduct(row) : undefined;
  }

  findById(id: string): Product | undefined {
    const row = this.byId.get(id) as ProductRow | undefined;
    return row ? toProduct(row) : undefined;
  }

  count(): number {
    return (this.countAll.get() as { n: number }).n;
  }

  cursor(stream: string): string | null {
    return (this.getCursor.get(stream) as { cursor: string } | undefined)?.cursor ?? null;
  }

  /**
   * Applies one page of the catalog stream and its cursor in one transaction. A snapshot (the
   * first download, or a reset) arrives without search rows: the index is built once when the
   * stream has caught up, several times faster than row by row (the 1,000,000-product budget).
   */
  applyPage(stream: string, items: readonly CatalogChange[], cursor: string, reset: boolean): void {
    this.db.transaction(() => {
      if (reset) this.db.exec('DELETE FROM product');
      if (reset || this.getCursor.get(stream) === undefined) this.search.defer();
      // Row by row when the index is current, or behind a background build (for the rows it has passed).
      const indexing = this.search.current() || this.search.building();
      for (const p of items) {
        if (p.deleted) {
          if (indexing) this.search.forget(p.id);
          this.remove.run(p.id);
          continue;
        }
        if (!indexing) {
          // A snapshot: one statement that also drops a row holding the barcode elsewhere (half the
          // cost of the probe + upsert pair on 1,000,000 products). It gives the row a new rowid,
          // which only the search index (built after the snapshot) keys on; and like the reset's
          // DELETE it records no price history, as a first download has none to record.
          this.replace.run(this.row(p));
          continue;
        }
        // A barcode that moved to another product id must not collide with the unique index.
        this.search.forgetBarcodeElsewhere(p.barcode, p.id);
        this.removeBarcodeElsewhere.run(p.barcode, p.id);
        const before = this.search.indexed(p.id);
        this.upsert.run(this.row(p));
        this.search.index(p.id, p.name['ko'] ?? '', p.name['en'] ?? '', before);
      }
      this.setCursor.run(stream, cursor, new Date().toISOString());
    })();
  }

  private row(p: CatalogChange): Record<string, string | number> {
    return {
      id: p.id, barcode: p.barcode, nameKo: p.name['ko'] ?? '', nameEn: p.name['en'] ?? '',
      price: p.price, currency: p.currency, taxClass: p.taxClass, category: p.category,
    };
  }

  /**
   * The stream has caught up: a snapshot's search index is built in the background, in batches,
   * so the till rings from the moment the products are in (search finds what is built so far).
   */
  caughtUp(): void {
    if (!this.search.current()) this.search.buildInBackground();
  }

  /** Resolves once no background index build is running (tests, and a clean shutdown). */
  searchIndexSettled(): Promise<void> {
    return this.search.settled();
  }
}

/**
 * Products per background index transaction. Between batches the event loop runs (scans ring); a
 * batch holds it for about 0.1 s, and FTS5 merges make some take up to half a second (1,000,000 products).
 */
const BUILD_BATCH = 2_000;

interface IndexedName {
  readonly rowid: number;
  readonly name_ko: string;
  readonly name_en: string;
}

/**
 * The name search index of catalog.db (migration 0003): a trigram FTS5 table for queries of three
 * or more characters, and a token table for shorter ones. Written only inside the catalog's
 * transactions, so the index never disagrees with the products.
 */
class ProductSearchIndex {
  private readonly byId;
  private readonly byBarcodeElsewhere;
  private readonly insertTrigram;
  private readonly insertShort;
  private readonly deleteTrigram;
  private readonly deleteShort;
  private readonly matchTrigram;
  private readonly matchShort;
  /** Mirrors product_search_state.built: this connection is the catalog's only writer. */
  private built: boolean;
  /** The last rowid a background build has indexed; null when none runs. */
  private buildCursor: number | null = null;
  private buildDone: Promise<void> = Promise.resolve();
  private resolveBuild: () => void = () => {};

  constructor(private readonly db: Database.Database) {
    this.byId = db.prepare('SELECT rowid, name_ko, name_en FROM product WHERE id = ?');
    this.byBarcodeElsewhere = db.prepare('SELECT rowid FROM product WHERE barcode = ? AND id <> ?').pluck();
    this.insertTrigram = db.prepare('INSERT INTO product_search_trigram (rowid, ko, en, initials) VALUES (?, ?, ?, ?)');
    this.insertShort = db.prepare('INSERT INTO product_search_short (rowid, tokens) VALUES (?, ?)');
    this.deleteTrigram = db.prepare('DELETE FROM product_search_trigram WHERE rowid = ?');
    this.deleteShort = db.prepare('DELETE FROM product_search_short WHERE rowid = ?');
    // The FTS match runs first and stops at the limit; the product rows are then fetched by rowid.
    this.matchTrigram = db.prepare(`SELECT p.* FROM product p WHERE p.rowid IN
      (SELECT rowid FROM product_search_trigram WHERE product_search_trigram MATCH ? LIMIT ?)`);
    this.matchShort = db.prepare(`SELECT p.* FROM product p WHERE p.rowid IN
      (SELECT rowid FROM product_search_short WHERE product_search_short MATCH ? LIMIT ?)`);
    this.built = db.prepare('SELECT built FROM product_search_state WHERE id = 1').pluck().get() === 1;
    if (!this.built) this.rebuild();
  }

  /** True when the index matches the products; false while a snapshot is arriving (writes skip it). */
  current(): boolean {
    return this.built;
  }

  /** True while a background build runs: rows it has passed are kept row by row, the rest it will reach. */
  building(): boolean {
    return this.buildCursor !== null;
  }

  /** A snapshot starts: drop the index and stop writing it row by row until it is built again. */
  defer(): void {
    this.buildCursor = null;
    this.clear();
    this.db.prepare('UPDATE product_search_state SET built = 0 WHERE id = 1').run();
    this.built = false;
  }

  /**
   * Builds the index in batches of BUILD_BATCH products, each its own transaction, yielding to
   * the event loop between them (a 1,000,000-product index takes tens of seconds; scans must not
   * wait for it). Pages applied meanwhile keep the rows already passed up to date themselves.
   */
  buildInBackground(): void {
    if (this.built || this.buildCursor !== null) return;
    this.clear();
    this.buildCursor = 0;
    const batch = this.db.prepare('SELECT rowid, name_ko, name_en FROM product WHERE rowid > ? ORDER BY rowid LIMIT ?');
    const step = (): void => {
      // A new snapshot (defer) or a closed database ends this build.
      if (this.buildCursor === null || !this.db.open) return this.finishBuild();
      const from = this.buildCursor;
      const done = this.db.transaction((): boolean => {
        const rows = batch.all(from, BUILD_BATCH) as IndexedName[];
        for (const r of rows) this.write(r.rowid, r.name_ko, r.name_en);
        if (rows.length > 0) {
          this.buildCursor = rows[rows.length - 1]?.rowid ?? from;
          return false;
        }
        this.db.prepare('UPDATE product_search_state SET built = 1 WHERE id = 1').run();
        return true;
      })();
      if (!done) return void setImmediate(step);
      this.built = true;
      this.buildCursor = null;
      this.finishBuild();
    };
    this.buildDone = new Promise((resolve) => (this.resolveBuild = resolve));
    setImmediate(step);
  }

  settled(): Promise<void> {
    return this.buildDone;
  }

  private finishBuild(): void {
    this.buildCursor = null;
    this.resolveBuild();
  }

  /**
   * Writes every product's search rows in one transaction. Used once after a snapshot, and on open
   * when the index is not current (products cached before migration 0003, or a till stopped
   * during a snapshot: it then indexes what it has and goes on row by row).
   */
  rebuild(): void {
    this.buildCursor = null;
    this.db.transaction(() => {
      this.clear();
      // In batches: better-sqlite3 cannot write while an iterator holds the connection.
      const batch = this.db.prepare('SELECT rowid, name_ko, name_en FROM product WHERE rowid > ? ORDER BY rowid LIMIT 5000');
      for (let after = 0, rows = batch.all(after) as IndexedName[]; rows.length > 0; rows = batch.all(after) as IndexedName[]) {
        for (const r of rows) this.write(r.rowid, r.name_ko, r.name_en);
        after = rows[rows.length - 1]?.rowid ?? after;
      }
      this.db.prepare('UPDATE product_search_state SET built = 1 WHERE id = 1').run();
    })();
    this.built = true;
    this.resolveBuild();
  }

  clear(): void {
    this.db.exec('DELETE FROM product_search_trigram; DELETE FROM product_search_short;');
  }

  indexed(id: string): IndexedName | undefined {
    return this.byId.get(id) as IndexedName | undefined;
  }

  forget(id: string): void {
    const row = this.indexed(id);
    if (row) this.drop(row.rowid);
  }

  forgetBarcodeElsewhere(barcode: string, id: string): void {
    for (const rowid of this.byBarcodeElsewhere.all(barcode, id) as number[]) this.drop(rowid);
  }

  /** After an upsert: a price change leaves the index alone, a new or renamed product is (re)written. */
  index(id: string, nameKo: string, nameEn: string, before: IndexedName | undefined): void {
    if (before && before.name_ko === nameKo && before.name_en === nameEn) return;
    if (before) this.drop(before.rowid);
    const row = this.indexed(id);
    if (!row) throw new Error(`product ${id} vanished inside its own transaction`);
    if (this.covers(row.rowid)) this.write(row.rowid, nameKo, nameEn);
  }

  find(query: string, limit: number): ProductRow[] {
    // Asked before a snapshot caught up (a search during the first download): index what is here.
    // While a background build runs, what it has built so far answers.
    if (!this.built && this.buildCursor === null) this.rebuild();
    const q = classifySearchQuery(query);
    if (q.kind === 'empty') return [];
    const compact = q.text.replace(/ /g, '');
    const rows =
      q.length >= 3
        ? (this.matchTrigram.all(`${q.kind === 'initials' ? 'initials' : '{ko en}'} : ${quote(q.kind === 'initials' ? compact : q.text)}`, limit) as ProductRow[])
        : (this.matchShort.all(shortQuery(compact), limit) as ProductRow[]);
    return rows;
  }

  /** Whether a product row's search rows are this writer's to keep now (not the background build's). */
  private covers(rowid: number): boolean {
    return this.built || (this.buildCursor !== null && rowid <= this.buildCursor);
  }

  private drop(rowid: number): void {
    if (!this.covers(rowid)) return;
    this.deleteTrigram.run(rowid);
    this.deleteShort.run(rowid);
  }

  private write(rowid: number, nameKo: string, nameEn: string): void {
    const texts = searchableTexts(nameKo, nameEn);
    this.insertTrigram.run(rowid, texts.ko, texts.en, texts.initials);
    this.insertShort.run(rowid, shortSearchTokens(texts));
  }
}

/**
 * Two Hangul syllables or initials are a whole token: an exact term streams its rowids and stops at
 * the limit, where a prefix query would first merge every matching rowid (tens of ms on 1M products).
 * Latin, digits and single characters are word prefixes.
 */
const shortQuery = (compact: string): string =>
  [...compact].length === 2 && !/[\p{Script=Latin}\p{N}]/u.test(compact) ? quote(compact) : `${quote(compact)}*`;

/** An FTS5 string literal: the query is data, never syntax. */
const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;
