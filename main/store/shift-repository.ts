import type Database from 'better-sqlite3';
import type { CashMovement, CashMovementKind, RefundMoney, SaleMoney } from '../core/shift/shift-totals.ts';
import { SHIFT_MUTATION_KINDS, type ShiftMutation, type ShiftOpened } from '../core/shift/shift-mutation.ts';
import { counterTaker } from './counters.ts';

/** A shift as kept: what opened it (as the centre is told), then where its sales start and how it closed. */
export interface ShiftRecord extends ShiftOpened {
  readonly firstSequence: number;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly lastSequence: number | null;
  readonly counted: number | null;
  readonly expected: number | null;
}

export interface CashMovementRecord extends CashMovement {
  readonly id: string;
  readonly reason: string;
  readonly staffId: string;
  readonly at: string;
}

/** A shift event for the central API: an outbox row written in the same transaction as the record. */
export type ShiftEvent = ShiftMutation & {
  readonly mutationId: string;
  readonly occurredAt: string;
};

const shiftColumns = `id, staff_id AS staffId, business_day AS businessDay, currency, float, opened_at AS openedAt,
  first_sequence AS firstSequence, closed_at AS closedAt, closed_by AS closedBy, last_sequence AS lastSequence, counted, expected`;

/**
 * Shifts, cash movements and business-day closes in till.db. Every write and its outbox row (in
 * sequence with the sales) go in one transaction; the sales themselves are read from the journal, never copied.
 */
export class SqliteShifts {
  private readonly selectOpen;
  private readonly selectById;
  private readonly selectOfDay;
  private readonly insertShift;
  private readonly closeShift;
  private readonly insertMovement;
  private readonly selectMovements;
  private readonly insertOutbox;
  private readonly takeCounter;
  private readonly maxSequence;
  private readonly lastClosedSequence;
  private readonly previousClose;
  private readonly selectSales;
  private readonly selectRefunds;
  private readonly selectDayClose;
  private readonly insertDayClose;
  private readonly countDayCloses;
  private readonly selectEvents;
  private readonly selectLatestClosedDay;
  private readonly countPendingEvents;

  constructor(private readonly db: Database.Database) {
    this.selectOpen = db.prepare(`SELECT ${shiftColumns} FROM shift WHERE closed_at IS NULL`);
    this.selectById = db.prepare(`SELECT ${shiftColumns} FROM shift WHERE id = ?`);
    this.selectOfDay = db.prepare(`SELECT ${shiftColumns} FROM shift WHERE business_day = ? ORDER BY first_sequence, opened_at`);
    this.insertShift = db.prepare(`INSERT INTO shift (id, staff_id, business_day, currency, float, opened_at, first_sequence)
      VALUES (@id, @staffId, @businessDay, @currency, @float, @openedAt, @firstSequence)`);
    this.closeShift = db.prepare(`UPDATE shift SET closed_at = @closedAt, closed_by = @closedBy, last_sequence = @lastSequence,
      counted = @counted, counts = @counts, expected = @expected WHERE id = @id AND closed_at IS NULL`);
    this.insertMovement = db.prepare(`INSERT INTO cash_movement (id, shift_id, kind, amount, reason, staff_id, at)
      VALUES (@id, @shiftId, @kind, @amount, @reason, @staffId, @at)`);
    this.selectMovements = db.prepare(`SELECT id, kind, amount, reason, staff_id AS staffId, at FROM cash_movement WHERE shift_id = ? ORDER BY rowid`);
    this.insertOutbox = db.prepare('INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload) VALUES (?, ?, ?, ?, ?)');
    this.takeCounter = counterTaker(db);
    this.maxSequence = db.prepare('SELECT coalesce(max(sequence), 0) FROM sale').pluck();
    this.selectSales = db.prepare(`SELECT s.total,
        coalesce((SELECT sum(amount) FROM sale_tender t WHERE t.sale_id = s.id AND t.kind = 'cash'), 0) AS cash,
        s.change_given AS change,
        coalesce((SELECT sum(amount) FROM sale_tender t WHERE t.sale_id = s.id AND t.kind = 'card'), 0) AS card
      FROM sale s WHERE s.sequence BETWEEN ? AND ? ORDER BY s.sequence`);
    // A shift's returns by time: returns take no sale sequence (they are numbered apart).
    this.selectRefunds = db.prepare(`SELECT r.refund_total AS total,
        coalesce((SELECT sum(amount) FROM sale_return_tender t WHERE t.return_id = r.id AND t.kind = 'cash'), 0) AS cash,
        coalesce((SELECT sum(amount) FROM sale_return_tender t WHERE t.return_id = r.id AND t.kind <> 'cash'), 0) AS other
      FROM sale_return r WHERE r.completed_at > ? AND (? IS NULL OR r.completed_at <= ?) ORDER BY r.sequence`);
    this.lastClosedSequence = db.prepare('SELECT coalesce(max(last_sequence), 0) FROM shift WHERE closed_at IS NOT NULL').pluck();
    this.previousClose = db.prepare("SELECT coalesce(max(closed_at), '') FROM shift WHERE closed_at IS NOT NULL AND closed_at <= ? AND id <> ?").pluck();
    this.selectDayClose = db.prepare('SELECT business_day AS businessDay, closed_at AS closedAt, z_number AS zNumber, report FROM business_day_close WHERE business_day = ?');
    this.insertDayClose = db.prepare('INSERT INTO business_day_close (business_day, closed_at, closed_by, z_number, report) VALUES (?, ?, ?, ?, ?)');
    this.countDayCloses = db.prepare('SELECT count(*) FROM business_day_close').pluck();
    this.selectLatestClosedDay = db.prepare('SELECT business_day FROM shift WHERE closed_at IS NOT NULL ORDER BY closed_at DESC, rowid DESC LIMIT 1').pluck();
    this.selectEvents = db.prepare(`SELECT mutation_id AS mutationId, kind, occurred_at AS occurredAt, payload FROM outbox
      WHERE kind IN (${SHIFT_MUTATION_KINDS.map((k) => `'${k}'`).join(', ')}) ORDER BY sequence`);
    this.countPendingEvents = db.prepare(`SELECT count(*) FROM outbox WHERE status = 'pending'
      AND kind IN (${SHIFT_MUTATION_KINDS.map((k) => `'${k}'`).join(', ')})`).pluck();
  }

  current(): ShiftRecord | undefined {
    return this.selectOpen.get() as ShiftRecord | undefined;
  }

  byId(id: string): ShiftRecord | undefined {
    return this.selectById.get(id) as ShiftRecord | undefined;
  }

  ofBusinessDay(businessDay: string): ShiftRecord[] {
    return this.selectOfDay.all(businessDay) as ShiftRecord[];
  }

  /**
   * Opens a shift; its sales start after the last shift's. A sale rung while no shift was open
   * (between two shifts, or before the first) is the next shift's: every sale is in exactly one
   * shift's X and Z report, so the reports always add up to the journal.
   */
  open(shift: Omit<ShiftRecord, 'firstSequence' | 'closedAt' | 'closedBy' | 'lastSequence' | 'counted' | 'expected'>, event: ShiftEvent): ShiftRecord {
    return this.db.transaction(() => {
      const firstSequence = (this.lastClosedSequence.get() as number) + 1;
      this.insertShift.run({ ...shift, firstSequence });
      this.record(event);
      return this.byId(shift.id) as ShiftRecord;
    })();
  }

  addMovement(shiftId: string, movement: Omit<CashMovementRecord, 'kind'> & { kind: CashMovementKind }, event: ShiftEvent): void {
    this.db.transaction(() => {
      this.insertMovement.run({ ...movement, shiftId });
      this.record(event);
    })();
  }

  movements(shiftId: string): CashMovementRecord[] {
    return this.selectMovements.all(shiftId) as CashMovementRecord[];
  }

  /** The cash and card of the shift's sales, from the journal (an open shift: up to the latest sale). */
  sales(shift: ShiftRecord): SaleMoney[] {
    const last = shift.lastSequence ?? (this.maxSequence.get() as number);
    return this.selectSales.all(shift.firstSequence, last) as SaleMoney[];
  }

  /** What the shift's returns gave back (an open shift: up to now), those made since the shift before it closed included, as for sales. */
  refunds(shift: ShiftRecord): RefundMoney[] {
    const from = this.previousClose.get(shift.openedAt, shift.id) as string;
    return this.selectRefunds.all(from, shift.closedAt, shift.closedAt) as RefundMoney[];
  }

  /** Closes the shift with its blind count; its sales end at the last sale in the journal. */
  close(
    close: { id: string; closedAt: string; closedBy: string; counted: number; counts: Readonly<Record<string, number>>; expected: number },
    event: ShiftEvent,
  ): ShiftRecord {
    return this.db.transaction(() => {
      const lastSequence = this.maxSequence.get() as number;
      const r = this.closeShift.run({ ...close, counts: JSON.stringify(close.counts), lastSequence });
      if (r.changes !== 1) throw new Error(`shift ${close.id} is not open`);
      this.record(event);
      return this.byId(close.id) as ShiftRecord;
    })();
  }

  /** The business day of the shift closed last, if any. */
  latestClosedDay(): string | undefined {
    return this.selectLatestClosedDay.get() as string | undefined;
  }

  dayClose(businessDay: string): { businessDay: string; closedAt: string; zNumber: number; report: string } | undefined {
    return this.selectDayClose.get(businessDay) as { businessDay: string; closedAt: string; zNumber: number; report: string } | undefined;
  }

  /** Records the business day's close; Z numbers count closes on this till from 1. Throws if the day is closed already. */
  closeDay(businessDay: string, closedAt: string, closedBy: string, report: (zNumber: number) => unknown, event: (zNumber: number) => ShiftEvent): number {
    return this.db.transaction(() => {
      const zNumber = (this.countDayCloses.get() as number) + 1;
      this.insertDayClose.run(businessDay, closedAt, closedBy, zNumber, JSON.stringify(report(zNumber)));
      this.record(event(zNumber));
      return zNumber;
    })();
  }

  /** Shift events the central API has not answered yet. */
  pendingEvents(): number {
    return this.countPendingEvents.get() as number;
  }

  /** This till's shift events in outbox order, pushed or not. */
  events(): ShiftEvent[] {
    return (this.selectEvents.all() as { mutationId: string; kind: ShiftEvent['kind']; occurredAt: string; payload: string }[]).map(
      (e) => ({ ...e, payload: JSON.parse(e.payload) as unknown }) as ShiftEvent,
    );
  }

  private record(event: ShiftEvent): void {
    this.insertOutbox.run(this.takeCounter('outbox'), event.mutationId, event.kind, event.occurredAt, JSON.stringify(event.payload));
  }
}
