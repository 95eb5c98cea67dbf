import { type Result, fail, ok } from '../result.ts';

/**
 * Gift cards and store credit at the till: the number is read from a scan or typed, the balance is
 * the centre's, and the amount taken defaults to the lesser of what is due and the balance.
 */
export type StoredValueError = 'stored_value_number' | 'stored_value_amount' | 'stored_value_over_balance' | 'stored_value_over_due';

export const STORED_VALUE_MESSAGES = {
  number: 'a gift card or store-credit number is 12 to 20 digits',
  amount: 'the amount must be a positive whole number',
  overBalance: (balance: number) => `the card has only ${balance} left`,
  overDue: (due: number) => `only ${due} is still due`,
} as const;

/** The digits of a gift card or store-credit number as scanned or typed (spaces and dashes allowed between groups). */
export function readStoredValueNumber(raw: string): Result<string, 'stored_value_number'> {
  const trimmed = raw.trim();
  if (!/^[\d\s-]+$/.test(trimmed)) return fail('stored_value_number', STORED_VALUE_MESSAGES.number);
  const digits = trimmed.replace(/[\s-]/g, '');
  return /^\d{12,20}$/.test(digits) ? ok(digits) : fail('stored_value_number', STORED_VALUE_MESSAGES.number);
}

/** What the dialog offers first: everything due, or all that is on the card when that is less. */
export const defaultStoredValueAmount = (due: number, balance: number): number => Math.max(0, Math.min(due, balance));

/** Whether `amount` may be taken from a card holding `balance` on a sale that owes `due`. */
export function checkStoredValueAmount(amount: number, balance: number, due: number): Result<number, StoredValueError> {
  if (!Number.isSafeInteger(amount) || amount <= 0) return fail('stored_value_amount', STORED_VALUE_MESSAGES.amount);
  if (amount > due) return fail('stored_value_over_due', STORED_VALUE_MESSAGES.overDue(due));
  if (amount > balance) return fail('stored_value_over_balance', STORED_VALUE_MESSAGES.overBalance(Math.max(0, balance)));
  return ok(amount);
}
