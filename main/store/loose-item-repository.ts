import type Database from 'better-sqlite3';
import type { Product } from '../core/product.ts';

/**
 * Items a kiosk customer may not find a barcode on (fruit, vegetables, bakery): picked from a
 * picture grid by category. In-store scale codes (prefix 2) are left out: they need a scale's label.
 */
export class SqliteLooseItems {
  constructor(private readonly db: Database.Database) {}

  byCategories(categories: readonly string[], limit: number): Product[] {
    if (categories.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT id, barcode, name_ko AS nameKo, name_en AS nameEn, price, currency, tax_class AS taxClass, category FROM product
         WHERE category IN (${categories.map(() => '?').join(', ')}) AND barcode NOT LIKE '2%' ORDER BY category, name_ko LIMIT ?`,
      )
      .all(...categories, limit) as { id: string; barcode: string; nameKo: string; nameEn: string; price: number; currency: string; taxClass: string; category: string }[];
    return rows.map((r) => ({ id: r.id, barcode: r.barcode, name: { ko: r.nameKo, en: r.nameEn }, price: r.price, currency: r.currency, taxClass: r.taxClass, category: r.category }));
  }
}
