import type Database from 'better-sqlite3';
import { type CompletedSale, type OpenSale, type TenderError, completeSale, receiptNumberOf } from '../core/sale.ts';
import type { TaxRules } from '../core/tax.ts';
import type { TillIdentity } from '../core/ports.ts';
import type { Result } from '../core/result.ts';
import { counterTaker } from './counters.ts';
import { tenderRecord } from '../core/tender.ts';

export interface JournalEntry {
  readonly saleId: string;
  readonly receiptNumber: string;
  readonly completedAt: string;
  readonly total: number;
  readonly synced: boolean;
}

export interface CommitFacts {
  readonly completedAt: string;
  readonly businessDay: string;
  /** UUIDv7 of the outbox mutation that carries the sale to the central API. */
  readonly mutationId: string;
}

/**
 * The electronic journal. A sale, its lines, its tenders and its outbox row are written in
 * ONE transaction, with the receipt sequence taken inside it; the open-sale draft goes in the same
 * transaction, so after a crash a sale is either open or in the journal, never both or neither.
 */
export class SqliteJournal {
  private readonly insertSale;
  private readonly insertLine;
  private readonly insertTender;
  private readonly insertOutbox;
  private readonly clearOpenSale;
  private readonly selectRecent;
  private readonly selectById;
  private readonly takeCounter;

  constructor(
    private readonly db: Database.Database,
    private readonly identity: TillIdentity,
    private readonly rules: TaxRules,
  ) {
    this.insertSale = db.prepare(`INSERT INTO sale (id, receipt_number, sequence, business_day, staff_id, started_at, completed_at,
      currency, total, taxable_supply, tax, tax_free, change_given, document)
      VALUES (@id, @receiptNumber, @sequence, @businessDay, @staffId, @startedAt, @completedAt,
      @currency, @total, @taxableSupply, @tax, @taxFree, @change, @document)`);
    this.insertLine = db.prepare(`INSERT INTO sale_line (sale_id, line_no, line_id, product_id, barcode, name_ko, name_en,
      unit_price, quantity, tax_class, voided) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertTender = db.prepare(`INSERT INTO sale_tender (sale_id, tender_no, tender_id, kind, amount, scheme, masked_pan,
      approval_code, terminal_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertOutbox = db.prepare(`INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload) VALUES (?, ?, ?, ?, ?)`);
    this.clearOpenSale = db.prepare('DELETE FROM open_sale WHERE sale_id = ?');
    this.selectRecent = db.prepare(`SELECT s.id AS saleId, s.receipt_number AS receiptNumber, s.completed_at AS completedAt, s.total AS total,
      (o.status IS NOT NULL AND o.status <> 'pending') AS synced
      FROM sale s LEFT JOIN outbox o ON o.kind = 'SALE' AND json_extract(o.payload, '$.id') = s.id
      ORDER BY s.sequence DESC LIMIT ?`);
    this.selectById = db.prepare('SELECT document FROM sale WHERE id = ?');
    this.takeCounter = counterTaker(db);
  }

  commitSale(open: OpenSale, facts: CommitFacts): Result<CompletedSale, TenderError> {
    try {
      return this.commitOrThrow(open, facts);
    } catch (e) {
      if (e instanceof SaleNotCompletable) return e.result;
      throw e;
    }
  }

  private commitOrThrow(open: OpenSale, facts: CommitFacts): Result<CompletedSale, TenderError> {
    return this.db.transaction((): Result<CompletedSale, TenderError> => {
      const sequence = this.takeCounter('receipt');
      const done = completeSale(
        open,
        {
          receiptNumber: receiptNumberOf(this.identity.storeCode, this.identity.tillNumber, sequence),
          sequence,
          storeId: this.identity.storeId,
          tillId: this.identity.tillId,
          businessDay: facts.businessDay,
          completedAt: facts.completedAt,
        },
        this.rules,
      );
      if (!done.ok) throw new SaleNotCompletable(done);
      const sale = done.value;
      this.insertSale.run({
        id: sale.id,
        receiptNumber: sale.receiptNumber,
        sequence: sale.sequence,
        businessDay: sale.businessDay,
        staffId: sale.staffId,
        startedAt: sale.startedAt,
        completedAt: sale.completedAt,
        currency: sale.currency,
        total: sale.totals.total,
        taxableSupply: sale.totals.taxableSupply,
        tax: sale.totals.tax,
        taxFree: sale.totals.taxFree,
        change: sale.change,
        document: JSON.stringify(sale),
      });
      sale.lines.forEach((l, i) =>
        this.insertLine.run(sale.id, i + 1, l.lineId, l.productId, l.barcode, l.name['ko'] ?? '', l.name['en'] ?? '',
          l.unitPrice, l.quantity, l.taxClass, l.voided ? 1 : 0),
      );
      sale.tenders.forEach((t, i) => {
        // Any kind's masked number goes where a card's does, so the journal finds a gift card by its last four too.
        const r = tenderRecord(t);
        this.insertTender.run(sale.id, i + 1, t.id, t.kind, t.amount, r.scheme, r.maskedNumber, r.approvalCode, r.reference);
      });
      this.insertOutbox.run(this.takeCounter('outbox'), facts.mutationId, 'SALE', sale.completedAt, JSON.stringify(sale));
      this.clearOpenSale.run(sale.id);
      return done;
    }).immediate();
  }

  recent(limit: number): JournalEntry[] {
    return (this.selectRecent.all(limit) as (Omit<JournalEntry, 'synced'> & { synced: number })[]).map((r) => ({ ...r, synced: r.synced === 1 }));
  }

  findById(saleId: string): CompletedSale | undefined {
    const row = this.selectById.get(saleId) as { document: string } | undefined;
    return row ? (JSON.parse(row.document) as CompletedSale) : undefined;
  }
}

/** Thrown inside the transaction to roll it back (and the receipt sequence with it). */
class SaleNotCompletable extends Error {
  constructor(readonly result: Result<never, TenderError>) {
    super('sale not completable');
  }
}
