import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from './database.ts';
import { SqliteJournal } from './journal-repository.ts';
import { SqliteOutbox } from './outbox-repository.ts';
import { SqliteOpenSale } from './open-sale-repository.ts';
import { TEST_IDENTITY, tempDataDir } from './test-helpers.ts';
import { addItem } from '../core/basket.ts';
import { openSale, type OpenSale } from '../core/sale.ts';
import { KOREAN_VAT } from '../core/tax.ts';

let dbs: TillDatabases;
let cleanup: () => void;

beforeEach(() => {
  const t = tempDataDir();
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
});
afterEach(() => {
  dbs.close();
  cleanup();
});

function paidSale(id: string, cash: number): OpenSale {
  const s = openSale(id, 'staff-1', '2026-11-25T01:00:00.000Z', 'KRW');
  const b = addItem(s.basket, { id: 'p1', barcode: '8800000000017', name: { ko: '생수', en: 'Water' }, price: 1000, currency: 'KRW', taxClass: 'VAT10', category: 'd' }, 2, 'l1');
  if (!b.ok) throw new Error(b.message);
  return { ...s, basket: b.value, tenders: [{ id: `${id}-t`, kind: 'cash', amount: cash }] };
}

const facts = (m: string) => ({ completedAt: '2026-11-25T01:01:00.000Z', businessDay: '2026-11-25', mutationId: m });

describe('journal', () => {
  it('writes the sale, its lines, its tenders and its outbox row in one commit, and drops the draft', () => {
    const journal = new SqliteJournal(dbs.till, TEST_IDENTITY, KOREAN_VAT);
    const drafts = new SqliteOpenSale(dbs.till);
    const sale = paidSale('s1', 5000);
    drafts.save(sale);
    const done = journal.commitSale(sale, facts('m1'));
    expect(done).toMatchObject({ ok: true, value: { receiptNumber: '0001-01-000001', change: 3000 } });
    expect(dbs.till.prepare('SELECT count(*) AS n FROM sale_line').get()).toEqual({ n: 1 });
    expect(dbs.till.prepare('SELECT kind, amount FROM sale_tender').all()).toEqual([{ kind: 'cash', amount: 5000 }]);
    expect(new SqliteOutbox(dbs.till).pending(10)).toMatchObject([{ sequence: 1, mutationId: 'm1', kind: 'SALE', payload: { id: 's1' } }]);
    expect(drafts.load()).toBeUndefined();
  });

  it('numbers receipts without gaps, even when a commit is refused', () => {
    const journal = new SqliteJournal(dbs.till, TEST_IDENTITY, KOREAN_VAT);
    expect(journal.commitSale(paidSale('s1', 2000), facts('m1')).ok).toBe(true);
    expect(journal.commitSale(paidSale('s2', 100), facts('m2'))).toMatchObject({ ok: false, code: 'sale_not_paid' });
    expect(journal.commitSale(paidSale('s3', 2000), facts('m3'))).toMatchObject({ ok: true, value: { receiptNumber: '0001-01-000002' } });
    expect(new SqliteOutbox(dbs.till).pending(10).map((p) => p.sequence)).toEqual([1, 2]);
  });

  it('never writes the same sale twice', () => {
    const journal = new SqliteJournal(dbs.till, TEST_IDENTITY, KOREAN_VAT);
    journal.commitSale(paidSale('s1', 2000), facts('m1'));
    expect(() => journal.commitSale(paidSale('s1', 2000), facts('m2'))).toThrow(/UNIQUE/);
    expect(journal.recent(10)).toHaveLength(1);
  });

  it('lists recent sales with whether the central API has them', () => {
    const journal = new SqliteJournal(dbs.till, TEST_IDENTITY, KOREAN_VAT);
    const outbox = new SqliteOutbox(dbs.till);
    journal.commitSale(paidSale('s1', 2000), facts('m1'));
    journal.commitSale(paidSale('s2', 2000), facts('m2'));
    outbox.record([{ id: 'm1', status: 'APPLIED' }]);
    expect(journal.recent(10).map((e) => [e.receiptNumber, e.synced])).toEqual([
      ['0001-01-000002', false],
      ['0001-01-000001', true],
    ]);
    expect(outbox.stats()).toMatchObject({ queued: 1, quarantined: 0 });
    outbox.record([{ id: 'm2', status: 'REJECTED', code: 'bad', message: 'no' }]);
    expect(outbox.stats()).toEqual({ queued: 0, oldestQueuedAt: null, quarantined: 1 });
  });
});
