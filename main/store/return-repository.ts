import type Database from 'better-sqlite3';
import type { TaxRules } from '../core/tax.ts';
import type { CompletedSale } from '../core/sale.ts';
import type { TillIdentity } from '../core/ports.ts';
import { type Result, fail } from '../core/result.ts';
import type { EarlierReturn } from '../core/returns/returnable.ts';
import { type CompletedReturn, type ReturnDraft, type ReturnError, completeReturn, returnNumberOf } from '../core/returns/sale-return.ts';
import { counterTaker } from './counters.ts';

export interface ReturnCommitFacts {
  readonly completedAt: string;
  readonly businessDay: string;
  /** UUIDv7 of the outbox mutation (RETURN) that carries the return to the central API. */
  readonly mutationId: string;
}

/** What earlier returns on this till took back from a sale: per line, and per original tender. */
export interface ReturnsOfSale {
  readonly lines: EarlierReturn[];
  readonly tenders: { readonly originalTenderId: string; readonly amount: number }[];
}

export const RETURN_STORE_MESSAGES = {
  overReturn: 'this till has already taken back that much of the sale: nothing was recorded',
} as const;

/**
 * Returns in the till's journal. A return, its lines, its refund tenders and its outbox row are
 * written in ONE transaction with its number taken inside it; a trigger refuses any line that
 * would take back more of an original line than was sold, so over-returns cannot happen here.
 */
export class SqliteReturns {
  private readonly insertReturn;
  private readonly insertLine;
  private readonly insertTender;
  private readonly insertOutbox;
  private readonly selectLines;
  private readonly selectTenders;
  private readonly selectById;
  private readonly selectSale;
  private readonly selectUnsyncedLines;
  private readonly selectUnsyncedTenders;
  private readonly takeCounter;

  constructor(
    private readonly db: Database.Database,
    private readonly identity: TillIdentity,
    private readonly rules: TaxRules,
  ) {
    this.insertReturn = db.prepare(`INSERT INTO sale_return (id, return_number, sequence, original_sale_id, original_receipt, business_day,
      staff_id, approved_by, completed_at, currency, refund_total, taxable_supply, tax, tax_free, document)
      VALUES (@id, @returnNumber, @sequence, @originalSaleId, @originalReceipt, @businessDay, @staffId, @approvedBy, @completedAt,
      @currency, @total, @taxableSupply, @tax, @taxFree, @document)`);
    this.insertLine = db.prepare(`INSERT INTO sale_return_line (return_id, line_no, original_sale_id, original_line_id, product_id,
      quantity, sold_quantity, refund, condition, disposition) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertTender = db.prepare(`INSERT INTO sale_return_tender (return_id, tender_no, tender_id, kind, amount, original_tender_id,
      scheme, masked_pan, approval_code, terminal_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertOutbox = db.prepare('INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload) VALUES (?, ?, ?, ?, ?)');
    this.selectLines = db.prepare(`SELECT original_line_id AS originalLineId, sum(quantity) AS quantity, sum(refund) AS refund
      FROM sale_return_line WHERE original_sale_id = ? AND original_line_id IS NOT NULL GROUP BY original_line_id`);
    this.selectTenders = db.prepare(`SELECT t.original_tender_id AS originalTenderId, sum(t.amount) AS amount
      FROM sale_return_tender t JOIN sale_return r ON r.id = t.return_id
      WHERE r.original_sale_id = ? AND t.original_tender_id IS NOT NULL GROUP BY t.original_tender_id`);
    this.selectById = db.prepare('SELECT document FROM sale_return WHERE id = ?');
    this.selectSale = db.prepare('SELECT document FROM sale WHERE receipt_number = ?');
    const unsynced = `JOIN outbox o ON o.kind = 'RETURN' AND o.status = 'pending' AND json_extract(o.payload, '$.id') = r.id`;
    this.selectUnsyncedLines = db.prepare(`SELECT l.original_line_id AS originalLineId, sum(l.quantity) AS quantity, sum(l.refund) AS refund
      FROM sale_return_line l JOIN sale_return r ON r.id = l.return_id ${unsynced}
      WHERE l.original_sale_id = ? AND l.original_line_id IS NOT NULL GROUP BY l.original_line_id`);
    this.selectUnsyncedTenders = db.prepare(`SELECT t.original_tender_id AS originalTenderId, sum(t.amount) AS amount
      FROM sale_return_tender t JOIN sale_return r ON r.id = t.return_id ${unsynced}
      WHERE r.original_sale_id = ? AND t.original_tender_id IS NOT NULL GROUP BY t.original_tender_id`);
    this.takeCounter = counterTaker(db);
  }

  /** A sale of this till's journal by its receipt number (what the receipt's barcode carries). */
  saleByReceipt(receiptNumber: string): CompletedSale | undefined {
    const row = this.selectSale.get(receiptNumber) as { document: string } | undefined;
    return row ? (JSON.parse(row.document) as CompletedSale) : undefined;
  }

  /** What this till's earlier returns took back from a sale. */
  returnsOf(saleId: string): ReturnsOfSale {
    return {
      lines: this.selectLines.all(saleId) as EarlierReturn[],
      tenders: this.selectTenders.all(saleId) as { originalTenderId: string; amount: number }[],
    };
  }

  /** This till's returns of a sale that the central API has not been told about yet. */
  unsyncedReturnsOf(saleId: string): ReturnsOfSale {
    return {
      lines: this.selectUnsyncedLines.all(saleId) as EarlierReturn[],
      tenders: this.selectUnsyncedTenders.all(saleId) as { originalTenderId: string; amount: number }[],
    };
  }

  commitReturn(draft: ReturnDraft, facts: ReturnCommitFacts): Result<CompletedReturn, ReturnError | 'over_return'> {
    try {
      return this.db.transaction((): Result<CompletedReturn, ReturnError> => {
        const sequence = this.takeCounter('return');
        const done = completeReturn(
          draft,
          {
            receiptNumber: returnNumberOf(this.identity.storeCode, this.identity.tillNumber, sequence),
            sequence,
            storeId: this.identity.storeId,
            tillId: this.identity.tillId,
            businessDay: facts.businessDay,
            completedAt: facts.completedAt,
          },
          this.rules,
        );
        if (!done.ok) throw new NotCommitted(done);
        const r = done.value;
        this.insertReturn.run({
          id: r.id,
          returnNumber: r.receiptNumber,
          sequence,
          originalSaleId: r.original?.saleId ?? null,
          originalReceipt: r.original?.receiptNumber ?? null,
          businessDay: r.businessDay,
          staffId: r.staffId,
          approvedBy: r.approvedBy,
          completedAt: r.completedAt,
          currency: r.currency,
          total: r.totals.total,
          taxableSupply: r.totals.taxableSupply,
          tax: r.totals.tax,
          taxFree: r.totals.taxFree,
          document: JSON.stringify(r),
        });
        r.lines.forEach((l, i) =>
          this.insertLine.run(r.id, i + 1, r.original?.saleId ?? null, l.originalLineId, l.productId, l.quantity, l.soldQuantity, l.refund, l.condition, l.disposition),
        );
        r.tenders.forEach((t, i) =>
          this.insertTender.run(r.id, i + 1, t.id, t.kind, t.amount, t.originalTenderId,
            t.kind === 'card' ? t.card.scheme : null, t.kind === 'card' ? t.card.maskedPan : t.kind === 'storeCredit' ? t.storedValue.maskedNumber : null,
            t.kind === 'card' ? t.card.approvalCode : null, t.kind === 'card' ? t.card.terminalRef : t.kind === 'storeCredit' ? t.storedValue.accountId : null),
        );
        this.insertOutbox.run(this.takeCounter('outbox'), facts.mutationId, 'RETURN', r.completedAt, JSON.stringify(r));
        return done;
      }).immediate();
    } catch (e) {
      if (e instanceof NotCommitted) return e.result;
      if (e instanceof Error && /over_return/.test(e.message)) return fail('over_return', RETURN_STORE_MESSAGES.overReturn);
      throw e;
    }
  }

  findById(returnId: string): CompletedReturn | undefined {
    const row = this.selectById.get(returnId) as { document: string } | undefined;
    return row ? (JSON.parse(row.document) as CompletedReturn) : undefined;
  }
}

/** Thrown inside the transaction to roll it back (and the return number with it). */
class NotCommitted extends Error {
  constructor(readonly result: Result<never, ReturnError>) {
    super('return not committable');
  }
}
