import type Database from 'better-sqlite3';
import type { CompletedSale } from '../core/sale.ts';
import type { TillIdentity } from '../core/ports.ts';
import { type CompletedPostVoid, type PostVoidDraft, voidNumberOf } from '../core/post-void.ts';
import type { RefundMoney } from '../core/shift/shift-totals.ts';
import { type Result, fail, ok } from '../core/result.ts';
import { counterTaker } from './counters.ts';

export interface PostVoidCommitFacts {
  readonly completedAt: string;
  readonly businessDay: string;
  /** UUIDv7 of the outbox mutation (POST_VOID) that carries the void to the central API. */
  readonly mutationId: string;
}

export const POST_VOID_STORE_MESSAGES = {
  voided: 'this sale was already post-voided: nothing was recorded',
  returned: 'part of this sale was already returned: nothing was recorded',
} as const;

/**
 * Post-voids in the till's journal. A post-void, its tenders and its outbox row are written in ONE
 * transaction with its number taken inside it; the schema allows one per sale and none of a sale
 * with a return (and no return of a voided sale), whatever the service does.
 */
export class SqlitePostVoids {
  private readonly insertVoid;
  private readonly insertTender;
  private readonly insertOutbox;
  private readonly selectSaleByReceipt;
  private readonly selectSaleById;
  private readonly selectVoidOf;
  private readonly selectReturned;
  private readonly selectById;
  private readonly selectMoney;
  private readonly selectLastCard;
  private readonly takeCounter;

  constructor(
    private readonly db: Database.Database,
    private readonly identity: TillIdentity,
  ) {
    this.insertVoid = db.prepare(`INSERT INTO post_void (id, void_number, sequence, original_sale_id, original_receipt, business_day, staff_id,
      approved_by, completed_at, currency, total, document) VALUES (@id, @voidNumber, @sequence, @originalSaleId, @originalReceipt, @businessDay,
      @staffId, @approvedBy, @completedAt, @currency, @total, @document)`);
    this.insertTender = db.prepare(`INSERT INTO post_void_tender (void_id, tender_no, tender_id, kind, amount, original_tender_id, method,
      scheme, masked_pan, approval_code, terminal_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertOutbox = db.prepare('INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload) VALUES (?, ?, ?, ?, ?)');
    this.selectSaleByReceipt = db.prepare('SELECT document FROM sale WHERE receipt_number = ?').pluck();
    this.selectSaleById = db.prepare('SELECT document FROM sale WHERE id = ?').pluck();
    this.selectVoidOf = db.prepare('SELECT void_number FROM post_void WHERE original_sale_id = ?').pluck();
    this.selectReturned = db.prepare('SELECT 1 FROM sale_return WHERE original_sale_id = ? LIMIT 1').pluck();
    this.selectById = db.prepare('SELECT document FROM post_void WHERE id = ?').pluck();
    this.selectMoney = db.prepare(`SELECT v.total AS total,
        coalesce((SELECT sum(amount) FROM post_void_tender t WHERE t.void_id = v.id AND t.kind = 'cash'), 0) AS cash,
        coalesce((SELECT sum(amount) FROM post_void_tender t WHERE t.void_id = v.id AND t.kind <> 'cash'), 0) AS other
      FROM post_void v WHERE v.completed_at >= ? AND (? IS NULL OR v.completed_at <= ?) ORDER BY v.sequence`);
    // The terminal's last booking as this till's journal knows it: the latest card tender of a sale,
    // a return's card refund or a post-void's card, by when it was committed.
    this.selectLastCard = db.prepare(`SELECT ref FROM (
        SELECT t.terminal_ref AS ref, s.completed_at AS at, 2 AS rank FROM sale_tender t JOIN sale s ON s.id = t.sale_id WHERE t.kind = 'card'
        UNION ALL SELECT t.terminal_ref, r.completed_at, 1 FROM sale_return_tender t JOIN sale_return r ON r.id = t.return_id WHERE t.kind = 'card'
        UNION ALL SELECT t.terminal_ref, v.completed_at, 1 FROM post_void_tender t JOIN post_void v ON v.id = t.void_id WHERE t.kind = 'card'
      ) ORDER BY at DESC, rank ASC LIMIT 1`).pluck();
    this.takeCounter = counterTaker(db);
  }

  saleByReceipt(receiptNumber: string): CompletedSale | undefined {
    const doc = this.selectSaleByReceipt.get(receiptNumber) as string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as CompletedSale);
  }

  saleById(saleId: string): CompletedSale | undefined {
    const doc = this.selectSaleById.get(saleId) as string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as CompletedSale);
  }

  /** The number of the post-void of a sale, if it has one. */
  voidOf(saleId: string): string | null {
    return (this.selectVoidOf.get(saleId) as string | undefined) ?? null;
  }

  hasReturns(saleId: string): boolean {
    return this.selectReturned.get(saleId) !== undefined;
  }

  /** The terminal reference of the latest card booking in this till's journal (null when there is none). */
  lastCardReference(): string | null {
    return (this.selectLastCard.get() as string | null | undefined) ?? null;
  }

  findById(id: string): CompletedPostVoid | undefined {
    const doc = this.selectById.get(id) as string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as CompletedPostVoid);
  }

  /** What the post-voids between two instants gave back, by where the money went (a shift's X / Z report). */
  moneyBetween(from: string, to: string | null): RefundMoney[] {
    return this.selectMoney.all(from, to, to) as RefundMoney[];
  }

  commitVoid(draft: PostVoidDraft, facts: PostVoidCommitFacts): Result<CompletedPostVoid, 'void_already' | 'void_returned'> {
    try {
      return ok(this.db.transaction((): CompletedPostVoid => {
        const sequence = this.takeCounter('post_void');
        const done: CompletedPostVoid = {
          ...draft,
          voidNumber: voidNumberOf(this.identity.storeCode, this.identity.tillNumber, sequence),
          sequence,
          businessDay: facts.businessDay,
          completedAt: facts.completedAt,
        };
        this.insertVoid.run({
          id: done.id, voidNumber: done.voidNumber, sequence, originalSaleId: done.original.saleId, originalReceipt: done.original.receiptNumber,
          businessDay: done.businessDay, staffId: done.staffId, approvedBy: done.approvedBy, completedAt: done.completedAt, currency: done.currency,
          total: done.totals.total, document: JSON.stringify(done),
        });
        done.tenders.forEach((t, i) =>
          this.insertTender.run(done.id, i + 1, t.id, t.kind, t.amount, t.originalTenderId, t.kind === 'card' ? t.method : null,
            t.kind === 'card' ? t.card.scheme : null, t.kind === 'card' ? t.card.maskedPan : null,
            t.kind === 'card' ? t.card.approvalCode : null, t.kind === 'card' ? t.card.terminalRef : null),
        );
        this.insertOutbox.run(this.takeCounter('outbox'), facts.mutationId, 'POST_VOID', done.completedAt, JSON.stringify(done));
        return done;
      }).immediate());
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (message.includes('void_returned')) return fail('void_returned', POST_VOID_STORE_MESSAGES.returned);
      if (message.includes('UNIQUE constraint failed: post_void.original_sale_id')) return fail('void_already', POST_VOID_STORE_MESSAGES.voided);
      throw e;
    }
  }
}
