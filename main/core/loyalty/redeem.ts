import { type Result, fail, ok } from '../result.ts';

export type RedeemError = 'redeem_invalid' | 'redeem_below_minimum' | 'redeem_over_balance' | 'redeem_over_due' | 'redeem_offline_cap';

export const REDEEM_MESSAGES = {
  invalid: 'points to redeem must be a positive whole number',
  belowMinimum: (min: number) => `at least ${min} points can be redeemed at a time`,
  overBalance: (balance: number) => `the member has only ${balance} points`,
  overDue: (due: number) => `only ${due} is still due`,
  offlineCap: (cap: number) => `the central server cannot be reached: at most ${cap} points can be redeemed offline`,
} as const;

export interface RedeemRequest {
  readonly points: number;
  /** The balance the till knows (the member stream, less what this sale already redeemed). */
  readonly balance: number;
  /** What the sale still owes. */
  readonly due: number;
  readonly minRedeem: number;
  /** Offline: the store's cap per sale (offline.pointsRedeemCap), and what this sale already redeemed offline. */
  readonly offline: { readonly cap: number; readonly alreadyRedeemed: number } | null;
}

/** Whether points may pay part of the sale now. Online the centre's claim decides the balance. */
export function checkRedeem(r: RedeemRequest): Result<number, RedeemError> {
  if (!Number.isSafeInteger(r.points) || r.points <= 0) return fail('redeem_invalid', REDEEM_MESSAGES.invalid);
  if (r.points < r.minRedeem) return fail('redeem_below_minimum', REDEEM_MESSAGES.belowMinimum(r.minRedeem));
  if (r.points > r.due) return fail('redeem_over_due', REDEEM_MESSAGES.overDue(r.due));
  if (r.points > r.balance) return fail('redeem_over_balance', REDEEM_MESSAGES.overBalance(Math.max(0, r.balance)));
  if (r.offline && r.offline.alreadyRedeemed + r.points > r.offline.cap) return fail('redeem_offline_cap', REDEEM_MESSAGES.offlineCap(r.offline.cap));
  return ok(r.points);
}
