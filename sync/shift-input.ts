import type { ShiftMutation } from '../main/core/shift/shift-mutation.ts';
import { type CashMovementKind, overShort } from '../main/core/shift/shift-totals.ts';

/** The drawer's push fields (MutationInput in schema.graphql): each shift kind carries its own input. */
export interface ShiftMutationFields {
  readonly shiftOpened?: {
    readonly shiftId: string; readonly staffId: string; readonly businessDay: string; readonly currency: string;
    readonly float: number; readonly openedAt: string;
  };
  readonly cashMovement?: {
    readonly movementId: string; readonly shiftId: string; readonly kind: 'DROP' | 'PAID_IN' | 'PAID_OUT' | 'NO_SALE';
    readonly amount: number; readonly reason: string; readonly staffId: string; readonly at: string;
  };
  readonly shiftClosed?: {
    readonly shiftId: string; readonly closedAt: string; readonly closedBy: string;
    readonly counts: readonly { readonly denomination: number; readonly pieces: number }[];
    readonly counted: number; readonly expected: number; readonly overShort: number;
  };
  readonly dayClosed?: {
    readonly businessDay: string; readonly zNumber: number; readonly closedAt: string; readonly closedBy: string;
    readonly float: number; readonly saleCount: number; readonly grossSales: number; readonly cashSales: number; readonly cardSales: number;
    readonly paidIn: number; readonly paidOut: number; readonly drops: number; readonly noSales: number;
    readonly returnCount: number; readonly refunds: number; readonly cashRefunds: number; readonly expectedCash: number;
    readonly counted: number | null; readonly overShort: number | null;
  };
}

const movementKinds: Record<CashMovementKind, 'DROP' | 'PAID_IN' | 'PAID_OUT' | 'NO_SALE'> = { drop: 'DROP', paidIn: 'PAID_IN', paidOut: 'PAID_OUT', noSale: 'NO_SALE' };

export function toShiftMutationFields(m: ShiftMutation): ShiftMutationFields {
  switch (m.kind) {
    case 'SHIFT_OPENED': {
      const { id, ...rest } = m.payload;
      return { shiftOpened: { shiftId: id, ...rest } };
    }
    case 'CASH_MOVEMENT': {
      const { id, kind, ...rest } = m.payload;
      return { cashMovement: { movementId: id, kind: movementKinds[kind], ...rest } };
    }
    case 'SHIFT_CLOSED': {
      const p = m.payload;
      // Largest first, as the count form lists them (an object's integer keys come smallest first).
      const counts = Object.entries(p.counts).map(([denomination, pieces]) => ({ denomination: Number(denomination), pieces })).sort((a, b) => b.denomination - a.denomination);
      // Over (+) or short (-) by the rule the till's report printed it with.
      return { shiftClosed: { shiftId: p.shiftId, closedAt: p.closedAt, closedBy: p.closedBy, counts, counted: p.counted, expected: p.expected, overShort: overShort(p.counted, p.expected) } };
    }
    case 'DAY_CLOSED': {
      const p = m.payload;
      const t = p.totals;
      return {
        dayClosed: {
          businessDay: p.businessDay, zNumber: p.zNumber, closedAt: p.closedAt, closedBy: p.closedBy,
          float: t.float, saleCount: t.saleCount, grossSales: t.grossSales, cashSales: t.cashSales, cardSales: t.cardSales,
          paidIn: t.paidIn, paidOut: t.paidOut, drops: t.drops, noSales: t.noSales, returnCount: t.returnCount,
          refunds: t.refunds, cashRefunds: t.cashRefunds, expectedCash: t.expectedCash,
          counted: p.counted ?? null, overShort: p.overShort ?? null,
        },
      };
    }
  }
}
