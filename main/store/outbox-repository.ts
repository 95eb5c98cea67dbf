import type Database from 'better-sqlite3';
import type { CompletedSale } from '../core/sale.ts';
import type { CompletedReturn } from '../core/returns/sale-return.ts';
import { ORDER_MUTATION_KINDS, type OrderMutation } from '../core/pickup/order-mutation.ts';
import { MEMBER_MUTATION_KINDS, type MemberMutation } from '../core/loyalty/member-mutation.ts';
import { SUSPEND_MUTATION_KINDS, type SuspendMutation } from '../core/suspended-sale.ts';
import { SHIFT_MUTATION_KINDS, type ShiftMutation } from '../core/shift/shift-mutation.ts';
import type { CompletedPostVoid } from '../core/post-void.ts';

export type OutboxStatus = 'pending' | 'applied' | 'duplicate' | 'flagged' | 'rejected';

interface MutationRow {
  readonly sequence: number;
  readonly mutationId: string;
  readonly occurredAt: string;
}

/** The kind says what the payload is: a sale, or a return (its own journal entry). */
export type PendingMutation =
  | (MutationRow & { readonly kind: 'SALE'; readonly payload: CompletedSale })
  | (MutationRow & { readonly kind: 'RETURN'; readonly payload: CompletedReturn })
  | (MutationRow & { readonly kind: 'POST_VOID'; readonly payload: CompletedPostVoid })
  | (MutationRow & OrderMutation)
  | (MutationRow & MemberMutation)
  | (MutationRow & SuspendMutation)
  | (MutationRow & ShiftMutation);

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

/** A rejected mutation, as the back office shows it: what it was, and why the server refused it. */
export interface QuarantinedMutation {
  readonly sequence: number;
  readonly mutationId: string;
  readonly kind: string;
  readonly occurredAt: string;
  readonly receiptNumber: string | null;
  readonly total: number | null;
  readonly code: string | null;
  readonly message: string | null;
  readonly rejectedAt: string | null;
  readonly attempts: number;
}

interface Row {
  sequence: number;
  mutationId: string;
  kind: string;
  occurredAt: string;
  payload: string;
}

function toMutation(r: Row): PendingMutation {
  const row = { sequence: r.sequence, mutationId: r.mutationId, occurredAt: r.occurredAt };
  if (r.kind === 'RETURN') return { ...row, kind: 'RETURN', payload: JSON.parse(r.payload) as CompletedReturn };
  if (r.kind === 'SALE') return { ...row, kind: 'SALE', payload: JSON.parse(r.payload) as CompletedSale };
  if (r.kind === 'POST_VOID') return { ...row, kind: 'POST_VOID', payload: JSON.parse(r.payload) as CompletedPostVoid };
  // The pickup desk's rows carry the centre's input as it is (order-mutation.ts), written by this till.
  if ((ORDER_MUTATION_KINDS as readonly string[]).includes(r.kind)) return { ...row, kind: r.kind, payload: JSON.parse(r.payload) } as PendingMutation;
  // Loyalty's rows (member-mutation.ts): an enrolment or a member's data request, written by this till.
  if ((MEMBER_MUTATION_KINDS as readonly string[]).includes(r.kind)) return { ...row, kind: r.kind, payload: JSON.parse(r.payload) } as PendingMutation;
  // A suspended sale for the store's other tills, or its resume here (core/suspended-sale.ts).
  if ((SUSPEND_MUTATION_KINDS as readonly string[]).includes(r.kind)) return { ...row, kind: r.kind, payload: JSON.parse(r.payload) } as PendingMutation;
  // The drawer's rows (shift-mutation.ts): a shift opened or closed, a cash movement, a day closed.
  if ((SHIFT_MUTATION_KINDS as readonly string[]).includes(r.kind)) return { ...row, kind: r.kind, payload: JSON.parse(r.payload) } as PendingMutation;
  throw new Error(`outbox row ${r.sequence} has a kind this build does not know: ${r.kind}`);
}

/** The one outbox kind that carries a person's phone and name (member-mutation.ts). */
const PERSONAL_KIND: MemberMutation['kind'] = 'MEMBER_ENROLL';

/** The outbox: business events waiting for the central API, pushed in sequence order. */
export class SqliteOutbox {
  private readonly selectPending;
  private readonly selectFrom;
  private readonly updateResult;
  private readonly updateAttempt;
  private readonly prunePersonal;
  private readonly selectStats;
  private readonly selectQuarantine;

  constructor(private readonly db: Database.Database) {
    this.selectPending = db.prepare(
      `SELECT sequence, mutation_id AS mutationId, kind, occurred_at AS occurredAt, payload
       FROM outbox WHERE status = 'pending' ORDER BY sequence LIMIT ?`,
    );
    this.selectFrom = db.prepare(
      `SELECT sequence, mutation_id AS mutationId, kind, occurred_at AS occurredAt, payload
       FROM outbox WHERE sequence >= ? ORDER BY sequence LIMIT ?`,
    );
    this.updateResult = db.prepare(
      `UPDATE outbox SET status = ?, result_code = ?, result_message = ?, pushed_at = ?
       WHERE mutation_id = ? AND status = 'pending'`,
    );
    this.updateAttempt = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE sequence = ?');
    // An enrolment carries the member's phone and name to the centre once; answered, the till keeps
    // the row for the ledger but not them (blanked, so the row stays the contract's shape).
    this.prunePersonal = db.prepare(`UPDATE outbox SET payload = json_set(payload, '$.phone', '', '$.name', '')
      WHERE mutation_id = ? AND kind = '${PERSONAL_KIND}' AND status <> 'pending'`);
    this.selectStats = db.prepare(
      `SELECT
         (SELECT count(*) FROM outbox WHERE status = 'pending') AS queued,
         (SELECT min(occurred_at) FROM outbox WHERE status = 'pending') AS oldestQueuedAt,
         (SELECT count(*) FROM outbox WHERE status = 'rejected') AS quarantined`,
    );
    this.selectQuarantine = db.prepare(
      `SELECT sequence, mutation_id AS mutationId, kind, occurred_at AS occurredAt,
              json_extract(payload, '$.receiptNumber') AS receiptNumber, json_extract(payload, '$.totals.total') AS total,
              result_code AS code, result_message AS message, pushed_at AS rejectedAt, attempts
       FROM outbox WHERE status = 'rejected' ORDER BY sequence DESC LIMIT ?`,
    );
  }

  pending(limit: number): PendingMutation[] {
    return (this.selectPending.all(limit) as Row[]).map(toMutation);
  }

  /** Entries from a sequence on, answered or not: what is resent when the server lost what it had. */
  from(sequence: number, limit: number): PendingMutation[] {
    return (this.selectFrom.all(sequence, limit) as Row[]).map(toMutation);
  }

  /** Counts a send of these entries (one transaction), whatever its outcome. */
  markAttempt(sequences: readonly number[], at: string = new Date().toISOString()): void {
    this.db.transaction(() => {
      for (const s of sequences) this.updateAttempt.run(at, s);
    })();
  }

  /**
   * Records the server's verdicts in one transaction. A rejected mutation is quarantined (never
   * retried blindly, never blocking the ones after it); an entry already answered keeps its first verdict.
   */
  record(results: readonly PushOutcome[], at: string = new Date().toISOString()): void {
    this.db.transaction(() => {
      for (const r of results) {
        this.updateResult.run(r.status.toLowerCase(), r.code ?? null, r.message ?? null, at, r.id);
        this.prunePersonal.run(r.id);
      }
    })();
  }

  stats(): OutboxStats {
    return this.selectStats.get() as OutboxStats;
  }

  /** The quarantine, newest first. */
  quarantine(limit: number): QuarantinedMutation[] {
    return this.selectQuarantine.all(limit) as QuarantinedMutation[];
  }
}
