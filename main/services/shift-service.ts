import type { Clock, Ids, TillIdentity } from '../core/ports.ts';
import { businessDayOf } from '../core/business-day.ts';
import { type Result, fail, ok } from '../core/result.ts';
import { countedTotal, type DenominationCounts } from '../core/shift/cash-count.ts';
import { type CashMovement, type RefundMoney, type SaleMoney, overShort, shiftTotals } from '../core/shift/shift-totals.ts';
import type { ShiftRecord, SqliteShifts } from '../store/shift-repository.ts';
import type { ReceiptPrinter } from '../../drivers/printer/types.ts';
import type { ApiErrorCode, ShiftReportView, ShiftView, StaffView } from '../api/contract.ts';
import { layoutShiftReport } from './shift-report-layout.ts';

export const SHIFT_MESSAGES = {
  notSignedIn: 'sign in with a staff PIN first',
  shiftOpen: 'a shift is already open on this till',
  noShift: 'no shift is open on this till: open one with a float first',
  shiftStillOpen: 'close the open shift with a cash count before closing the day',
  nothingToClose: 'no closed shift is waiting for the day to close',
  dayClosed: (day: string) => `business day ${day} is already closed`,
  noPrinter: 'no receipt printer is configured',
  unsyncedSales: (count: number) => `${count} sale(s) are not synced yet: a supervisor's PIN is needed`,
} as const;

export type ShiftResult<T> = Result<T, ApiErrorCode>;

export interface ShiftDeps {
  readonly shifts: SqliteShifts;
  readonly identity: TillIdentity;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly printer: ReceiptPrinter | null;
  /** Who is signed in at the lane now. */
  readonly staff: () => StaffView | null;
  /** Sales committed but not yet accepted by the central API. */
  readonly unsyncedSales: () => number;
  /** The supervisor whose PIN this is, if any. */
  readonly approve: (pin: string | undefined) => Promise<{ readonly id: string } | null>;
  /** Told after each record and its outbox row commit (the host pushes it at once). */
  readonly onCommitted?: () => void;
  /** What post-voids between two instants gave back (main/store/post-void-repository.ts); shown apart, their cash out of the expected. */
  readonly voidsBetween?: (from: string, to: string | null) => RefundMoney[];
}

const shiftView = (s: ShiftRecord): ShiftView => ({
  id: s.id,
  staffId: s.staffId,
  businessDay: s.businessDay,
  currency: s.currency,
  float: s.float,
  openedAt: s.openedAt,
});

/**
 * Shifts and the cash drawer: open with a float, drops, paid-in/out, no-sale, a blind count at
 * close, X / shift / Z reports. Totals always come from the journal's sales and the recorded
 * movements through the pure rules in core/shift; nothing is kept as a running sum.
 */
export class ShiftService {
  constructor(private readonly deps: ShiftDeps) {}

  current(): ShiftView | null {
    const s = this.deps.shifts.current();
    return s ? shiftView(s) : null;
  }

  open(float: number): ShiftResult<ShiftView> {
    const staff = this.deps.staff();
    if (!staff) return fail('not_signed_in', SHIFT_MESSAGES.notSignedIn);
    if (this.deps.shifts.current()) return fail('shift_open', SHIFT_MESSAGES.shiftOpen);
    const now = this.deps.clock.now();
    // The business day is fixed here: a shift that runs past midnight stays on the day it opened.
    const businessDay = businessDayOf(now, this.deps.identity.timeZone);
    if (this.deps.shifts.dayClose(businessDay)) return fail('day_closed', SHIFT_MESSAGES.dayClosed(businessDay));
    const shift = { id: this.deps.ids.newId(), staffId: staff.id, businessDay, currency: this.deps.identity.currency, float, openedAt: now.toISOString() };
    const opened = this.deps.shifts.open(shift, { mutationId: this.deps.ids.newId(), kind: 'SHIFT_OPENED', occurredAt: shift.openedAt, payload: shift });
    this.deps.onCommitted?.();
    return ok(shiftView(opened));
  }

  /** Records the movement, then opens the drawer (after the commit, as for a sale); a drawer fault never undoes the record. */
  async cash(kind: 'drop' | 'paidIn' | 'paidOut' | 'noSale', amount: number, reason: string): Promise<ShiftResult<{ id: string; drawerOpened: boolean }>> {
    const staff = this.deps.staff();
    if (!staff) return fail('not_signed_in', SHIFT_MESSAGES.notSignedIn);
    const shift = this.deps.shifts.current();
    if (!shift) return fail('no_shift', SHIFT_MESSAGES.noShift);
    const movement = { id: this.deps.ids.newId(), kind, amount: kind === 'noSale' ? 0 : amount, reason, staffId: staff.id, at: this.deps.clock.now().toISOString() };
    this.deps.shifts.addMovement(shift.id, movement, {
      mutationId: this.deps.ids.newId(),
      kind: 'CASH_MOVEMENT',
      occurredAt: movement.at,
      payload: { ...movement, shiftId: shift.id },
    });
    this.deps.onCommitted?.();
    const drawer = this.deps.printer ? await this.deps.printer.openDrawer() : null;
    return ok({ id: movement.id, drawerOpened: drawer?.ok === true });
  }

  async reportX(): Promise<ShiftResult<ShiftReportView>> {
    if (!this.deps.staff()) return fail('not_signed_in', SHIFT_MESSAGES.notSignedIn);
    const shift = this.deps.shifts.current();
    if (!shift) return fail('no_shift', SHIFT_MESSAGES.noShift);
    return ok(await this.print(this.report('X', [shift], null)));
  }

  async close(counts: DenominationCounts): Promise<ShiftResult<ShiftReportView>> {
    const staff = this.deps.staff();
    if (!staff) return fail('not_signed_in', SHIFT_MESSAGES.notSignedIn);
    const shift = this.deps.shifts.current();
    if (!shift) return fail('no_shift', SHIFT_MESSAGES.noShift);
    const counted = countedTotal(counts);
    if (!counted.ok) return fail('invalid_count', counted.message);
    const now = this.deps.clock.now().toISOString();
    const expected = this.totalsOf([shift]).expectedCash;
    const closed = this.deps.shifts.close(
      { id: shift.id, closedAt: now, closedBy: staff.id, counted: counted.value, counts, expected },
      { mutationId: this.deps.ids.newId(), kind: 'SHIFT_CLOSED', occurredAt: now, payload: { shiftId: shift.id, closedAt: now, closedBy: staff.id, counts, counted: counted.value, expected } },
    );
    this.deps.onCommitted?.();
    return ok(await this.print(this.report('shift', [closed], null)));
  }

  /** The Z report: closes the business day of the latest closed shift, once; with unsynced sales, only with a supervisor's PIN. */
  async reportZ(supervisorPin?: string): Promise<ShiftResult<ShiftReportView>> {
    const staff = this.deps.staff();
    if (!staff) return fail('not_signed_in', SHIFT_MESSAGES.notSignedIn);
    if (this.deps.shifts.current()) return fail('shift_still_open', SHIFT_MESSAGES.shiftStillOpen);
    const unsynced = this.deps.unsyncedSales();
    if (unsynced > 0 && !(await this.deps.approve(supervisorPin))) return fail('unsynced_sales', SHIFT_MESSAGES.unsyncedSales(unsynced));
    const day = this.deps.shifts.latestClosedDay();
    if (day === undefined) return fail('no_shift', SHIFT_MESSAGES.nothingToClose);
    if (this.deps.shifts.dayClose(day)) return fail('day_closed', SHIFT_MESSAGES.dayClosed(day));
    const shifts = this.deps.shifts.ofBusinessDay(day);
    const now = this.deps.clock.now().toISOString();
    let report = this.report('Z', shifts, null);
    this.deps.shifts.closeDay(
      day,
      now,
      staff.id,
      (zNumber) => (report = { ...report, zNumber, closedAt: now }),
      (zNumber) => ({
        mutationId: this.deps.ids.newId(),
        kind: 'DAY_CLOSED',
        occurredAt: now,
        payload: { businessDay: day, zNumber, closedAt: now, closedBy: staff.id, totals: report.totals, counted: report.counted, overShort: report.overShort },
      }),
    );
    this.deps.onCommitted?.();
    return ok(await this.print(report));
  }

  private totalsOf(shifts: readonly ShiftRecord[]) {
    const sales: SaleMoney[] = shifts.flatMap((s) => this.deps.shifts.sales(s));
    const movements: CashMovement[] = shifts.flatMap((s) => this.deps.shifts.movements(s.id));
    const voids = shifts.flatMap((s) => this.deps.voidsBetween?.(s.openedAt, s.closedAt) ?? []);
    return shiftTotals(shifts.reduce((a, s) => a + s.float, 0), sales, movements, shifts.flatMap((s) => this.deps.shifts.refunds(s)), voids);
  }

  private report(kind: ShiftReportView['kind'], shifts: readonly ShiftRecord[], zNumber: number | null): ShiftReportView {
    const first = shifts[0];
    if (!first) throw new Error('a report needs at least one shift');
    const totals = this.totalsOf(shifts);
    const allCounted = kind !== 'X' && shifts.every((s) => s.counted !== null);
    const counted = allCounted ? shifts.reduce((a, s) => a + (s.counted ?? 0), 0) : null;
    const last = shifts[shifts.length - 1] ?? first;
    return {
      kind,
      businessDay: first.businessDay,
      currency: first.currency,
      shiftIds: shifts.map((s) => s.id),
      openedAt: first.openedAt,
      closedAt: kind === 'X' ? null : last.closedAt,
      totals,
      counted,
      overShort: counted === null ? null : overShort(counted, totals.expectedCash),
      zNumber,
      printed: { printed: false },
    };
  }

  private async print(report: ShiftReportView): Promise<ShiftReportView> {
    if (!this.deps.printer) return { ...report, printed: { printed: false, error: SHIFT_MESSAGES.noPrinter } };
    const outcome = await this.deps.printer.print(layoutShiftReport(report, this.deps.identity, this.deps.clock.now().toISOString()));
    return { ...report, printed: outcome.ok ? { printed: true } : { printed: false, error: outcome.message } };
  }
}
