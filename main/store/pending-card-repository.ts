import type Database from 'better-sqlite3';

/** A card operation sent to the terminal whose answer the till has not had (yet). */
export interface PendingCardOperation {
  readonly operation: 'payment' | 'refund' | 'reversal';
  /** The till's reference: the sale id of a payment, return id / tender id of a refund. */
  readonly reference: string;
  readonly amount: number;
  /** The terminal's last trace number seen before sending; undefined when none was seen yet. */
  readonly traceBefore?: string | undefined;
  /** The terminal's receipt number of the transaction, when known before the answer (a reversal's). */
  readonly receiptNo?: string | undefined;
  readonly sentAt: string;
}

interface Row {
  operation: PendingCardOperation['operation'];
  reference: string;
  amount: number;
  trace_before: string | null;
  receipt_no: string | null;
  sent_at: string;
}

/**
 * The one card operation whose outcome is unknown, kept across a restart (till migration 0071). It is
 * written before the command goes to the terminal and removed when the terminal's answer is known:
 * a till killed in between asks the terminal at start instead of forgetting a charge or charging again.
 */
export class SqlitePendingCardOperation {
  private readonly upsert;
  private readonly select;
  private readonly remove;

  constructor(db: Database.Database) {
    this.upsert = db.prepare(`INSERT INTO pending_card_operation (slot, operation, reference, amount, trace_before, receipt_no, sent_at)
      VALUES (1, @operation, @reference, @amount, @traceBefore, @receiptNo, @sentAt)
      ON CONFLICT (slot) DO UPDATE SET operation = excluded.operation, reference = excluded.reference, amount = excluded.amount,
        trace_before = excluded.trace_before, receipt_no = excluded.receipt_no, sent_at = excluded.sent_at`);
    this.select = db.prepare('SELECT operation, reference, amount, trace_before, receipt_no, sent_at FROM pending_card_operation WHERE slot = 1');
    this.remove = db.prepare('DELETE FROM pending_card_operation WHERE slot = 1');
  }

  save(pending: PendingCardOperation): void {
    this.upsert.run({ ...pending, traceBefore: pending.traceBefore ?? null, receiptNo: pending.receiptNo ?? null });
  }

  load(): PendingCardOperation | null {
    const row = this.select.get() as Row | undefined;
    if (!row) return null;
    return {
      operation: row.operation,
      reference: row.reference,
      amount: row.amount,
      ...(row.trace_before === null ? {} : { traceBefore: row.trace_before }),
      ...(row.receipt_no === null ? {} : { receiptNo: row.receipt_no }),
      sentAt: row.sent_at,
    };
  }

  clear(): void {
    this.remove.run();
  }
}
