import type Database from 'better-sqlite3';

export interface StaffRecord {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly pinSalt: string;
  readonly pinHash: string;
}

export type StaffChange = StaffRecord & { readonly deleted?: boolean };

/** Staff as pulled from the central API, so a cashier can sign in while the till is offline. */
export class SqliteStaff {
  private readonly all;
  private readonly upsert;
  private readonly remove;
  private readonly getCursor;
  private readonly setCursor;

  constructor(private readonly db: Database.Database) {
    this.all = db.prepare('SELECT id, name, role, pin_salt AS pinSalt, pin_hash AS pinHash FROM staff ORDER BY id');
    this.upsert = db.prepare(`INSERT INTO staff (id, name, role, pin_salt, pin_hash) VALUES (@id, @name, @role, @pinSalt, @pinHash)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, pin_salt = excluded.pin_salt, pin_hash = excluded.pin_hash`);
    this.remove = db.prepare('DELETE FROM staff WHERE id = ?');
    this.getCursor = db.prepare('SELECT cursor FROM stream_cursor WHERE stream = ?');
    this.setCursor = db.prepare(`INSERT INTO stream_cursor (stream, cursor, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`);
  }

  list(): StaffRecord[] {
    return this.all.all() as StaffRecord[];
  }

  cursor(stream: string): string | null {
    return (this.getCursor.get(stream) as { cursor: string } | undefined)?.cursor ?? null;
  }

  applyPage(stream: string, items: readonly StaffChange[], cursor: string, reset: boolean): void {
    this.db.transaction(() => {
      if (reset) this.db.exec('DELETE FROM staff');
      for (const s of items) {
        if (s.deleted) this.remove.run(s.id);
        else this.upsert.run({ id: s.id, name: s.name, role: s.role, pinSalt: s.pinSalt, pinHash: s.pinHash });
      }
      this.setCursor.run(stream, cursor, new Date().toISOString());
    })();
  }
}
