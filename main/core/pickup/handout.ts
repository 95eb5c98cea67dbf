import { type Result, fail, ok } from '../result.ts';
import { parseOrderQr } from './order-qr.ts';
import { type StoreOrder, availableOf } from './store-order.ts';

/** Handing a pickup order out at the counter: the customer's proof, what they take, and the offline policy. Pure. */

export type HandoutProof =
  | { readonly kind: 'qr'; readonly text: string }
  | { readonly kind: 'number_phone'; readonly number: string; readonly phoneLast4: string };

export interface HandoutLine {
  readonly lineId: string;
  readonly quantity: number;
  readonly refused: number;
  readonly refusedReason: string | null;
}

export interface Refusal {
  readonly lineId: string;
  readonly refused: number;
  readonly reason: string | null;
}

export type HandoutErrorCode = 'proof_mismatch' | 'not_ready' | 'refusal_invalid' | 'offline_not_allowed';

export const HANDOUT_MESSAGES = {
  proofMismatch: 'the QR or the phone number does not match this order',
  notReady: (number: string, state: string) => `order ${number} is not ready to hand out (${state})`,
  refusalInvalid: (lineId: string) => `line ${lineId}: more refused than there is to hand out`,
  offlineNotAllowed: 'the central system cannot be reached and this store does not hand out orders offline: ask the customer to wait',
} as const;

/** The QR's pickup code, or the phone's last four digits with the number, must match the order. */
export function checkProof(order: StoreOrder, proof: HandoutProof): Result<'QR' | 'NUMBER_PHONE', 'proof_mismatch'> {
  if (proof.kind === 'qr') {
    const qr = parseOrderQr(proof.text);
    return qr && qr.number === order.number && qr.pickupCode === order.pickupCode ? ok('QR') : fail('proof_mismatch', HANDOUT_MESSAGES.proofMismatch);
  }
  return proof.number === order.number && proof.phoneLast4 === order.phoneLast4 ? ok('NUMBER_PHONE') : fail('proof_mismatch', HANDOUT_MESSAGES.proofMismatch);
}

/** Every line with something to hand out: what the customer takes and what they refuse (refunded online). */
export function planHandout(order: StoreOrder, refusals: readonly Refusal[]): Result<HandoutLine[], HandoutErrorCode> {
  if (order.state !== 'READY') return fail('not_ready', HANDOUT_MESSAGES.notReady(order.number, order.state));
  for (const r of refusals) {
    const line = order.lines.find((l) => l.lineId === r.lineId);
    if (!line || r.refused < 0 || r.refused > availableOf(line)) return fail('refusal_invalid', HANDOUT_MESSAGES.refusalInvalid(r.lineId));
  }
  return ok(
    order.lines
      .filter((l) => availableOf(l) > 0)
      .map((l) => {
        const r = refusals.find((x) => x.lineId === l.lineId);
        const refused = r?.refused ?? 0;
        return { lineId: l.lineId, quantity: availableOf(l) - refused, refused, refusedReason: refused > 0 ? (r?.reason ?? null) : null };
      }),
  );
}

/** What the lines handed out are worth, and what is refunded for the refused ones (at the price paid online). */
export function handoutValue(order: StoreOrder, lines: readonly HandoutLine[]): { readonly handedOut: number; readonly refunded: number } {
  let handedOut = 0;
  let refunded = 0;
  for (const h of lines) {
    const price = order.lines.find((l) => l.lineId === h.lineId)?.unitPrice ?? 0;
    handedOut += price * h.quantity;
    refunded += price * h.refused;
  }
  return { handedOut, refunded };
}

/** The store's offline.pickupHandout policy (config stream). Unset or unreadable: not allowed, the safe side. */
export interface OfflineHandoutPolicy {
  readonly allowed: boolean;
}

export function offlineHandoutPolicy(value: unknown): OfflineHandoutPolicy {
  return typeof value === 'object' && value !== null && (value as { allowed?: unknown }).allowed === true ? { allowed: true } : { allowed: false };
}
