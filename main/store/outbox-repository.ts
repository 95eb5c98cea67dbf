import type Database from 'better-sqlite3';
import type { CompletedSale } from '../core/sale.ts';

export type OutboxStatus = 'pending' | 'applied' | 'duplicate' | 'flagged' | 'rejected';

export interface PendingMutation {
  readonly sequence: number;
  readonly mutationId: string;
  readonly kind: 'SALE';
  readonly occurredAt: string;
  readonly payload: CompletedSale;
}

export interface PushOutcome {
  readonly id: string;
  readonly status: 'APPLIED' | 'DUPLICATE' | 'REJECTED' | 'FLAGGED';
  readonly code?: string | null;
  readonly message?: string | null;
}

export interface OutboxStats {
  readonly queued: number;
  readonly oldestQueuedAt: string | null;
  readonly quarantined: number;
}

/** The outbox: business events waiting for the central API, pushed in sequence order. */
export class SqliteOutbox {
  private readonly selectPending;
  private readonly updateResult;
  private readonly selectStats;

  constructor(private readonly db: Database.Database) {
    this.selectPending = db.prepare(
      `SELECT sequence, mutation_id AS mutationId, kind, occurred_at AS occurredAt, payload
       FROM outbox WHERE status = 'pending' ORDER BY sequence LIMIT ?`,
    );
    this.updateResult = db.prepare(
      `UPDATE outbox SET status = ?, result_code = ?, result_message = ?, pushed_at = ?, attempts = attempts + 1
       WHERE mutation_id = ? AND status = 'pending'`,
    );
    this.selectStats = db.prepare(
      `SELECT
         (SELECT count(*) FROM outbox WHERE status = 'pending') AS queued,
         (SELECT min(occurred_at) FROM outbox WHERE status = 'pending') AS oldestQueuedAt,
         (SELECT count(*) FROM outbox WHERE status = 'rejected') AS quarantined`,
    );
  }

  pending(limit: number): PendingMutation[] {
    return (this.selectPending.all(limit) as { sequence: number; mutationId: string; kind: 'SALE'; occurredAt: string; payload: string }[]).map(
      (r) => ({ ...r, payload: JSON.parse(r.payload) as CompletedSale }),
    );
  }

  /** Records the server's verdicts in one transaction. A rejected mutation is quarantined, never retried blindly. */
  record(results: readonly PushOutcome[], at: string = new Date().toISOString()): void {
    this.db.transaction(() => {
      for (const r of results) {
        this.updateResult.run(r.status.toLowerCase(), r.code ?? null, r.message ?? null, at, r.id);
      }
    })();
  }

  stats(): OutboxStats {
    return this.selectStats.get() as OutboxStats;
  }
}
