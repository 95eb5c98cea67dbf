import type { PaymentTerminal } from '../../drivers/payment/types.ts';
import type { Lane } from './lane.ts';

export const CARD_RECOVERY_MESSAGES = {
  stillUnknown: (reference: string, reason: string) => `card operation ${reference}: the terminal could not be asked yet (${reason}); it is asked again before the next card operation`,
  notBooked: (reference: string) => `card operation ${reference}: the terminal did not book it, nothing was charged`,
  booked: (reference: string, receipt: string) => `card payment ${reference}: approved by the terminal while the till was away, booked on the sale (${receipt})`,
  orphan: (operation: string, reference: string, amount: number, approval: string) =>
    `card ${operation} ${reference} of ${amount} was approved by the terminal (approval ${approval}) but its sale or return is no longer open: reconcile it by hand`,
} as const;

/**
 * At start, an operation the terminal was sent before the till stopped and whose answer never came
 * (kept on disk by the terminal driver) is settled by asking the terminal, before anything else is
 * sent to it. An approved payment for the sale still open on the lane is booked on it once and the
 * sale completes; what was not booked is forgotten; an approval nobody can book any more is logged
 * loudly for the back office.
 */
export async function resolveKeptCardOperation(payment: PaymentTerminal | null, lane: Lane, log: (line: string) => void = console.warn): Promise<void> {
  if (!payment?.unresolved()) return;
  const resolution = await payment.resolveUnknown();
  if (!resolution) return;
  const { operation, reference, outcome } = resolution;
  if (outcome.status === 'failed') return log(CARD_RECOVERY_MESSAGES.stillUnknown(reference, outcome.message));
  if (outcome.status === 'declined') return log(CARD_RECOVERY_MESSAGES.notBooked(reference));
  const booked = operation === 'payment' ? await lane.bookResolvedCard(reference, outcome) : null;
  if (booked?.ok) return log(CARD_RECOVERY_MESSAGES.booked(reference, booked.value.completed?.receiptNumber ?? 'still open'));
  log(CARD_RECOVERY_MESSAGES.orphan(operation, reference, outcome.amount, outcome.approvalCode));
}
