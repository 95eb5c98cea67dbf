import type { CashMovementKind, ShiftTotals } from './shift-totals.ts';
import type { DenominationCounts } from './cash-count.ts';

/**
 * What this till tells the centre about its drawer (outbox kinds): each written in the same
 * transaction as the till's own record, pushed in order with the sales, applied once there.
 * The names are the shift events' own (migration 0004 kept them locally under these kinds).
 */
export type ShiftMutation =
  | { readonly kind: 'SHIFT_OPENED'; readonly payload: ShiftOpened }
  | { readonly kind: 'CASH_MOVEMENT'; readonly payload: CashMovementMade }
  | { readonly kind: 'SHIFT_CLOSED'; readonly payload: ShiftClosed }
  | { readonly kind: 'DAY_CLOSED'; readonly payload: DayClosed };

export const SHIFT_MUTATION_KINDS = ['SHIFT_OPENED', 'CASH_MOVEMENT', 'SHIFT_CLOSED', 'DAY_CLOSED'] as const;

export interface ShiftOpened {
  /** The shift's id (made on the till). */
  readonly id: string;
  readonly staffId: string;
  readonly businessDay: string;
  readonly currency: string;
  readonly float: number;
  readonly openedAt: string;
}

export interface CashMovementMade {
  readonly id: string;
  readonly shiftId: string;
  readonly kind: CashMovementKind;
  readonly amount: number;
  readonly reason: string;
  readonly staffId: string;
  readonly at: string;
}

export interface ShiftClosed {
  readonly shiftId: string;
  readonly closedAt: string;
  readonly closedBy: string;
  /** The blind count by denomination, and what it adds up to. */
  readonly counts: DenominationCounts;
  readonly counted: number;
  /** What the till's journal and movements say the drawer should hold. */
  readonly expected: number;
}

export interface DayClosed {
  readonly businessDay: string;
  readonly zNumber: number;
  readonly closedAt: string;
  readonly closedBy: string;
  /** The Z report's figures, as printed. */
  readonly totals: ShiftTotals;
  /** The day's shifts' counts summed (null when a shift was closed without one). */
  readonly counted: number | null;
  readonly overShort: number | null;
}
