import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { loadMigrations, migrate } from './migrate.ts';
import { tempDataDir } from './test-helpers.ts';

let db: Database.Database;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDataDir();
  cleanup = t.cleanup;
  db = new Database(path.join(t.dir, 'till.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

const openShift = (id: string) =>
  db.prepare(`INSERT INTO shift (id, staff_id, business_day, currency, float, opened_at, first_sequence) VALUES (?, 's', '2026-11-25', 'KRW', 0, 't', 1)`).run(id);

describe('till 0004-shifts', () => {
  it('applies on top of a till that already has sales', () => {
    migrate(db, loadMigrations('till'), 3);
    expect(migrate(db, loadMigrations('till'), 4)).toEqual([4]);
  });

  it('allows one open shift per till', () => {
    migrate(db, loadMigrations('till'));
    openShift('a');
    expect(() => openShift('b')).toThrow(/UNIQUE/);
  });

  it('keeps a closed shift as it was closed, and keeps every shift', () => {
    migrate(db, loadMigrations('till'));
    openShift('a');
    db.prepare("UPDATE shift SET closed_at = 't2', closed_by = 's', last_sequence = 0, counted = 0, counts = '{}', expected = 0 WHERE id = 'a'").run();
    expect(() => db.prepare("UPDATE shift SET counted = 1 WHERE id = 'a'").run()).toThrow(/final/);
    expect(() => db.prepare("DELETE FROM shift WHERE id = 'a'").run()).toThrow(/kept/);
  });

  it('records a count only with the close, cash movements append-only, and a no-sale moves no money', () => {
    migrate(db, loadMigrations('till'));
    openShift('a');
    expect(() => db.prepare("UPDATE shift SET counted = 5 WHERE id = 'a'").run()).toThrow(/CHECK/);
    const move = db.prepare("INSERT INTO cash_movement (id, shift_id, kind, amount, reason, staff_id, at) VALUES (?, 'a', ?, ?, 'r', 's', 't')");
    move.run('m1', 'drop', 1000);
    expect(() => move.run('m2', 'noSale', 1000)).toThrow(/CHECK/);
    expect(() => move.run('m3', 'refund', 1000)).toThrow(/CHECK/);
    expect(() => db.prepare("DELETE FROM cash_movement WHERE id = 'm1'").run()).toThrow(/append-only/);
  });

  it('closes a business day once', () => {
    migrate(db, loadMigrations('till'));
    const close = db.prepare("INSERT INTO business_day_close (business_day, closed_at, closed_by, z_number, report) VALUES ('2026-11-25', 't', 's', ?, '{}')");
    close.run(1);
    expect(() => close.run(2)).toThrow(/UNIQUE/);
  });
});
