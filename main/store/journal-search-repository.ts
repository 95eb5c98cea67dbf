import type Database from 'better-sqlite3';

export interface JournalQuery {
  /** The whole receipt number (scanned from a receipt's barcode) or its last digits as typed. */
  readonly receiptNumber?: string | undefined;
  /** Business day, YYYY-MM-DD (the store's day, as the receipt shows it). */
  readonly businessDay?: string | undefined;
  /** The sale's total in minor units. */
  readonly amount?: number | undefined;
  /** The last four digits of a card that paid (the till only ever has the masked number). */
  readonly cardLastFour?: string | undefined;
  readonly limit: number;
}

export interface JournalHit {
  readonly saleId: string;
  readonly receiptNumber: string;
  readonly businessDay: string;
  readonly completedAt: string;
  readonly total: number;
  readonly currency: string;
  /** e.g. "cash", "card VISA ****1234". */
  readonly tenders: string[];
}

/** Finds sales in the electronic journal by any mix of receipt number, day, amount and card; newest first. */
export class SqliteJournalSearch {
  private readonly select;

  constructor(db: Database.Database) {
    // Every criterion is optional: NULL means "any". A till's journal is small enough for this plan.
    this.select = db.prepare(`SELECT s.id AS saleId, s.receipt_number AS receiptNumber, s.business_day AS businessDay,
        s.completed_at AS completedAt, s.total, s.currency,
        (SELECT json_group_array(CASE WHEN t.kind = 'card' THEN 'card ' || coalesce(t.scheme, '') || ' ' || coalesce(t.masked_pan, '') ELSE t.kind END)
           FROM sale_tender t WHERE t.sale_id = s.id) AS tenders
      FROM sale s
      WHERE (@receipt IS NULL OR s.receipt_number = @receipt OR s.receipt_number LIKE '%' || @receipt)
        AND (@day IS NULL OR s.business_day = @day)
        AND (@amount IS NULL OR s.total = @amount)
        AND (@card IS NULL OR EXISTS (SELECT 1 FROM sale_tender t WHERE t.sale_id = s.id AND t.kind = 'card' AND substr(t.masked_pan, -4) = @card))
      ORDER BY s.sequence DESC
      LIMIT @limit`);
  }

  search(q: JournalQuery): JournalHit[] {
    const rows = this.select.all({
      receipt: q.receiptNumber?.trim() || null,
      day: q.businessDay ?? null,
      amount: q.amount ?? null,
      card: q.cardLastFour ?? null,
      limit: q.limit,
    }) as (Omit<JournalHit, 'tenders'> & { tenders: string })[];
    return rows.map((r) => ({ ...r, tenders: (JSON.parse(r.tenders) as string[]).map((t) => t.trim()) }));
  }
}
