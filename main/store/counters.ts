import type Database from 'better-sqlite3';

/** Gapless per-till counters. Call inside the transaction that uses the number. */
export function counterTaker(db: Database.Database): (name: string) => number {
  const next = db.prepare(
    `INSERT INTO till_counter (name, value) VALUES (?, 1)
     ON CONFLICT (name) DO UPDATE SET value = value + 1
     RETURNING value`,
  );
  return (name) => (next.get(name) as { value: number }).value;
}
