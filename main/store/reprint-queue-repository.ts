import type Database from 'better-sqlite3';

export interface QueuedReprint {
  readonly saleId: string;
  readonly reason: string;
  readonly queuedAt: string;
}

/** Receipts owed to customers: a printer fault never loses a sale, the paper is printed later. */
export class SqliteReprintQueue {
  private readonly add;
  private readonly done;
  private readonly open;

  constructor(db: Database.Database) {
    this.add = db.prepare(`INSERT INTO reprint_queue (sale_id, reason, queued_at) VALUES (?, ?, ?)
      ON CONFLICT (sale_id) DO UPDATE SET reason = excluded.reason, printed_at = NULL`);
    this.done = db.prepare('UPDATE reprint_queue SET printed_at = ? WHERE sale_id = ?');
    this.open = db.prepare('SELECT sale_id AS saleId, reason, queued_at AS queuedAt FROM reprint_queue WHERE printed_at IS NULL ORDER BY queued_at');
  }

  enqueue(saleId: string, reason: string, at = new Date().toISOString()): void {
    this.add.run(saleId, reason, at);
  }

  markPrinted(saleId: string, at = new Date().toISOString()): void {
    this.done.run(at, saleId);
  }

  list(): QueuedReprint[] {
    return this.open.all() as QueuedReprint[];
  }
}
