import type Database from 'better-sqlite3';
import { type CompletedSale, type OpenSale, type TenderError, completeSale } from '../core/sale.ts';
import type { TaxRules } from '../core/tax.ts';
import type { TillIdentity } from '../core/ports.ts';
import { type Result, fail } from '../core/result.ts';
import { trainingReceiptNumberOf } from '../core/training.ts';
import { counterTaker } from './counters.ts';
import type { CommitFacts } from './journal-repository.ts';

/**
 * Training sales: committed like real ones (the open-sale draft goes in the same transaction, the
 * number is taken inside it), but into their own table with their own number series, and with no
 * outbox row, so the centre never hears of them.
 */
export class SqliteTrainingJournal {
  private readonly insertSale;
  private readonly clearOpenSale;
  private readonly selectById;
  private readonly selectCount;
  private readonly takeCounter;

  constructor(
    private readonly db: Database.Database,
    private readonly identity: TillIdentity,
    private readonly rules: TaxRules,
  ) {
    this.insertSale = db.prepare('INSERT INTO training_sale (id, receipt_number, sequence, staff_id, completed_at, total, document) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.clearOpenSale = db.prepare('DELETE FROM open_sale WHERE sale_id = ?');
    this.selectById = db.prepare('SELECT document FROM training_sale WHERE id = ?').pluck();
    this.selectCount = db.prepare('SELECT count(*) FROM training_sale').pluck();
    this.takeCounter = counterTaker(db);
  }

  commitSale(open: OpenSale, facts: Omit<CommitFacts, 'mutationId'> & { readonly mutationId?: string }): Result<CompletedSale, TenderError> {
    try {
      return this.db.transaction((): Result<CompletedSale, TenderError> => {
        const sequence = this.takeCounter('training_receipt');
        const done = completeSale(
          { ...open, training: true },
          {
            receiptNumber: trainingReceiptNumberOf(this.identity.storeCode, this.identity.tillNumber, sequence), sequence,
            storeId: this.identity.storeId, tillId: this.identity.tillId, businessDay: facts.businessDay, completedAt: facts.completedAt,
          },
          this.rules,
        );
        // Thrown to roll the number back with the rest: a sale that cannot complete leaves no gap.
        if (!done.ok) throw new NotCompletable(done.code, done.message);
        const s = done.value;
        this.insertSale.run(s.id, s.receiptNumber, s.sequence, s.staffId, s.completedAt, s.totals.total, JSON.stringify(s));
        this.clearOpenSale.run(s.id);
        return done;
      }).immediate();
    } catch (e) {
      if (e instanceof NotCompletable) return fail(e.code, e.message);
      throw e;
    }
  }

  findById(saleId: string): CompletedSale | undefined {
    const doc = this.selectById.get(saleId) as string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as CompletedSale);
  }

  count(): number {
    return Number(this.selectCount.get());
  }
}

class NotCompletable extends Error {
  constructor(readonly code: TenderError, message: string) {
    super(message);
  }
}
