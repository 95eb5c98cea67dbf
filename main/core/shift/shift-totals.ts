/** The cash a sale put into (or took out of) the drawer, and its other tenders, as the journal has them. */
export interface SaleMoney {
  readonly total: number;
  /** Cash tendered (as handed over). */
  readonly cash: number;
  /** Change handed back: always from the drawer. */
  readonly change: number;
  readonly card: number;
}

/** What a return gave back, by where the money went (returns are their own journal entries). */
export interface RefundMoney {
  readonly total: number;
  /** Paid out of the drawer. */
  readonly cash: number;
  /** Back to cards on the terminal, online payments and the like: never the drawer. */
  readonly other: number;
}

export type CashMovementKind = 'drop' | 'paidIn' | 'paidOut' | 'noSale';

/** Money moved in or out of the drawer outside a sale. A no-sale opens the drawer and moves nothing. */
export interface CashMovement {
  readonly kind: CashMovementKind;
  readonly amount: number;
}

export interface ShiftTotals {
  readonly float: number;
  readonly saleCount: number;
  readonly grossSales: number;
  /** Cash tendered minus change: what the sales left in the drawer. */
  readonly cashSales: number;
  readonly cardSales: number;
  readonly paidIn: number;
  readonly paidOut: number;
  readonly drops: number;
  readonly noSales: number;
  readonly returnCount: number;
  /** Everything the shift's returns gave back. */
  readonly refunds: number;
  /** What the returns paid out of the drawer. */
  readonly cashRefunds: number;
  /** Post-voids of the shift's sales, apart (their own journal entries): how many, all they gave back, the cash of it. */
  readonly voidCount: number;
  readonly voids: number;
  readonly cashVoids: number;
  /** float + cash tendered - change + paid-in - paid-out - drops - cash refunds - cash voided. */
  readonly expectedCash: number;
}

/** Totals of a shift (or a business day, given several shifts' floats summed), from its sales and cash movements. Pure. */
export function shiftTotals(
  float: number,
  sales: readonly SaleMoney[],
  movements: readonly CashMovement[],
  refunds: readonly RefundMoney[] = [],
  /** Post-voids: a voided sale's cash went back out of the drawer, so the expected cash excludes it. */
  voids: readonly RefundMoney[] = [],
): ShiftTotals {
  const sum = (kind: CashMovementKind) => movements.filter((m) => m.kind === kind).reduce((a, m) => a + m.amount, 0);
  const cashIn = sales.reduce((a, s) => a + s.cash, 0);
  const change = sales.reduce((a, s) => a + s.change, 0);
  const paidIn = sum('paidIn');
  const paidOut = sum('paidOut');
  const drops = sum('drop');
  const cashRefunds = refunds.reduce((a, r) => a + r.cash, 0);
  return {
    float,
    saleCount: sales.length,
    grossSales: sales.reduce((a, s) => a + s.total, 0),
    cashSales: cashIn - change,
    cardSales: sales.reduce((a, s) => a + s.card, 0),
    paidIn,
    paidOut,
    drops,
    noSales: movements.filter((m) => m.kind === 'noSale').length,
    returnCount: refunds.length,
    refunds: refunds.reduce((a, r) => a + r.total, 0),
    cashRefunds,
    voidCount: voids.length,
    voids: voids.reduce((a, v) => a + v.total, 0),
    cashVoids: voids.reduce((a, v) => a + v.cash, 0),
    expectedCash: float + cashIn - change + paidIn - paidOut - drops - cashRefunds - voids.reduce((a, v) => a + v.cash, 0),
  };
}

/** Counted minus expected: positive is over, negative is short. */
export const overShort = (counted: number, expected: number): number => counted - expected;
