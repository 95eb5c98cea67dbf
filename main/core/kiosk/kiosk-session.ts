import { type Result, fail, ok } from '../result.ts';

/**
 * A self-checkout customer's session: attract -> scanning -> paying -> receipt -> attract.
 * Interventions (a staff member is needed) hold payment until staff resolve them. The idle rule
 * never interrupts a payment on the terminal, never drops a sale with money taken, and waits
 * while staff are on their way.
 */
export type KioskPhase = 'attract' | 'scanning' | 'paying' | 'receipt';

/** pickup: a customer scanned an online order's QR; staff bring the order to them. */
export type InterventionReason = 'age' | 'removal' | 'payment_failed' | 'too_many_items' | 'help' | 'abandoned_payment' | 'pickup';

export interface Intervention {
  readonly id: string;
  readonly reason: InterventionReason;
  /** The line a removal or an age check is about. */
  readonly lineId?: string | undefined;
  readonly raisedAt: number;
}

export interface KioskPolicy {
  /** Quiet time before "are you still there?". */
  readonly idleWarnMs: number;
  /** Quiet time before the kiosk goes back to the attract screen. */
  readonly idleResetMs: number;
  /** More items than this in one basket calls staff (a trolley at a basket kiosk). */
  readonly maxItems: number;
}

export const DEFAULT_KIOSK_POLICY: KioskPolicy = { idleWarnMs: 60_000, idleResetMs: 90_000, maxItems: 40 };

export interface KioskSession {
  readonly phase: KioskPhase;
  readonly language: string;
  readonly interventions: readonly Intervention[];
  /** in_flight while the terminal holds the card; declined until the customer retries or staff come. */
  readonly payment: 'none' | 'in_flight' | 'declined';
  /** Once a payment was tried, removing an item needs staff (the customer saw a total and agreed to it). */
  readonly paymentStarted: boolean;
  /** Money already taken for the open sale (a cash module's partial tender): the sale must be finished, never dropped. */
  readonly tendered: boolean;
  /** Staff let this basket go over maxItems: do not ask again for this sale. */
  readonly itemLimitApproved: boolean;
  readonly lastActivityAt: number;
  readonly idleWarning: boolean;
  readonly completedSaleId: string | null;
}

export type KioskRefusal = 'staff_needed' | 'not_scanning' | 'payment_in_flight' | 'nothing_to_pay';

export function attractSession(language: string, now: number): KioskSession {
  return {
    phase: 'attract',
    language,
    interventions: [],
    payment: 'none',
    paymentStarted: false,
    tendered: false,
    itemLimitApproved: false,
    lastActivityAt: now,
    idleWarning: false,
    completedSaleId: null,
  };
}

/** Any touch, scan or answer: the customer is there. */
export const touch = (s: KioskSession, now: number): KioskSession => ({ ...s, lastActivityAt: now, idleWarning: false });

export function start(s: KioskSession, language: string, now: number): KioskSession {
  const t = touch(s, now);
  return s.phase === 'attract' ? { ...t, phase: 'scanning', language } : { ...t, language };
}

export function raise(s: KioskSession, reason: InterventionReason, id: string, now: number, lineId?: string): KioskSession {
  // One open call per reason and line: a customer pressing help twice calls staff once.
  if (s.interventions.some((i) => i.reason === reason && i.lineId === lineId)) return s;
  return { ...s, interventions: [...s.interventions, { id, reason, lineId, raisedAt: now }] };
}

export function resolve(s: KioskSession, interventionId: string, now: number): KioskSession {
  const found = s.interventions.find((i) => i.id === interventionId);
  if (!found) return s;
  return {
    ...touch(s, now),
    interventions: s.interventions.filter((i) => i.id !== interventionId),
    itemLimitApproved: s.itemLimitApproved || found.reason === 'too_many_items',
    // Staff who come for a declined card take over: the customer may try again.
    payment: found.reason === 'payment_failed' && s.payment === 'declined' ? 'declined' : s.payment,
  };
}

/** What the basket looks like now (after a scan, a removal, a resume after restart). */
export interface BasketFacts {
  readonly hasSale: boolean;
  readonly itemCount: number;
  /** Lines waiting for an age check. */
  readonly agePending: readonly string[];
  readonly tendered: boolean;
}

export function basketChanged(s: KioskSession, facts: BasketFacts, policy: KioskPolicy, newId: () => string, now: number): KioskSession {
  let next: KioskSession = { ...touch(s, now), tendered: facts.tendered };
  if (next.phase === 'attract' && facts.hasSale) next = { ...next, phase: 'scanning' };
  if (facts.agePending.length > 0) next = raise(next, 'age', newId(), now);
  else next = { ...next, interventions: next.interventions.filter((i) => i.reason !== 'age') };
  if (facts.itemCount > policy.maxItems && !next.itemLimitApproved) next = raise(next, 'too_many_items', newId(), now);
  return next;
}

/** A removal the customer may do alone, or one that needs staff (after payment started, or of a restricted item). */
export function removalNeedsStaff(s: KioskSession, line: { readonly ageRestricted: boolean }): boolean {
  return s.paymentStarted || s.phase !== 'scanning' || line.ageRestricted;
}

export function canPay(s: KioskSession, amountDue: number): Result<true, KioskRefusal> {
  if (s.payment === 'in_flight') return fail('payment_in_flight', 'the card terminal is already taking a payment');
  if (s.phase !== 'scanning' && s.phase !== 'paying') return fail('not_scanning', 'there is no basket to pay for');
  if (s.interventions.length > 0) return fail('staff_needed', 'a staff member has to help first');
  if (amountDue <= 0) return fail('nothing_to_pay', 'the basket is empty');
  return ok(true);
}

export const paymentStarted = (s: KioskSession, now: number): KioskSession => ({
  ...touch(s, now),
  phase: 'paying',
  payment: 'in_flight',
  paymentStarted: true,
});

export const paymentDeclined = (s: KioskSession, now: number): KioskSession => ({ ...touch(s, now), phase: 'paying', payment: 'declined' });

/** The customer goes back to the basket after a declined card (payment stays "started": removals need staff). */
export const backToBasket = (s: KioskSession, now: number): KioskSession =>
  s.phase === 'paying' && s.payment !== 'in_flight' ? { ...touch(s, now), phase: 'scanning', payment: 'none' } : s;

export const paid = (s: KioskSession, saleId: string, now: number): KioskSession => ({
  ...touch(s, now),
  phase: 'receipt',
  payment: 'none',
  tendered: false,
  completedSaleId: saleId,
});

export type IdleAction = 'none' | 'warn' | 'reset' | 'call_staff';

/**
 * What quiet time does. Never while the terminal holds a card or staff are on their way; a sale
 * with money taken but not finished calls staff instead of being dropped; a paid sale at the
 * receipt choice is already committed, so going back to attract loses nothing.
 */
export function idle(s: KioskSession, now: number, policy: KioskPolicy): IdleAction {
  if (s.phase === 'attract' || s.payment === 'in_flight' || s.interventions.length > 0) return 'none';
  const quiet = now - s.lastActivityAt;
  if (quiet >= policy.idleResetMs) return s.tendered && s.phase !== 'receipt' ? 'call_staff' : 'reset';
  if (quiet >= policy.idleWarnMs && !s.idleWarning) return 'warn';
  return 'none';
}

export const warned = (s: KioskSession): KioskSession => ({ ...s, idleWarning: true });

/**
 * The membership app's QR code (and card) carries a versioned token, `M1:...`: at a kiosk a scan of
 * it identifies the member instead of ringing an item. Anything else goes to the catalog.
 */
export const isMemberAppCode = (code: string): boolean => /^M\d{1,2}:[A-Za-z0-9_-]{4,120}$/.test(code.trim());
