import type Database from 'better-sqlite3';

/** A config stream item: a key's new value (JSON, not yet validated), or its removal. */
export interface ConfigEntryChange {
  readonly key: string;
  readonly value: unknown;
  readonly deleted: boolean;
}

/** The store's configuration and offline policies on the till: the config stream's sink. */
export class SqliteStoreConfig {
  private readonly upsert;
  private readonly remove;
  private readonly selectOne;
  private readonly selectAll;
  private readonly getCursor;
  private readonly setCursor;

  constructor(private readonly db: Database.Database) {
    this.upsert = db.prepare(`INSERT INTO store_config (key, value, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
    this.remove = db.prepare('DELETE FROM store_config WHERE key = ?');
    this.selectOne = db.prepare('SELECT value FROM store_config WHERE key = ?').pluck();
    this.selectAll = db.prepare('SELECT key, value FROM store_config ORDER BY key');
    this.getCursor = db.prepare('SELECT cursor FROM stream_cursor WHERE stream = ?');
    this.setCursor = db.prepare(`INSERT INTO stream_cursor (stream, cursor, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`);
  }

  /** The value of a key as JSON data (undefined when the store has not set it): the caller validates it. */
  get(key: string): unknown {
    const v = this.selectOne.get(key) as string | undefined;
    return v === undefined ? undefined : (JSON.parse(v) as unknown);
  }

  all(): Record<string, unknown> {
    return Object.fromEntries((this.selectAll.all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value) as unknown]));
  }

  cursor(stream: string): string | null {
    return (this.getCursor.get(stream) as { cursor: string } | undefined)?.cursor ?? null;
  }

  /** Applies one page of the config stream and its cursor in one transaction. */
  applyPage(stream: string, items: readonly ConfigEntryChange[], cursor: string, reset: boolean): void {
    const at = new Date().toISOString();
    this.db.transaction(() => {
      if (reset) this.db.exec('DELETE FROM store_config');
      for (const c of items) {
        if (c.deleted) this.remove.run(c.key);
        else this.upsert.run(c.key, JSON.stringify(c.value), at);
      }
      this.setCursor.run(stream, cursor, at);
    })();
  }
}
