import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { loadMigrations, migrate } from './migrate.ts';
import { SqliteMobilePaymentAttempts } from './mobile-payment-repository.ts';
import { tempDataDir } from './test-helpers.ts';

let cleanup = (): void => {};
afterEach(() => cleanup());
const freshDb = (): Database.Database => {
  const t = tempDataDir('mobile-attempts-');
  cleanup = t.cleanup;
  return new Database(path.join(t.dir, 'till.db'));
};

describe('till 0080-mobile-payment-attempts', () => {
  it('adds the attempts table after the earlier migrations, empty', () => {
    const db = freshDb();
    migrate(db, loadMigrations('till'), 40);
    expect(migrate(db, loadMigrations('till'), 80)).toContain(80);
    expect(db.prepare('SELECT count(*) AS n FROM mobile_payment_attempt').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('mobile payment attempts', () => {
  it('keeps the key of an unanswered payment until its answer is in, and never a whole barcode', () => {
    const db = freshDb();
    migrate(db, loadMigrations('till'));
    const attempts = new SqliteMobilePaymentAttempts(db);
    attempts.begin({ paymentId: 'p1', saleId: 's1', amount: 5000, maskedToken: '****3456', startedAt: '2026-12-04T01:00:00.000Z' });
    expect(attempts.pending('s1')).toEqual({ paymentId: 'p1', saleId: 's1', amount: 5000, maskedToken: '****3456', startedAt: '2026-12-04T01:00:00.000Z' });
    // The table refuses a barcode that is not masked: a one-time token never lands on the till's disk.
    expect(() => attempts.begin({ paymentId: 'p2', saleId: 's1', amount: 5000, maskedToken: '281234567890123456', startedAt: 'x' })).toThrow(/CHECK/);
    attempts.settle('p1');
    expect(attempts.pending('s1')).toBeUndefined();
    db.close();
  });
});
