import type { Product } from '../main/core/product.ts';
import type { CompletedSale } from '../main/core/sale.ts';
import type { CompletedReturn } from '../main/core/returns/sale-return.ts';
import type { OrderMutation } from '../main/core/pickup/order-mutation.ts';
import type { MemberMutation } from '../main/core/loyalty/member-mutation.ts';
import type { SuspendMutation } from '../main/core/suspended-sale.ts';
import type { ShiftMutation } from '../main/core/shift/shift-mutation.ts';
import type { CompletedPostVoid } from '../main/core/post-void.ts';

/**
 * What sync needs from the till's store (main/store implements these). Each call is synchronous
 * and transactional on the store's side; sync never holds a transaction across an await.
 */

export type MutationKind = OutboxEntry['kind'];
export type MutationStatus = 'APPLIED' | 'DUPLICATE' | 'REJECTED' | 'FLAGGED';

interface OutboxRow {
  /** Per-till, gapless from 1: the order the server applies mutations in. */
  readonly sequence: number;
  /** UUIDv7 made on the till; the idempotency key. */
  readonly mutationId: string;
  readonly occurredAt: string;
}

/** An outbox row: one business event waiting for the central API; the kind says what its payload is. */
export type OutboxEntry =
  | (OutboxRow & { readonly kind: 'SALE'; readonly payload: CompletedSale })
  | (OutboxRow & { readonly kind: 'RETURN'; readonly payload: CompletedReturn })
  | (OutboxRow & { readonly kind: 'POST_VOID'; readonly payload: CompletedPostVoid })
  | (OutboxRow & OrderMutation)
  | (OutboxRow & MemberMutation)
  | (OutboxRow & SuspendMutation)
  | (OutboxRow & ShiftMutation);

/** The server's verdict on one mutation. `id` is the mutation id. */
export interface MutationResult {
  readonly id: string;
  readonly sequence: number;
  readonly status: MutationStatus;
  /** Why it was flagged or rejected (price_variance, sale_malformed, ...); null when applied cleanly. */
  readonly code: string | null;
  readonly message: string | null;
  /** For DUPLICATE: what the mutation got when it was first applied. */
  readonly originalStatus: MutationStatus | null;
}

export interface OutboxPort {
  /** Pending entries in sequence order, at most `limit`. */
  pending(limit: number): OutboxEntry[];
  /** Records verdicts in one transaction; a recorded entry is no longer pending (REJECTED is quarantined). */
  record(results: readonly MutationResult[]): void;
  /**
   * Entries from `sequence` on, in order, whatever their status, at most `limit`: what the till
   * resends when the server says it expects an earlier sequence (it lost what it had, e.g. restored
   * from a backup). Recording their new verdicts leaves the recorded ones as they were.
   */
  from(sequence: number, limit: number): OutboxEntry[];
  /** Counts a send of these entries, whatever comes of it (optional: the back office's detail). */
  markAttempt?(sequences: readonly number[]): void;
}

/** A stream's sink: the store applies a page and its cursor in one transaction. */
export interface StreamSinkPort<T> {
  cursor(stream: string): string | null;
  /** reset = true: clear the stream's data first (a re-snapshot). */
  applyPage(stream: string, items: readonly T[], cursor: string, reset: boolean): void;
  /**
   * Told when a pull reached the end of the stream (optional): the moment to finish work deferred
   * while a snapshot arrived in pages (the catalog builds its search index once, here).
   */
  caughtUp?(stream: string): void;
}

/** A catalog stream item: a product, or (deleted = true) a tombstone for its id. */
export type CatalogChange = Product & { readonly deleted: boolean };

export type StaffRole = 'cashier' | 'supervisor' | 'manager';

/** A staff stream item. The till verifies PINs offline against pinSalt/pinHash (scrypt, see schema.graphql). */
export interface StaffChange {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly pinSalt: string;
  readonly pinHash: string;
  readonly deleted: boolean;
}

/** A price stream item: a price taking effect at `effectiveAt` (maybe in the future), or a tombstone. */
export interface PriceChange {
  readonly id: string;
  readonly productId: string;
  readonly barcode: string;
  readonly price: number;
  readonly effectiveAt: string;
  readonly deleted: boolean;
}

/**
 * A promotions stream item, carried as data: `document` is the rule as the central API sent it
 * (parsed JSON, not yet validated: the store's promotions sink owns the rule's schema).
 */
export interface PromotionData {
  readonly id: string;
  readonly document: unknown;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly deleted: boolean;
}

/** A config stream item: a store configuration key (offline policies among them) with its JSON value, or its removal. */
export interface ConfigChange {
  readonly key: string;
  readonly value: unknown;
  readonly deleted: boolean;
}

export const STREAMS = { catalog: 'catalog', staff: 'staff', price: 'price', promotion: 'promotion', config: 'config' } as const;
