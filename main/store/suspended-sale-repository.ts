import type Database from 'better-sqlite3';
import type { OpenSale } from '../core/sale.ts';

export interface SuspendedSaleSummary {
  readonly saleId: string;
  readonly staffId: string;
  readonly suspendedAt: string;
  readonly total: number;
  readonly itemCount: number;
}

/** Sales put aside at the lane. Suspending and resuming move the draft in one transaction, so it is never in both places or neither. */
export class SqliteSuspendedSales {
  private readonly insert;
  private readonly select;
  private readonly list_;
  private readonly remove;
  private readonly clearOpen;
  private readonly saveOpen;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT INTO suspended_sale (sale_id, staff_id, suspended_at, total, item_count, document) VALUES (?, ?, ?, ?, ?, ?)');
    this.select = db.prepare('SELECT document FROM suspended_sale WHERE sale_id = ?');
    this.list_ = db.prepare('SELECT sale_id AS saleId, staff_id AS staffId, suspended_at AS suspendedAt, total, item_count AS itemCount FROM suspended_sale ORDER BY suspended_at');
    this.remove = db.prepare('DELETE FROM suspended_sale WHERE sale_id = ?');
    this.clearOpen = db.prepare('DELETE FROM open_sale WHERE slot = 1');
    this.saveOpen = db.prepare(`INSERT INTO open_sale (slot, sale_id, document, updated_at) VALUES (1, ?, ?, ?)
      ON CONFLICT (slot) DO UPDATE SET sale_id = excluded.sale_id, document = excluded.document, updated_at = excluded.updated_at`);
  }

  suspend(sale: OpenSale, totals: { total: number; itemCount: number }, at: string): void {
    this.db.transaction(() => {
      this.insert.run(sale.id, sale.staffId, at, totals.total, totals.itemCount, JSON.stringify(sale));
      this.clearOpen.run();
    })();
  }

  /** Takes a suspended sale back as the open sale; undefined when another till or cashier took it first. */
  resume(saleId: string, at: string): OpenSale | undefined {
    return this.db.transaction(() => {
      const row = this.select.get(saleId) as { document: string } | undefined;
      if (!row) return undefined;
      this.remove.run(saleId);
      this.saveOpen.run(saleId, row.document, at);
      return JSON.parse(row.document) as OpenSale;
    })();
  }

  list(): SuspendedSaleSummary[] {
    return this.list_.all() as SuspendedSaleSummary[];
  }
}
