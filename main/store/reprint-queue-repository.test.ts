import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { loadMigrations, migrate } from './migrate.ts';
import { SqliteReprintQueue } from './reprint-queue-repository.ts';
import { tempDataDir } from './test-helpers.ts';

let cleanup = (): void => {};
afterEach(() => cleanup());
const freshDb = (): Database.Database => {
  const t = tempDataDir('reprints-');
  cleanup = t.cleanup;
  return new Database(path.join(t.dir, 'till.db'));
};

describe('till 0070-return-reprint-queue', () => {
  it('adds the return receipts\' queue beside the sales\' queue, keeping the sale receipts already owed', () => {
    const db = freshDb();
    migrate(db, loadMigrations('till'), 69);
    // The queue row is what matters here, not the sale it points at.
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO reprint_queue (sale_id, reason, queued_at) VALUES ('s1', 'paper_out', '2026-01-01T10:00:00.000Z')").run();
    expect(migrate(db, loadMigrations('till'), 70)).toEqual([70]);
    expect(new SqliteReprintQueue(db).list()).toEqual([{ kind: 'sale', saleId: 's1', reason: 'paper_out', queuedAt: '2026-01-01T10:00:00.000Z' }]);
    db.close();
  });
});

describe('the reprint queue', () => {
  it('lists sale and return receipts together, oldest first, and forgets each once printed', () => {
    const db = freshDb();
    migrate(db, loadMigrations('till'));
    db.pragma('foreign_keys = OFF');
    const queue = new SqliteReprintQueue(db);
    queue.enqueue('s1', 'paper_out', '2026-01-01T10:00:02.000Z');
    queue.enqueue('r1', 'cover_open', '2026-01-01T10:00:01.000Z', 'return');
    expect(queue.list().map((q) => [q.kind, q.saleId, q.reason])).toEqual([
      ['return', 'r1', 'cover_open'],
      ['sale', 's1', 'paper_out'],
    ]);
    queue.markPrinted('r1', '2026-01-01T10:05:00.000Z', 'return');
    expect(queue.list().map((q) => q.saleId)).toEqual(['s1']);
    // Failing again puts it back, with the new reason.
    queue.enqueue('r1', 'paper_out', '2026-01-01T10:00:01.000Z', 'return');
    expect(queue.list().map((q) => [q.saleId, q.reason])).toEqual([['r1', 'paper_out'], ['s1', 'paper_out']]);
    db.close();
  });
});
