import type Database from 'better-sqlite3';
import type { PickProgress } from '../core/pickup/picking.ts';
import type { HandoutLine } from '../core/pickup/handout.ts';
import type { StoreOrder } from '../core/pickup/store-order.ts';
import type { OrderMutation } from '../core/pickup/order-mutation.ts';
import { counterTaker } from './counters.ts';

/** How long a finished online order stays on the till (the order stream sends those of the last 90 days). */
export const KEEP_DAYS = 90;

export interface HandoutRecord {
  readonly handoutId: string;
  readonly orderNumber: string;
  readonly staffId: string;
  readonly handedOutAt: string;
  readonly mode: 'online' | 'offline';
  readonly proof: 'QR' | 'NUMBER_PHONE';
  readonly expectedVersion: number;
  readonly lines: readonly HandoutLine[];
}

/**
 * The store's online orders on the till: the order stream's sink, the picking in progress, the
 * pickup journal, and the outbox rows that tell the centre. A change and its outbox row commit together.
 */
export class SqliteStoreOrders {
  private readonly upsert;
  private readonly selectByNumber;
  private readonly selectPickup;
  private readonly selectRecent;
  private readonly getCursor;
  private readonly setCursor;
  private readonly insertOutbox;
  private readonly selectPendingFor;
  private readonly takeCounter;

  constructor(private readonly db: Database.Database) {
    this.upsert = db.prepare(`INSERT INTO store_order (id, number, fulfilment, state, phone_last4, placed_at, document, updated_at)
      VALUES (@id, @number, @fulfilment, @state, @phoneLast4, @placedAt, @document, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET number = excluded.number, fulfilment = excluded.fulfilment, state = excluded.state,
        phone_last4 = excluded.phone_last4, placed_at = excluded.placed_at, document = excluded.document, updated_at = excluded.updated_at`);
    this.selectByNumber = db.prepare('SELECT document FROM store_order WHERE number = ?').pluck();
    this.selectPickup = db.prepare("SELECT document FROM store_order WHERE fulfilment = 'PICKUP' ORDER BY placed_at DESC LIMIT ?").pluck();
    this.selectRecent = db.prepare('SELECT document FROM store_order ORDER BY placed_at DESC LIMIT ?').pluck();
    this.getCursor = db.prepare('SELECT cursor FROM stream_cursor WHERE stream = ?').pluck();
    this.setCursor = db.prepare(`INSERT INTO stream_cursor (stream, cursor, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`);
    this.insertOutbox = db.prepare('INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload) VALUES (?, ?, ?, ?, ?)');
    this.selectPendingFor = db.prepare(
      `SELECT count(*) FROM outbox WHERE status = 'pending' AND kind IN ('ORDER_PICKING', 'ORDER_PICKED', 'ORDER_PUT_BACK', 'PICKUP_HANDOUT')
       AND json_extract(payload, '$.orderNumber') = ?`,
    ).pluck();
    this.takeCounter = counterTaker(db);
  }

  // ---- the order stream's sink ----

  cursor(stream: string): string | null {
    return (this.getCursor.get(stream) as string | undefined) ?? null;
  }

  /**
   * Applies a page of the order stream and its cursor in one transaction. Finished orders placed
   * more than KEEP_DAYS ago leave the till (the centre keeps them): only what the counter needs stays.
   */
  applyPage(stream: string, items: readonly StoreOrder[], cursor: string, reset: boolean, now: Date = new Date()): void {
    const at = now.toISOString();
    const before = new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString();
    this.db.transaction(() => {
      if (reset) this.db.exec('DELETE FROM store_order');
      for (const o of items) this.put(o, at);
      this.db.prepare("DELETE FROM store_order WHERE state IN ('COLLECTED', 'DELIVERED', 'CANCELLED') AND placed_at < ?").run(before);
      this.setCursor.run(stream, cursor, at);
    })();
  }

  private put(o: StoreOrder, at: string): void {
    this.upsert.run({ id: o.id, number: o.number, fulfilment: o.fulfilment, state: o.state, phoneLast4: o.phoneLast4, placedAt: o.placedAt, document: JSON.stringify(o), updatedAt: at });
  }

  // ---- reading ----

  byNumber(number: string): StoreOrder | undefined {
    const doc = this.selectByNumber.get(number) as string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as StoreOrder);
  }

  /** The pickup desk's orders, newest first. */
  pickupOrders(limit = 500): StoreOrder[] {
    return (this.selectPickup.all(limit) as string[]).map((d) => JSON.parse(d) as StoreOrder);
  }

  /** Recent online orders of any fulfilment, newest first (returns of online orders at the till). */
  recent(limit = 100): StoreOrder[] {
    return (this.selectRecent.all(limit) as string[]).map((d) => JSON.parse(d) as StoreOrder);
  }

  /** Mutations about this order the centre has not answered yet: its cached state is ahead of the centre's. */
  pendingFor(number: string): number {
    return Number(this.selectPendingFor.get(number));
  }

  // ---- picking ----

  pickProgress(number: string): { staffId: string; startedAt: string; progress: PickProgress } | undefined {
    const row = this.db.prepare('SELECT staff_id AS staffId, started_at AS startedAt, document FROM pick_progress WHERE order_number = ?').get(number) as
      | { staffId: string; startedAt: string; document: string } | undefined;
    return row ? { staffId: row.staffId, startedAt: row.startedAt, progress: JSON.parse(row.document) as PickProgress } : undefined;
  }

  savePickProgress(number: string, staffId: string, progress: PickProgress, at: string): void {
    this.db
      .prepare(`INSERT INTO pick_progress (order_number, staff_id, started_at, document, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (order_number) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at`)
      .run(number, staffId, at, JSON.stringify(progress), at);
  }

  /**
   * Records what this till did to an order: the order as it now stands here, the outbox row that
   * tells the centre, the picking progress dropped when picking ends, and a hand-out's journal row,
   * all in one transaction.
   */
  record(change: {
    readonly order: StoreOrder;
    readonly mutation: OrderMutation | null;
    readonly mutationId: string;
    readonly at: string;
    readonly endPicking?: boolean;
    readonly handout?: HandoutRecord;
  }): void {
    this.db.transaction(() => {
      this.put(change.order, change.at);
      if (change.mutation) this.insertOutbox.run(this.takeCounter('outbox'), change.mutationId, change.mutation.kind, change.at, JSON.stringify(change.mutation.payload));
      if (change.endPicking) this.db.prepare('DELETE FROM pick_progress WHERE order_number = ?').run(change.order.number);
      if (change.handout) {
        const h = change.handout;
        this.db
          .prepare(`INSERT INTO pickup_handout (handout_id, order_number, staff_id, handed_out_at, mode, proof, expected_version, lines)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(h.handoutId, h.orderNumber, h.staffId, h.handedOutAt, h.mode, h.proof, h.expectedVersion, JSON.stringify(h.lines));
      }
    }).immediate();
  }

  /** The centre's answer to a claim: the order as it is there now. */
  refresh(order: StoreOrder): void {
    this.put(order, new Date().toISOString());
  }

  handouts(number: string): HandoutRecord[] {
    return (
      this.db
        .prepare(`SELECT handout_id AS handoutId, order_number AS orderNumber, staff_id AS staffId, handed_out_at AS handedOutAt, mode, proof,
          expected_version AS expectedVersion, lines FROM pickup_handout WHERE order_number = ? ORDER BY rowid`)
        .all(number) as (Omit<HandoutRecord, 'lines'> & { lines: string })[]
    ).map((r) => ({ ...r, lines: JSON.parse(r.lines) as HandoutLine[] }));
  }
}
