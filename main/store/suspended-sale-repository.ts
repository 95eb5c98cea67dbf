import type Database from 'better-sqlite3';
import type { OpenSale } from '../core/sale.ts';
import type { SuspendMutation } from '../core/suspended-sale.ts';
import { counterTaker } from './counters.ts';

export interface SuspendedSaleSummary {
  readonly saleId: string;
  readonly staffId: string;
  readonly suspendedAt: string;
  readonly total: number;
  readonly itemCount: number;
}

/** A row for the outbox, written in the same transaction as the move it tells the centre of. */
export interface SuspendOutboxRow {
  readonly mutationId: string;
  readonly mutation: SuspendMutation;
}

/**
 * Sales put aside at the lane. Suspending and resuming move the draft in one transaction, so it is
 * never in both places or neither; the outbox row telling the store's other tills commits with it.
 */
export class SqliteSuspendedSales {
  private readonly insert;
  private readonly select;
  private readonly list_;
  private readonly deleteRow;
  private readonly clearOpen;
  private readonly saveOpen;
  private readonly insertOutbox;
  private readonly takeCounter;

  constructor(private readonly db: Database.Database) {
    this.insertOutbox = db.prepare('INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload) VALUES (?, ?, ?, ?, ?)');
    this.takeCounter = counterTaker(db);
    this.insert = db.prepare('INSERT INTO suspended_sale (sale_id, staff_id, suspended_at, total, item_count, document) VALUES (?, ?, ?, ?, ?, ?)');
    this.select = db.prepare('SELECT document FROM suspended_sale WHERE sale_id = ?');
    this.list_ = db.prepare('SELECT sale_id AS saleId, staff_id AS staffId, suspended_at AS suspendedAt, total, item_count AS itemCount FROM suspended_sale ORDER BY suspended_at');
    this.deleteRow = db.prepare('DELETE FROM suspended_sale WHERE sale_id = ?');
    this.clearOpen = db.prepare('DELETE FROM open_sale WHERE slot = 1');
    this.saveOpen = db.prepare(`INSERT INTO open_sale (slot, sale_id, document, updated_at) VALUES (1, ?, ?, ?)
      ON CONFLICT (slot) DO UPDATE SET sale_id = excluded.sale_id, document = excluded.document, updated_at = excluded.updated_at`);
  }

  suspend(sale: OpenSale, totals: { total: number; itemCount: number }, at: string, outbox?: SuspendOutboxRow): void {
    this.db.transaction(() => {
      this.insert.run(sale.id, sale.staffId, at, totals.total, totals.itemCount, JSON.stringify(sale));
      this.clearOpen.run();
      if (outbox) this.queue(outbox, at);
    })();
  }

  private queue(row: SuspendOutboxRow, at: string): void {
    this.insertOutbox.run(this.takeCounter('outbox'), row.mutationId, row.mutation.kind, at, JSON.stringify(row.mutation.payload));
  }

  has(saleId: string): boolean {
    return this.select.get(saleId) !== undefined;
  }

  /** Forgets a suspended sale another till resumed (it is that till's now). */
  remove(saleId: string): void {
    this.deleteRow.run(saleId);
  }

  /** Takes a suspended sale back as the open sale; undefined when another till or cashier took it first. */
  resume(saleId: string, at: string, outbox?: SuspendOutboxRow): OpenSale | undefined {
    return this.db.transaction(() => {
      const row = this.select.get(saleId) as { document: string } | undefined;
      if (!row) return undefined;
      this.deleteRow.run(saleId);
      this.saveOpen.run(saleId, row.document, at);
      if (outbox) this.queue(outbox, at);
      return JSON.parse(row.document) as OpenSale;
    })();
  }

  list(): SuspendedSaleSummary[] {
    return this.list_.all() as SuspendedSaleSummary[];
  }
}
