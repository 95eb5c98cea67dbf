import type Database from 'better-sqlite3';
import type { OpenSale } from '../core/sale.ts';

/**
 * The sale being rung, saved after every change. It is a draft, not a fact: the journal
 * commit deletes it in the same transaction that writes the sale.
 */
export class SqliteOpenSale {
  private readonly upsert;
  private readonly select;
  private readonly remove;

  constructor(db: Database.Database) {
    this.upsert = db.prepare(`INSERT INTO open_sale (slot, sale_id, document, updated_at) VALUES (1, ?, ?, ?)
      ON CONFLICT (slot) DO UPDATE SET sale_id = excluded.sale_id, document = excluded.document, updated_at = excluded.updated_at`);
    this.select = db.prepare('SELECT document FROM open_sale WHERE slot = 1');
    this.remove = db.prepare('DELETE FROM open_sale WHERE slot = 1');
  }

  save(sale: OpenSale): void {
    this.upsert.run(sale.id, JSON.stringify(sale), new Date().toISOString());
  }

  load(): OpenSale | undefined {
    const row = this.select.get() as { document: string } | undefined;
    return row ? (JSON.parse(row.document) as OpenSale) : undefined;
  }

  clear(): void {
    this.remove.run();
  }
}
