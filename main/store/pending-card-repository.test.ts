import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { loadMigrations, migrate } from './migrate.ts';
import { SqlitePendingCardOperation } from './pending-card-repository.ts';
import { tempDataDir } from './test-helpers.ts';

let cleanup = (): void => {};
afterEach(() => cleanup());
const dbFile = (): string => {
  const t = tempDataDir('pending-card-');
  cleanup = t.cleanup;
  return path.join(t.dir, 'till.db');
};

describe('till 0071-pending-card-operation', () => {
  it('adds the pending card operation after the earlier migrations, empty', () => {
    const db = new Database(dbFile());
    migrate(db, loadMigrations('till'), 70);
    expect(migrate(db, loadMigrations('till'), 71)).toEqual([71]);
    expect(new SqlitePendingCardOperation(db).load()).toBeNull();
    db.close();
  });

  it('refuses an operation it does not know and a negative amount, keeping what was there', () => {
    const db = new Database(dbFile());
    migrate(db, loadMigrations('till'));
    const pending = new SqlitePendingCardOperation(db);
    pending.save({ operation: 'payment', reference: 'sale-1', amount: 1200, sentAt: '2026-01-01T10:00:00.000Z' });
    expect(() => pending.save({ operation: 'preauth' as 'payment', reference: 'x', amount: 1, sentAt: 't' })).toThrow(/CHECK/);
    expect(() => pending.save({ operation: 'payment', reference: 'x', amount: -1, sentAt: 't' })).toThrow(/CHECK/);
    expect(pending.load()).toMatchObject({ reference: 'sale-1', amount: 1200 });
    db.close();
  });
});

describe('the pending card operation', () => {
  it('survives closing the file (a restart), holds one operation at a time, and is gone once cleared', () => {
    const file = dbFile();
    const first = new Database(file);
    migrate(first, loadMigrations('till'));
    const before = new SqlitePendingCardOperation(first);
    before.save({ operation: 'refund', reference: 'r-1/t-1', amount: 500, sentAt: '2026-01-01T09:00:00.000Z' });
    before.save({ operation: 'payment', reference: 'sale-2', amount: 12_000, traceBefore: '000041', sentAt: '2026-01-01T10:00:00.000Z' });
    first.close();

    const second = new Database(file);
    const after = new SqlitePendingCardOperation(second);
    expect(after.load()).toEqual({ operation: 'payment', reference: 'sale-2', amount: 12_000, traceBefore: '000041', sentAt: '2026-01-01T10:00:00.000Z' });
    after.clear();
    expect(after.load()).toBeNull();
    second.close();
  });
});
