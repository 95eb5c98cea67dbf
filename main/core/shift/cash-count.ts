import { type Result, fail, ok } from '../result.ts';

/** KRW notes and coins a drawer holds, largest first: the rows of the blind count form. */
export const KRW_DENOMINATIONS = [50_000, 10_000, 5_000, 1_000, 500, 100, 50, 10] as const;

/** Pieces counted per denomination (in minor units of KRW, which has no decimals), e.g. {"10000": 3}. */
export type DenominationCounts = Readonly<Record<string, number>>;

export const CASH_COUNT_MESSAGES = {
  unknownDenomination: (d: string) => `${d} is not a KRW note or coin`,
  badCount: (d: string) => `the count for ${d} must be a whole number of pieces, 0 or more`,
} as const;

/** The amount a blind count adds up to; refuses unknown denominations and negative or fractional counts. */
export function countedTotal(counts: DenominationCounts): Result<number, 'invalid_count'> {
  let total = 0;
  for (const [denomination, pieces] of Object.entries(counts)) {
    if (!(KRW_DENOMINATIONS as readonly number[]).includes(Number(denomination))) {
      return fail('invalid_count', CASH_COUNT_MESSAGES.unknownDenomination(denomination));
    }
    if (!Number.isSafeInteger(pieces) || pieces < 0) return fail('invalid_count', CASH_COUNT_MESSAGES.badCount(denomination));
    total += Number(denomination) * pieces;
  }
  return ok(total);
}
