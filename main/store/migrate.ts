import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export type MigrationSet = 'till' | 'catalog';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Reads migrations/<set>/NNNN-name.sql in order. Forward only: there are no down migrations. */
export function loadMigrations(set: MigrationSet): Migration[] {
  const dir = path.join(here, 'migrations', set);
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(path.join(dir, file), 'utf8'),
    }));
}

export class UnknownMigrationError extends Error {
  constructor(version: number, known: number) {
    super(`this database has migration ${version}, but this build knows only up to ${known}: refusing to open it with older code`);
    this.name = 'UnknownMigrationError';
  }
}

/** Applies the migrations the database has not seen, each in its own transaction. Returns the versions applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[], upTo?: number): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migration').all() as { version: number }[]).map((r) => r.version),
  );
  const known = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  for (const v of applied) if (v > known) throw new UnknownMigrationError(v, known);
  const record = db.prepare('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version) || (upTo !== undefined && m.version > upTo)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
    done.push(m.version);
  }
  return done;
}
