/**
 * Money is an integer number of minor units with its ISO 4217 currency.
 * KRW has exponent 0 (1 won is the minor unit); EUR has 2. Never floats.
 */
export interface Currency {
  readonly code: string;
  readonly exponent: number;
}

export interface Money {
  readonly minor: number;
  readonly currency: string;
}

export const KRW: Currency = { code: 'KRW', exponent: 0 };

export function money(minor: number, currency: string): Money {
  assertMinor(minor);
  return { minor, currency };
}

export function assertMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money must be a safe integer of minor units, got ${minor}`);
}

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new TypeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  same(a, b);
  return money(a.minor + b.minor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  same(a, b);
  return money(a.minor - b.minor, a.currency);
}

export function multiply(a: Money, factor: number): Money {
  if (!Number.isInteger(factor)) throw new RangeError(`multiply takes an integer factor, got ${factor}`);
  return money(a.minor * factor, a.currency);
}

export function sum(items: readonly Money[], currency: string): Money {
  return items.reduce((acc, m) => add(acc, m), money(0, currency));
}

export const isZero = (m: Money): boolean => m.minor === 0;

/**
 * Splits an amount by integer ratios so that the parts add up to the whole:
 * the remainder goes one unit at a time to the parts with the largest fractional share
 * (ties to the earlier part), so no unit is lost or invented.
 */
export function allocate(total: Money, ratios: readonly number[]): Money[] {
  if (ratios.length === 0) throw new RangeError('allocate needs at least one ratio');
  if (ratios.some((r) => !Number.isSafeInteger(r) || r < 0)) throw new RangeError('ratios must be non-negative integers');
  const ratioSum = ratios.reduce((a, b) => a + b, 0);
  if (ratioSum === 0) throw new RangeError('ratios must not all be zero');
  const sign = total.minor < 0 ? -1 : 1;
  const abs = Math.abs(total.minor);
  const shares = ratios.map((r) => {
    const exact = (abs * r) / ratioSum;
    return { floor: Math.floor(exact), frac: exact - Math.floor(exact) };
  });
  let remainder = abs - shares.reduce((a, s) => a + s.floor, 0);
  const order = shares.map((s, i) => ({ i, frac: s.frac })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  const parts = shares.map((s) => s.floor);
  for (const { i } of order) {
    if (remainder === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    remainder -= 1;
  }
  return parts.map((p) => money(sign * p, total.currency));
}
