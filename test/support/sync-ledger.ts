import Database from 'better-sqlite3';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { addItem } from '../../main/core/basket.ts';
import type { Product } from '../../main/core/product.ts';
import { openSale } from '../../main/core/sale.ts';
import { KOREAN_VAT } from '../../main/core/tax.ts';
import { openTillDatabases, type TillDatabases } from '../../main/store/database.ts';
import { SqliteCatalog } from '../../main/store/catalog-repository.ts';
import { SqliteJournal } from '../../main/store/journal-repository.ts';
import { SqliteOutbox } from '../../main/store/outbox-repository.ts';
import { SqliteStaff } from '../../main/store/staff-repository.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { demoTillIdentity, demoTills, type DemoTill } from '../../fixtures/demo-store/store.ts';

/** One line of a ledger: a sale by id and amount. */
export interface LedgerLine {
  readonly id: string;
  readonly total: number;
}

/** A till's store in-process (real SQLite files), able to ring sales the way the lane commits them. */
export interface TillStore {
  readonly dbs: TillDatabases;
  readonly journal: SqliteJournal;
  readonly outbox: SqliteOutbox;
  readonly catalog: SqliteCatalog;
  readonly staff: SqliteStaff;
  /** Commits a cash sale (journal + outbox row in one transaction); returns its id. */
  ring(options?: { at?: Date; items?: readonly Product[] }): string;
  close(): void;
}

const BASKETS: readonly (readonly Product[])[] = [
  [DEMO_PRODUCTS.ramen, DEMO_PRODUCTS.water],
  [DEMO_PRODUCTS.banana],
  [DEMO_PRODUCTS.water, DEMO_PRODUCTS.water, DEMO_PRODUCTS.ramen],
];

export function openTillStore(dataDir: string, till: DemoTill = demoTills[0] as DemoTill): TillStore {
  const dbs = openTillDatabases(dataDir);
  const journal = new SqliteJournal(dbs.till, demoTillIdentity(till), KOREAN_VAT);
  let k = 0;
  return {
    dbs,
    journal,
    outbox: new SqliteOutbox(dbs.till),
    catalog: new SqliteCatalog(dbs.catalog),
    staff: new SqliteStaff(dbs.till),
    ring(options = {}) {
      const at = options.at ?? new Date();
      const items = options.items ?? BASKETS[k++ % BASKETS.length] ?? [];
      const s = openSale(uuidv7(), 'staff-0001', at.toISOString(), 'KRW');
      let basket = s.basket;
      for (const p of items) {
        const r = addItem(basket, p, 1, uuidv7());
        if (!r.ok) throw new Error(r.message);
        basket = r.value;
      }
      const total = items.reduce((a, p) => a + p.price, 0);
      const r = journal.commitSale({ ...s, basket, tenders: [{ id: uuidv7(), kind: 'cash', amount: total }] }, {
        completedAt: at.toISOString(), businessDay: at.toISOString().slice(0, 10), mutationId: uuidv7(),
      });
      if (!r.ok) throw new Error(r.message);
      return s.id;
    },
    close: () => dbs.close(),
  };
}

/** The till's journal as a ledger, by sale id. */
export function tillLedger(source: Database.Database | string): LedgerLine[] {
  const db = typeof source === 'string' ? new Database(path.join(source, 'till.db'), { readonly: true }) : source;
  try {
    return db.prepare('SELECT id, total FROM sale ORDER BY id').all() as LedgerLine[];
  } finally {
    if (typeof source === 'string') db.close();
  }
}

/** What the central server recorded from one till, by sale id (a sale stored twice would show twice). */
export function centralLedger(db: Database.Database, tillId: string): LedgerLine[] {
  return db.prepare('SELECT id, total FROM sale WHERE till_id = ? ORDER BY id').all(tillId) as LedgerLine[];
}

/** Mutations the central server applied for a till, by sequence: each once, gapless from 1. */
export function centralSequences(db: Database.Database, tillId: string): number[] {
  return db.prepare('SELECT sequence FROM till_mutation WHERE till_id = ? ORDER BY sequence').pluck().all(tillId) as number[];
}
