import { receiptNumberOf } from './sale.ts';
import { type Result, fail, ok } from './result.ts';

/**
 * Training mode: a supervisor or manager lets a cashier practise on the real lane. Everything works
 * (scan, price, tender, receipts print) and nothing counts: training sales carry `training`, are kept
 * in their own table with their own number series, never reach the journal totals, the X / Z reports
 * or the outbox, a card is approved by a simulated terminal, and every receipt says so.
 */
export interface TrainingState {
  readonly staffId: string;
  readonly approvedBy: string;
  readonly since: string;
}

export type TrainingError = 'not_signed_in' | 'approval_refused' | 'sale_open';

export const TRAINING_MESSAGES = {
  approver: 'only a supervisor or a manager can switch training mode',
  saleOpen: 'finish or cancel the open sale first: a sale is either real or training, never both',
  pointsRefused: 'points cannot be used in training mode: they live at the centre',
} as const;

/** Roles that may switch training mode on or off. */
export const TRAINING_APPROVER_ROLES: readonly string[] = ['supervisor', 'manager'];

/**
 * Switching training mode for the signed-in cashier: only a supervisor's or manager's approval, and
 * never with a sale open (a sale must be all real or all training). Pure.
 */
export function switchTraining(
  input: { on: boolean; cashierId: string | null; approver: { id: string; role: string } | null; saleOpen: boolean; at: string },
): Result<TrainingState | null, TrainingError> {
  if (input.cashierId === null) return fail('not_signed_in', 'sign in first');
  if (!input.approver || !TRAINING_APPROVER_ROLES.includes(input.approver.role)) return fail('approval_refused', TRAINING_MESSAGES.approver);
  if (input.saleOpen) return fail('sale_open', TRAINING_MESSAGES.saleOpen);
  return ok(input.on ? { staffId: input.cashierId, approvedBy: input.approver.id, since: input.at } : null);
}

/** Training receipts have their own series: T + the usual store-till-sequence, e.g. T0001-01-000001. */
export const trainingReceiptNumberOf = (storeCode: string, tillNumber: string, sequence: number): string => `T${receiptNumberOf(storeCode, tillNumber, sequence)}`;

/** Whether a receipt number is a training one. */
export const isTrainingReceipt = (receiptNumber: string): boolean => receiptNumber.startsWith('T');
