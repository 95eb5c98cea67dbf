import type Database from 'better-sqlite3';

/** What a queued receipt is the paper of: a sale's receipt or a return's. */
export type ReprintKind = 'sale' | 'return';

export interface QueuedReprint {
  readonly kind: ReprintKind;
  /** The sale's id, or the return's id for a return receipt. */
  readonly saleId: string;
  readonly reason: string;
  readonly queuedAt: string;
}

/** Receipts owed to customers: a printer fault never loses a sale or a return, the paper is printed later. */
export class SqliteReprintQueue {
  private readonly add;
  private readonly done;
  private readonly addReturn;
  private readonly doneReturn;
  private readonly open;

  constructor(db: Database.Database) {
    this.add = db.prepare(`INSERT INTO reprint_queue (sale_id, reason, queued_at) VALUES (?, ?, ?)
      ON CONFLICT (sale_id) DO UPDATE SET reason = excluded.reason, printed_at = NULL`);
    this.done = db.prepare('UPDATE reprint_queue SET printed_at = ? WHERE sale_id = ?');
    this.addReturn = db.prepare(`INSERT INTO return_reprint_queue (return_id, reason, queued_at) VALUES (?, ?, ?)
      ON CONFLICT (return_id) DO UPDATE SET reason = excluded.reason, printed_at = NULL`);
    this.doneReturn = db.prepare('UPDATE return_reprint_queue SET printed_at = ? WHERE return_id = ?');
    this.open = db.prepare(`SELECT kind, saleId, reason, queuedAt FROM (
        SELECT 'sale' AS kind, sale_id AS saleId, reason, queued_at AS queuedAt FROM reprint_queue WHERE printed_at IS NULL
        UNION ALL
        SELECT 'return', return_id, reason, queued_at FROM return_reprint_queue WHERE printed_at IS NULL)
      ORDER BY queuedAt, kind`);
  }

  enqueue(saleId: string, reason: string, at = new Date().toISOString(), kind: ReprintKind = 'sale'): void {
    (kind === 'sale' ? this.add : this.addReturn).run(saleId, reason, at);
  }

  markPrinted(saleId: string, at = new Date().toISOString(), kind: ReprintKind = 'sale'): void {
    (kind === 'sale' ? this.done : this.doneReturn).run(at, saleId);
  }

  list(): QueuedReprint[] {
    return this.open.all() as QueuedReprint[];
  }
}
