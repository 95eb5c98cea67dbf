import type Database from 'better-sqlite3';

/** A price stream item: a scheduled price, or (deleted) a tombstone for the schedule entry. */
export interface ScheduledPriceChange {
  readonly id: string;
  readonly productId: string;
  readonly price: number;
  readonly effectiveAt: string;
  readonly deleted: boolean;
}

/**
 * Scheduled prices on the till (catalog.db): the sink of the price stream. A due price is written
 * into the product row, which is what a scan reads, so the scan path never looks at schedules.
 */
export class SqlitePriceSchedule {
  private readonly upsert;
  private readonly remove;
  private readonly getCursor;
  private readonly setCursor;
  private readonly selectDue;
  private readonly setProductPrice;
  private readonly countPending;

  constructor(private readonly db: Database.Database, private readonly now: () => Date = () => new Date()) {
    this.upsert = db.prepare(`INSERT INTO price_schedule (id, product_id, price, effective_at) VALUES (@id, @productId, @price, @effectiveAt)
      ON CONFLICT (id) DO UPDATE SET product_id = excluded.product_id, price = excluded.price, effective_at = excluded.effective_at`);
    this.remove = db.prepare('DELETE FROM price_schedule WHERE id = ?');
    this.getCursor = db.prepare('SELECT cursor FROM stream_cursor WHERE stream = ?');
    this.setCursor = db.prepare(`INSERT INTO stream_cursor (stream, cursor, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`);
    // The latest due entry per product wins; all due entries are then spent.
    this.selectDue = db.prepare(`SELECT product_id AS productId, price FROM price_schedule s
      WHERE effective_at <= @now AND effective_at = (SELECT max(effective_at) FROM price_schedule t WHERE t.product_id = s.product_id AND t.effective_at <= @now)`);
    this.setProductPrice = db.prepare('UPDATE product SET price = ? WHERE id = ?');
    this.countPending = db.prepare('SELECT count(*) FROM price_schedule').pluck();
  }

  cursor(stream: string): string | null {
    return (this.getCursor.get(stream) as { cursor: string } | undefined)?.cursor ?? null;
  }

  /** Applies one page of the price stream and its cursor in one transaction, then switches what is due. */
  applyPage(stream: string, items: readonly ScheduledPriceChange[], cursor: string, reset: boolean): void {
    this.db.transaction(() => {
      if (reset) this.db.exec('DELETE FROM price_schedule');
      for (const p of items) {
        if (p.deleted) this.remove.run(p.id);
        else this.upsert.run({ id: p.id, productId: p.productId, price: p.price, effectiveAt: p.effectiveAt });
      }
      this.activateDueInTransaction();
      this.setCursor.run(stream, cursor, this.now().toISOString());
    })();
  }

  /** Switches the prices whose instant has come (called every sync round, online or not). Returns how many. */
  activateDue(): number {
    return this.db.transaction(() => this.activateDueInTransaction())();
  }

  /** Scheduled prices still waiting for their instant. */
  pending(): number {
    return Number(this.countPending.get());
  }

  private activateDueInTransaction(): number {
    const now = this.now().toISOString();
    const due = this.selectDue.all({ now }) as { productId: string; price: number }[];
    for (const d of due) this.setProductPrice.run(d.price, d.productId);
    if (due.length > 0) this.db.prepare('DELETE FROM price_schedule WHERE effective_at <= ?').run(now);
    return due.length;
  }
}
