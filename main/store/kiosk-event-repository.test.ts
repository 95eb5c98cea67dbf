import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { loadMigrations, migrate } from './migrate.ts';
import { SqliteKioskEvents } from './kiosk-event-repository.ts';
import { tempDataDir } from './test-helpers.ts';

let cleanup = (): void => {};
afterEach(() => cleanup());
const freshDb = (): Database.Database => {
  const t = tempDataDir('kiosk-events-');
  cleanup = t.cleanup;
  return new Database(path.join(t.dir, 'till.db'));
};

describe('till 0040-kiosk-events', () => {
  it('adds the kiosk event log after the earlier migrations, leaving them as they were', () => {
    const db = freshDb();
    migrate(db, loadMigrations('till'), 5);
    expect(migrate(db, loadMigrations('till'), 40)).toContain(40);
    expect(db.prepare('SELECT count(*) AS n FROM kiosk_event').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('kiosk events', () => {
  it('records a staff call and its answer as two rows, newest first, and refuses to change or delete either', () => {
    const db = freshDb();
    migrate(db, loadMigrations('till'));
    const events = new SqliteKioskEvents(db);
    events.record({ id: 'e1', at: '2026-01-01T10:00:00.000Z', kind: 'called', interventionId: 'i1', reason: 'age', saleId: 's1' });
    events.record({ id: 'e2', at: '2026-01-01T10:00:30.000Z', kind: 'approved', interventionId: 'i1', reason: 'age', saleId: 's1', staffId: 'staff-0003' });
    expect(events.recent(10).map((e) => [e.kind, e.staffId])).toEqual([
      ['approved', 'staff-0003'],
      ['called', null],
    ]);
    // An answer is a new row: the call itself can be neither rewritten nor removed.
    expect(() => db.prepare("UPDATE kiosk_event SET kind = 'refused' WHERE id = 'e1'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM kiosk_event WHERE id = 'e1'").run()).toThrow(/append-only/);
    expect(() => events.record({ id: 'e3', at: 't', kind: 'unknown' as 'called' })).toThrow(/CHECK/);
    expect(events.recent(10)).toHaveLength(2);
    db.close();
  });
});
