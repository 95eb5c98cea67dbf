import type Database from 'better-sqlite3';

/** A mobile payment sent to the central API and not yet answered (see migration 0080). */
export interface MobilePaymentAttempt {
  readonly paymentId: string;
  readonly saleId: string;
  readonly amount: number;
  readonly maskedToken: string;
  readonly startedAt: string;
}

export class SqliteMobilePaymentAttempts {
  private readonly insert;
  private readonly selectForSale;
  private readonly remove;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO mobile_payment_attempt (payment_id, sale_id, amount, masked_token, started_at) VALUES (?, ?, ?, ?, ?)');
    this.selectForSale = db.prepare(
      'SELECT payment_id AS paymentId, sale_id AS saleId, amount, masked_token AS maskedToken, started_at AS startedAt FROM mobile_payment_attempt WHERE sale_id = ? ORDER BY started_at LIMIT 1',
    );
    this.remove = db.prepare('DELETE FROM mobile_payment_attempt WHERE payment_id = ?');
  }

  /** Written (durably) before the request goes out. */
  begin(a: MobilePaymentAttempt): void {
    this.insert.run(a.paymentId, a.saleId, a.amount, a.maskedToken, a.startedAt);
  }

  /** The sale's attempt still waiting for its answer, if any. */
  pending(saleId: string): MobilePaymentAttempt | undefined {
    return this.selectForSale.get(saleId) as MobilePaymentAttempt | undefined;
  }

  /** The answer is in (approved and tendered, or declined). */
  settle(paymentId: string): void {
    this.remove.run(paymentId);
  }
}
