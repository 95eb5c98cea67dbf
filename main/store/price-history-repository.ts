import type Database from 'better-sqlite3';

/** The shelf prices a product had, and until when (catalog.db, kept by a trigger on product). */
export class SqlitePriceHistory {
  private readonly select;

  constructor(db: Database.Database) {
    this.select = db.prepare('SELECT price, until FROM price_history WHERE product_id = ? AND until >= ? ORDER BY until');
  }

  /** The prices that ended at or after `since` (ISO instant). */
  since(productId: string, since: string): { price: number; until: string }[] {
    return this.select.all(productId, since) as { price: number; until: string }[];
  }
}
