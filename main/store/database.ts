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
  // 64 MB of page cache (the default is 2 MB): a 1,000,000-product catalog's indexes then stay in
  // memory while a snapshot is written, which makes the first download about a third faster.
  catalog.pragma('cache_size = -65536');
  // Checkpoint the WAL every 20,000 pages (80 MB) rather than 1,000: each checkpoint rewrites the
  // catalog's scattered index pages, and at the default a snapshot spends most of its time there.
  catalog.pragma('wal_autocheckpoint = 20000');
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
