import { type Result, fail, ok } from '../result.ts';

/**
 * 할부 (card instalments): from a configured amount on (50,000 KRW by default, store config
 * `card.instalmentMinimum`), the cardholder may pay over 2 to 12 months instead of 일시불.
 */
export const DEFAULT_INSTALMENT_MINIMUM = 50_000;
export const MAX_INSTALMENT_MONTHS = 12;

export type InstalmentError = 'instalment_invalid' | 'instalment_below_minimum';

export const INSTALMENT_MESSAGES = {
  invalid: `instalments are 0 (a single payment) or 2 to ${MAX_INSTALMENT_MONTHS} months`,
  belowMinimum: (minimum: number) => `instalments start at ${minimum}`,
} as const;

/** The choices the cashier offers for a card charge of `amount`: 0 (일시불), then 2..12 months when allowed. */
export function instalmentChoices(amount: number, minimum: number): number[] {
  if (amount < minimum) return [0];
  return [0, ...Array.from({ length: MAX_INSTALMENT_MONTHS - 1 }, (_, i) => i + 2)];
}

/** Whether a card charge of `amount` may be paid over `months` (0 = 일시불, always allowed). */
export function checkInstalment(months: number, amount: number, minimum: number): Result<number, InstalmentError> {
  if (!Number.isSafeInteger(months) || months < 0 || months === 1 || months > MAX_INSTALMENT_MONTHS) return fail('instalment_invalid', INSTALMENT_MESSAGES.invalid);
  if (months > 0 && amount < minimum) return fail('instalment_below_minimum', INSTALMENT_MESSAGES.belowMinimum(minimum));
  return ok(months);
}
