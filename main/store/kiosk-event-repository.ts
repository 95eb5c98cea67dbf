import type Database from 'better-sqlite3';

export type KioskEventKind = 'called' | 'approved' | 'refused' | 'idle_reset' | 'receipt' | 'staff_exit' | 'payment_declined';

export interface KioskEvent {
  readonly id: string;
  readonly at: string;
  readonly kind: KioskEventKind;
  readonly interventionId?: string | null | undefined;
  readonly reason?: string | null | undefined;
  readonly saleId?: string | null | undefined;
  readonly lineId?: string | null | undefined;
  readonly staffId?: string | null | undefined;
  readonly detail?: string | null | undefined;
}

/** The kiosk's own record of staff calls and answers, next to the journal in till.db (synchronous=FULL). */
export class SqliteKioskEvents {
  private readonly insert;
  private readonly recentRows;

  constructor(db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO kiosk_event (id, at, kind, intervention_id, reason, sale_id, line_id, staff_id, detail)
      VALUES (@id, @at, @kind, @interventionId, @reason, @saleId, @lineId, @staffId, @detail)`);
    this.recentRows = db.prepare(`SELECT id, at, kind, intervention_id AS interventionId, reason, sale_id AS saleId, line_id AS lineId,
      staff_id AS staffId, detail FROM kiosk_event ORDER BY at DESC, rowid DESC LIMIT ?`);
  }

  record(e: KioskEvent): void {
    this.insert.run({ interventionId: null, reason: null, saleId: null, lineId: null, staffId: null, detail: null, ...e });
  }

  /** Newest first. */
  recent(limit: number): KioskEvent[] {
    return this.recentRows.all(limit) as KioskEvent[];
  }
}
