import type Database from 'better-sqlite3';
import type { MemberMutation } from '../core/loyalty/member-mutation.ts';
import { counterTaker } from './counters.ts';

/**
 * Member enrolments and data requests made at this till, queued for the centre in till.db's outbox
 * (durable, in order with the sales: an enrolment is pushed before the sale its member earned on).
 */
export class SqliteMemberRequests {
  private readonly insertOutbox;
  private readonly takeCounter;

  constructor(private readonly db: Database.Database) {
    this.insertOutbox = db.prepare('INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload) VALUES (?, ?, ?, ?, ?)');
    this.takeCounter = counterTaker(db);
  }

  /** Queues one member mutation; returns its outbox sequence. */
  enqueue(mutationId: string, mutation: MemberMutation, at: string): number {
    return this.db.transaction(() => {
      const sequence = this.takeCounter('outbox');
      this.insertOutbox.run(sequence, mutationId, mutation.kind, at, JSON.stringify(mutation.payload));
      return sequence;
    })();
  }
}
