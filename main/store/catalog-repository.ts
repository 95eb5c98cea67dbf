import type Database from 'better-sqlite3';
import type { Catalog } from '../core/ports.ts';
import type { Product } from '../core/product.ts';

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
  private readonly upsert;
  private readonly remove;
  private readonly removeBarcodeElsewhere;
  private readonly getCursor;
  private readonly setCursor;
  private readonly countAll;

  constructor(private readonly db: Database.Database) {
    this.byBarcode = db.prepare('SELECT * FROM product WHERE barcode = ?');
    this.upsert = db.prepare(`INSERT INTO product (id, barcode, name_ko, name_en, price, currency, tax_class, category)
      VALUES (@id, @barcode, @nameKo, @nameEn, @price, @currency, @taxClass, @category)
      ON CONFLICT (id) DO UPDATE SET barcode = excluded.barcode, name_ko = excluded.name_ko, name_en = excluded.name_en,
        price = excluded.price, currency = excluded.currency, tax_class = excluded.tax_class, category = excluded.category`);
    this.remove = db.prepare('DELETE FROM product WHERE id = ?');
    this.removeBarcodeElsewhere = db.prepare('DELETE FROM product WHERE barcode = ? AND id <> ?');
    this.getCursor = db.prepare('SELECT cursor FROM stream_cursor WHERE stream = ?');
    this.setCursor = db.prepare(`INSERT INTO stream_cursor (stream, cursor, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`);
    this.countAll = db.prepare('SELECT count(*) AS n FROM product');
  }

  findByBarcode(barcode: string): Product | undefined {
    const row = this.byBarcode.get(barcode) as ProductRow | undefined;
    return row ? toProduct(row) : undefined;
  }

  count(): number {
    return (this.countAll.get() as { n: number }).n;
  }

  cursor(stream: string): string | null {
    return (this.getCursor.get(stream) as { cursor: string } | undefined)?.cursor ?? null;
  }

  /** Applies one page of the catalog stream and its cursor in one transaction. */
  applyPage(stream: string, items: readonly CatalogChange[], cursor: string, reset: boolean): void {
    this.db.transaction(() => {
      if (reset) this.db.exec('DELETE FROM product');
      for (const p of items) {
        if (p.deleted) {
          this.remove.run(p.id);
          continue;
        }
        // A barcode that moved to another product id must not collide with the unique index.
        this.removeBarcodeElsewhere.run(p.barcode, p.id);
        this.upsert.run({
          id: p.id,
          barcode: p.barcode,
          nameKo: p.name['ko'] ?? '',
          nameEn: p.name['en'] ?? '',
          price: p.price,
          currency: p.currency,
          taxClass: p.taxClass,
          category: p.category,
        });
      }
      this.setCursor.run(stream, cursor, new Date().toISOString());
    })();
  }
}
