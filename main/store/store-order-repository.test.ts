import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testOrder } from '../core/pickup/test-order.ts';
import { openTillDatabases, type TillDatabases } from './database.ts';
import { SqliteOutbox } from './outbox-repository.ts';
import { SqliteStoreOrders } from './store-order-repository.ts';
import { tempDataDir } from './test-helpers.ts';

let dbs: TillDatabases;
let cleanup: () => void;
let orders: SqliteStoreOrders;

beforeEach(() => {
  const t = tempDataDir();
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
  orders = new SqliteStoreOrders(dbs.till);
});

afterEach(() => {
  dbs.close();
  cleanup();
});

const handout = { handoutId: 'h1', orderNumber: '2611250001', staffId: 's1', handedOutAt: '2026-11-25T05:00:00.000Z', mode: 'offline' as const,
  proof: 'QR' as const, expectedVersion: 2, lines: [{ lineId: 'L1', quantity: 2, refused: 0, refusedReason: null }] };

describe('the store orders on the till', () => {
  it('applies the order stream page by page with its cursor; a reset starts over', () => {
    const now = new Date('2026-11-25T06:00:00.000Z');
    orders.applyPage('order', [testOrder(), testOrder({ id: 'o-2', number: '2611250002', fulfilment: 'DELIVERY', state: 'DELIVERED' })], 'c1', false, now);
    expect(orders.cursor('order')).toBe('c1');
    expect(orders.pickupOrders().map((o) => o.number)).toEqual(['2611250001']);
    expect(orders.recent().map((o) => o.number).sort()).toEqual(['2611250001', '2611250002']);
    orders.applyPage('order', [testOrder({ state: 'READY', version: 3 })], 'c2', false, now);
    expect(orders.byNumber('2611250001')).toMatchObject({ state: 'READY', version: 3 });
    orders.applyPage('order', [], 'c0', true);
    expect(orders.recent()).toEqual([]);
  });

  it('lets finished orders older than 90 days go, and keeps open ones of any age', () => {
    const old = '2026-08-01T00:00:00.000Z';
    orders.applyPage('order', [testOrder({ placedAt: old, state: 'COLLECTED' }), testOrder({ id: 'o-2', number: '2611250002', placedAt: old, state: 'READY' })], 'c1', false,
      new Date('2026-11-25T00:00:00.000Z'));
    expect(orders.recent().map((o) => o.number)).toEqual(['2611250002']);
  });

  it('writes an offline hand-out, its journal row and its outbox row in one transaction, and the outbox reads it back as the centre\'s input', () => {
    orders.applyPage('order', [testOrder({ state: 'READY', version: 2 })], 'c1', false);
    const { mode: _mode, ...payload } = handout;
    orders.record({ order: testOrder({ state: 'COLLECTED' }), mutation: { kind: 'PICKUP_HANDOUT', payload }, mutationId: 'm1', at: handout.handedOutAt, handout });
    expect(orders.byNumber('2611250001')?.state).toBe('COLLECTED');
    expect(orders.pendingFor('2611250001')).toBe(1);
    expect(orders.handouts('2611250001')).toEqual([handout]);
    expect(new SqliteOutbox(dbs.till).pending(10)).toEqual([expect.objectContaining({ sequence: 1, mutationId: 'm1', kind: 'PICKUP_HANDOUT', payload: expect.objectContaining({ handoutId: 'h1', expectedVersion: 2 }) })]);
  });

  it('keeps nothing of a change whose journal row cannot be written (the same hand-out twice)', () => {
    orders.applyPage('order', [testOrder({ state: 'READY', version: 2 })], 'c1', false);
    orders.record({ order: testOrder({ state: 'COLLECTED' }), mutation: null, mutationId: 'h1', at: handout.handedOutAt, handout });
    expect(() => orders.record({ order: testOrder({ state: 'CANCELLED' }), mutation: { kind: 'PICKUP_HANDOUT', payload: handout }, mutationId: 'm2', at: handout.handedOutAt, handout })).toThrow(/UNIQUE/);
    expect(orders.byNumber('2611250001')?.state).toBe('COLLECTED');
    expect(new SqliteOutbox(dbs.till).pending(10)).toEqual([]);
  });

  it('0020: the pickup journal is append-only', () => {
    orders.record({ order: testOrder(), mutation: null, mutationId: 'h1', at: handout.handedOutAt, handout });
    expect(() => dbs.till.prepare("UPDATE pickup_handout SET staff_id = 'x'").run()).toThrow(/append-only/);
    expect(() => dbs.till.prepare('DELETE FROM pickup_handout').run()).toThrow(/append-only/);
  });

  it('keeps the picking in progress across a restart', () => {
    orders.savePickProgress('2611250001', 's1', [{ lineId: 'L1', picked: 1, substitute: null }], '2026-11-25T05:00:00.000Z');
    expect(new SqliteStoreOrders(dbs.till).pickProgress('2611250001')).toEqual({ staffId: 's1', startedAt: '2026-11-25T05:00:00.000Z', progress: [{ lineId: 'L1', picked: 1, substitute: null }] });
  });
});
