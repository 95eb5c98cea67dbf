import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { UnknownMigrationError, loadMigrations, migrate } from './migrate.ts';
import { openTillDatabases } from './database.ts';
import { tempDataDir } from './test-helpers.ts';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function freshFile(): string {
  const t = tempDataDir();
  cleanup = t.cleanup;
  return path.join(t.dir, 'x.db');
}

describe('migrations', () => {
  // Blocks of numbers are allotted to work done in parallel (returns: 0030-0039), so numbers may skip.
  it('numbers the till and catalog migrations from 1, each number once, in ascending order', () => {
    for (const set of ['till', 'catalog'] as const) {
      const versions = loadMigrations(set).map((m) => m.version);
      expect(versions[0]).toBe(1);
      expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    }
  });

  it('applies each migration once and records it', () => {
    const db = new Database(freshFile());
    const all = loadMigrations('till');
    expect(migrate(db, all)).toEqual(all.map((m) => m.version));
    expect(migrate(db, all)).toEqual([]);
    expect(db.prepare('SELECT version, name FROM schema_migration ORDER BY version').all()).toEqual(all.map((m) => ({ version: m.version, name: m.name })));
    expect(all.slice(0, 2).map((m) => m.name)).toEqual(['journal', 'outbox-attempts']);
    db.close();
  });

  it('refuses a database that knows a migration this build does not', () => {
    const file = freshFile();
    const db = new Database(file);
    migrate(db, loadMigrations('till'));
    db.prepare("INSERT INTO schema_migration (version, name, applied_at) VALUES (99, 'from-the-future', 'x')").run();
    expect(() => migrate(db, loadMigrations('till'))).toThrow(UnknownMigrationError);
    db.close();
  });

  it('opens the till file with WAL and synchronous=FULL, the catalog with NORMAL', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const dbs = openTillDatabases(t.dir);
    expect(dbs.till.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(dbs.till.pragma('synchronous', { simple: true })).toBe(2);
    expect(dbs.catalog.pragma('synchronous', { simple: true })).toBe(1);
    expect(dbs.till.pragma('foreign_keys', { simple: true })).toBe(1);
    dbs.close();
  });

  describe('till 0001-journal', () => {
    it('makes the journal append-only', () => {
      const db = new Database(freshFile());
      migrate(db, loadMigrations('till'));
      db.prepare(`INSERT INTO sale VALUES ('s1','0001-01-000001',1,'2026-11-25','st','a','b','KRW',100,91,9,0,0,'{}')`).run();
      expect(() => db.prepare("UPDATE sale SET total = 1 WHERE id = 's1'").run()).toThrow(/append-only/);
      expect(() => db.prepare("DELETE FROM sale WHERE id = 's1'").run()).toThrow(/append-only/);
      db.close();
    });

    it('allows only known outbox states', () => {
      const db = new Database(freshFile());
      migrate(db, loadMigrations('till'));
      expect(() => db.prepare(`INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload, status) VALUES (1,'m','SALE','t','{}','lost')`).run()).toThrow(/CHECK/);
      db.close();
    });
  });

  describe('till 0003-suspended-sales', () => {
    it('adds the suspended sales beside an existing journal', () => {
      const db = new Database(freshFile());
      migrate(db, loadMigrations('till'), 2);
      db.prepare(`INSERT INTO sale VALUES ('s1','0001-01-000001',1,'2026-11-25','st','a','b','KRW',100,91,9,0,0,'{}')`).run();
      expect(migrate(db, loadMigrations('till'), 3)).toEqual([3]);
      expect(db.prepare('SELECT count(*) AS n FROM sale').get()).toEqual({ n: 1 });
      db.prepare(`INSERT INTO suspended_sale VALUES ('s2', 'st', 'now', 1500, 1, '{}')`).run();
      expect(() => db.prepare(`INSERT INTO suspended_sale VALUES ('s2', 'st', 'now', 1500, 1, '{}')`).run()).toThrow(/UNIQUE|PRIMARY/);
      db.close();
    });
  });

  describe('catalog 0002-promotions', () => {
    it('keeps the catalog of 0001 and adds the promotion table with its time window', () => {
      const db = new Database(freshFile());
      migrate(db, loadMigrations('catalog'), 1);
      db.prepare(`INSERT INTO product VALUES ('p1', '8800000000017', 'a', 'a', 1, 'KRW', 'VAT10', 'c')`).run();
      expect(migrate(db, loadMigrations('catalog'), 2)).toEqual([2]);
      expect(db.prepare('SELECT count(*) AS n FROM product').get()).toEqual({ n: 1 });
      db.prepare(`INSERT INTO promotion VALUES ('promo-1', '2026-11-01T00:00:00Z', NULL, '{}')`).run();
      expect(() => db.prepare(`INSERT INTO promotion VALUES ('promo-2', NULL, NULL, NULL)`).run()).toThrow(/NOT NULL/);
      db.close();
    });
  });

  describe('till 0002-outbox-attempts', () => {
    it('keeps the outbox rows written before it, with no attempt time yet', () => {
      const db = new Database(freshFile());
      migrate(db, loadMigrations('till'), 1);
      db.prepare(`INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload, attempts) VALUES (1,'m','SALE','t','{}',1)`).run();
      expect(migrate(db, loadMigrations('till'), 2)).toEqual([2]);
      expect(db.prepare('SELECT sequence, status, attempts, last_attempt_at AS at FROM outbox').all()).toEqual([{ sequence: 1, status: 'pending', attempts: 1, at: null }]);
      db.close();
    });
  });

  describe('catalog 0004-price-schedule', () => {
    it('adds the price schedule next to the products, which it leaves as they were', () => {
      const db = new Database(freshFile());
      migrate(db, loadMigrations('catalog'), 3);
      db.prepare(`INSERT INTO product (id, barcode, name_ko, name_en, price, currency, tax_class, category) VALUES ('p1', '8800000000017', 'a', 'a', 1, 'KRW', 'VAT10', 'c')`).run();
      expect(migrate(db, loadMigrations('catalog'), 4)).toEqual([4]);
      db.prepare(`INSERT INTO price_schedule VALUES ('p1@t', 'p1', 2, '2027-01-01T00:00:00.000Z')`).run();
      expect(db.prepare('SELECT count(*) AS n FROM product').get()).toEqual({ n: 1 });
      db.close();
    });
  });

  describe('till 0005-store-config', () => {
    it('adds the store configuration table, empty, next to the journal', () => {
      const db = new Database(freshFile());
      migrate(db, loadMigrations('till'), 4);
      expect(migrate(db, loadMigrations('till'), 5)).toEqual([5]);
      expect(db.prepare('SELECT count(*) AS n FROM store_config').get()).toEqual({ n: 0 });
      const ins = db.prepare("INSERT INTO store_config (key, value, updated_at) VALUES ('k', '1', 't')");
      ins.run();
      expect(() => ins.run()).toThrow(/UNIQUE|PRIMARY/);
      db.close();
    });
  });

  describe('catalog 0001-catalog', () => {
    it('keeps one product per barcode', () => {
      const db = new Database(freshFile());
      migrate(db, loadMigrations('catalog'));
      const ins = db.prepare(`INSERT INTO product VALUES (?, '8800000000017', 'a', 'a', 1, 'KRW', 'VAT10', 'c')`);
      ins.run('p1');
      expect(() => ins.run('p2')).toThrow(/UNIQUE/);
      db.close();
    });
  });

  describe('till 0050-shift-events-outbox', () => {
    it('moves the shift events kept locally into the outbox after what is queued, in order, with who closed and when', () => {
      const db = new Database(freshFile());
      migrate(db, loadMigrations('till'), 49);
      // As the till before it left things: one sale queued (outbox 1), a shift and its events kept apart.
      db.prepare(`INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload) VALUES (1, 'm-sale', 'SALE', 't0', '{}')`).run();
      db.prepare(`INSERT INTO till_counter (name, value) VALUES ('outbox', 1)`).run();
      db.prepare(`INSERT INTO shift (id, staff_id, business_day, currency, float, opened_at, first_sequence) VALUES ('s1', 'staff-1', '2026-11-25', 'KRW', 1000, 't1', 1)`).run();
      db.prepare(`UPDATE shift SET closed_at = 't3', closed_by = 'staff-2', last_sequence = 1, counted = 900, counts = '{}', expected = 1000 WHERE id = 's1'`).run();
      db.prepare(`INSERT INTO business_day_close VALUES ('2026-11-25', 't4', 'staff-2', 1, '{"counted":900,"overShort":-100}')`).run();
      const event = db.prepare('INSERT INTO shift_event (mutation_id, kind, occurred_at, payload) VALUES (?, ?, ?, ?)');
      event.run('m-open', 'SHIFT_OPENED', 't1', JSON.stringify({ id: 's1', staffId: 'staff-1', businessDay: '2026-11-25', currency: 'KRW', float: 1000, openedAt: 't1' }));
      event.run('m-drop', 'CASH_MOVEMENT', 't2', JSON.stringify({ id: 'c1', shiftId: 's1', kind: 'drop', amount: 100, reason: 'safe', staffId: 'staff-1', at: 't2' }));
      event.run('m-close', 'SHIFT_CLOSED', 't3', JSON.stringify({ shiftId: 's1', counts: { 100: 9 }, counted: 900, expected: 1000 }));
      event.run('m-z', 'DAY_CLOSED', 't4', JSON.stringify({ businessDay: '2026-11-25', zNumber: 1, totals: { float: 1000 } }));

      expect(migrate(db, loadMigrations('till'), 50)).toEqual([50]);
      const rows = db.prepare('SELECT sequence, mutation_id AS id, kind, status, payload FROM outbox ORDER BY sequence').all() as { sequence: number; id: string; kind: string; status: string; payload: string }[];
      expect(rows.map((r) => [r.sequence, r.id, r.kind, r.status])).toEqual([
        [1, 'm-sale', 'SALE', 'pending'], [2, 'm-open', 'SHIFT_OPENED', 'pending'], [3, 'm-drop', 'CASH_MOVEMENT', 'pending'],
        [4, 'm-close', 'SHIFT_CLOSED', 'pending'], [5, 'm-z', 'DAY_CLOSED', 'pending'],
      ]);
      expect(JSON.parse(rows[3]?.payload ?? '')).toEqual({ shiftId: 's1', counts: { 100: 9 }, counted: 900, expected: 1000, closedAt: 't3', closedBy: 'staff-2' });
      expect(JSON.parse(rows[4]?.payload ?? '')).toEqual({ businessDay: '2026-11-25', zNumber: 1, totals: { float: 1000 }, closedAt: 't4', closedBy: 'staff-2', counted: 900, overShort: -100 });
      // The next outbox row takes 6; nothing is left behind in the old table.
      expect(db.prepare(`SELECT value FROM till_counter WHERE name = 'outbox'`).pluck().get()).toBe(5);
      expect(db.prepare('SELECT count(*) FROM shift_event').pluck().get()).toBe(0);
      db.close();
    });

    it('leaves a till that kept no shift events as it was', () => {
      const db = new Database(freshFile());
      migrate(db, loadMigrations('till'), 49);
      expect(migrate(db, loadMigrations('till'), 50)).toEqual([50]);
      expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM till_counter').pluck().get()).toBe(0);
      db.close();
    });
  });

  describe('till 0051-prune-pushed-enrolments', () => {
    it("blanks the phone and name of enrolments already answered, and keeps the ones still to send", () => {
      const db = new Database(freshFile());
      migrate(db, loadMigrations('till'), 50);
      const ins = db.prepare(`INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload, status) VALUES (?, ?, 'MEMBER_ENROLL', 't', ?, ?)`);
      ins.run(1, 'e1', JSON.stringify({ memberId: 'm1', phone: '01080801212', name: '정하늘', termsVersion: 't1' }), 'applied');
      ins.run(2, 'e2', JSON.stringify({ memberId: 'm2', phone: '01012345678', name: '김하나', termsVersion: 't1' }), 'pending');
      db.prepare(`INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload, status) VALUES (3, 's1', 'SALE', 't', '{"name":"kept"}', 'applied')`).run();
      expect(migrate(db, loadMigrations('till'), 51)).toEqual([51]);
      expect(db.prepare('SELECT payload FROM outbox ORDER BY sequence').pluck().all().map((p) => JSON.parse(p as string) as unknown)).toEqual([
        { memberId: 'm1', phone: '', name: '', termsVersion: 't1' },
        { memberId: 'm2', phone: '01012345678', name: '김하나', termsVersion: 't1' },
        { name: 'kept' },
      ]);
      db.close();
    });
  });
});
