/**
 * A sale put aside at one till and resumed at any till of the store. The suspended sale goes to the
 * centre through the outbox; another till resumes it only by a claim there (first claim wins), and
 * the till that suspended it claims it too when it can, so two tills never both ring it. The lines
 * keep the prices they were rung at: a resumed basket is never repriced.
 */

/** What this till sends the centre about its suspended sales (outbox kinds). */
export type SuspendMutation =
  | { readonly kind: 'SALE_SUSPENDED'; readonly payload: SuspendedSalePayload }
  | { readonly kind: 'SUSPENDED_SALE_RESUMED'; readonly payload: SuspendedSaleResumedPayload };

export interface SuspendedSalePayload {
  readonly saleId: string;
  readonly staffId: string;
  readonly suspendedAt: string;
  readonly currency: string;
  readonly total: number;
  readonly itemCount: number;
  /** The open sale as this software writes it (JSON text): another till resumes exactly this. */
  readonly document: string;
}

/** Resumed here without a claim (offline, or before the centre had the suspension). */
export interface SuspendedSaleResumedPayload {
  readonly saleId: string;
  readonly staffId: string;
  readonly resumedAt: string;
}

export const SUSPEND_MUTATION_KINDS = ['SALE_SUSPENDED', 'SUSPENDED_SALE_RESUMED'] as const;

/** A suspended sale this till keeps itself. */
export interface LocalSuspended {
  readonly saleId: string;
  readonly staffId: string;
  readonly suspendedAt: string;
  readonly total: number;
  readonly itemCount: number;
}

/** A suspended sale as the centre lists it for the store. */
export interface CentralSuspended extends LocalSuspended {
  readonly tillId: string;
  readonly tillNumber: string;
  /** Set once a till resumed it. */
  readonly resumedAt: string | null;
  readonly resumedTillNumber: string | null;
}

/** One entry of the lane's list: `here` when this till suspended it. */
export interface SuspendedEntry extends LocalSuspended {
  readonly tillNumber: string;
  readonly here: boolean;
}

export interface SuspendedList {
  readonly entries: readonly SuspendedEntry[];
  /** The centre could not be asked: only this till's own sales are listed. */
  readonly offline: boolean;
  /** This till's suspended sales another till has resumed: they are gone here too. */
  readonly resumedElsewhere: readonly string[];
}

/**
 * The store's suspended sales as this till lists them: its own (also those the centre has not heard
 * of yet), and the other tills' that are still open at the centre. `central` is null offline.
 */
export function listSuspended(local: readonly LocalSuspended[], central: readonly CentralSuspended[] | null, self: { tillId: string; tillNumber: string }): SuspendedList {
  const mine = (s: LocalSuspended): SuspendedEntry => ({ ...s, tillNumber: self.tillNumber, here: true });
  if (central === null) return { entries: local.map(mine), offline: true, resumedElsewhere: [] };
  const atCentre = new Map(central.map((c) => [c.saleId, c]));
  const resumedElsewhere = local.filter((l) => atCentre.get(l.saleId)?.resumedAt != null).map((l) => l.saleId);
  const localIds = new Set(local.map((l) => l.saleId));
  const entries = [
    ...local.filter((l) => !resumedElsewhere.includes(l.saleId)).map(mine),
    // This till's own entries not kept here any more were resumed here (the centre hears it with the next push).
    ...central
      .filter((c) => c.resumedAt === null && c.tillId !== self.tillId && !localIds.has(c.saleId))
      .map(({ saleId, staffId, suspendedAt, total, itemCount, tillNumber }) => ({ saleId, staffId, suspendedAt, total, itemCount, tillNumber, here: false })),
  ].sort((a, b) => a.suspendedAt.localeCompare(b.suspendedAt) || a.saleId.localeCompare(b.saleId));
  return { entries, offline: false, resumedElsewhere };
}

/** The centre's answer to a claim, or null when it could not be asked (offline, timeout). */
export type ClaimAnswer =
  | { readonly kind: 'claimed'; readonly document: string }
  | { readonly kind: 'taken'; readonly tillNumber: string | null }
  | { readonly kind: 'unknown' }
  | null;

/**
 * What resuming does, given where the sale was suspended and the centre's answer:
 * - `local`: take this till's own copy; `queueResumed` tells the centre later (it could not say yes now);
 * - `central`: take the document the claim returned;
 * - `refused`: another till has it, or it cannot be had from here offline; `dropLocal` forgets this till's copy.
 */
export type ResumePlan =
  | { readonly take: 'local'; readonly queueResumed: boolean }
  | { readonly take: 'central'; readonly document: string }
  | { readonly take: 'refused'; readonly reason: 'taken' | 'offline' | 'gone'; readonly tillNumber: string | null; readonly dropLocal: boolean };

export function planResume(here: boolean, answer: ClaimAnswer): ResumePlan {
  if (here) {
    if (answer === null) return { take: 'local', queueResumed: true };
    // The centre has not heard of it yet: nobody else can have claimed it, and the push after says so.
    if (answer.kind === 'unknown') return { take: 'local', queueResumed: true };
    if (answer.kind === 'claimed') return { take: 'local', queueResumed: false };
    return { take: 'refused', reason: 'taken', tillNumber: answer.tillNumber, dropLocal: true };
  }
  if (answer === null) return { take: 'refused', reason: 'offline', tillNumber: null, dropLocal: false };
  if (answer.kind === 'claimed') return { take: 'central', document: answer.document };
  if (answer.kind === 'taken') return { take: 'refused', reason: 'taken', tillNumber: answer.tillNumber, dropLocal: false };
  return { take: 'refused', reason: 'gone', tillNumber: null, dropLocal: false };
}

export const SUSPEND_MESSAGES = {
  taken: (tillNumber: string | null) =>
    tillNumber ? `till ${tillNumber} already resumed this suspended sale` : 'another till already resumed this suspended sale',
  offline: 'the central server cannot be reached: only this till\'s own suspended sales can be resumed now',
  gone: 'that suspended sale is no longer there (another till may have resumed it)',
  malformed: 'the suspended sale from the central server could not be read at this till: ring its items again',
} as const;
