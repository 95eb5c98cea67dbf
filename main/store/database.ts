import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadMigrations, migrate } from './migrate.ts';

export interface TillDatabases {
  /** Journal, outbox, staff, open sale: synchronous=FULL. */
  readonly till: Database.Database;
  /** Catalog cache: synchronous=NORMAL, it can be pulled again. */
  readonly catalog: Database.Database;
  close(): void;
}

function open(file: string, synchronous: 'FULL' | 'NORMAL'): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Opens (and migrates) the till's two SQLite files in its data directory. */
export function openTillDatabases(dataDir: string): TillDatabases {
  mkdirSync(dataDir, { recursive: true });
  const till = open(path.join(dataDir, 'till.db'), 'FULL');
  const catalog = open(path.join(dataDir, 'catalog.db'), 'NORMAL');
  try {
    migrate(till, loadMigrations('till'));
    migrate(catalog, loadMigrations('catalog'));
  } catch (e) {
    till.close();
    catalog.close();
    throw e;
  }
  return {
    till,
    catalog,
    close() {
      till.close();
      catalog.close();
    },
  };
}
