import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from './database.ts';
import { SqliteOutbox } from './outbox-repository.ts';
import { RETURN_STORE_MESSAGES, SqliteReturns } from './return-repository.ts';
import { SqliteCatalog } from './catalog-repository.ts';
import { SqlitePriceHistory } from './price-history-repository.ts';
import { TEST_IDENTITY, tempDataDir } from './test-helpers.ts';
import { KOREAN_VAT } from '../core/tax.ts';
import type { ReturnDraft } from '../core/returns/sale-return.ts';

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

/** Takes back `quantity` of line l1 (two sold) of sale s1, refunding 1,000 each in cash. */
const draft = (id: string, quantity: number): ReturnDraft => ({
  id, staffId: 'staff-1', approvedBy: null, currency: 'KRW',
  original: { saleId: 's1', receiptNumber: '0001-01-000001', soldAt: '2026-11-25T01:01:00.000Z', source: 'till' },
  lines: [{ lineId: `${id}-l`, originalLineId: 'l1', productId: 'p1', barcode: '8800000000017', name: { ko: '생수' }, taxClass: 'VAT10', quantity, soldQuantity: 2, refund: 1000 * quantity, condition: 'unopened', disposition: 'restock' }],
  tenders: [{ id: `${id}-t`, kind: 'cash', amount: 1000 * quantity, originalTenderId: 's1-t' }],
});
const facts = (m: string) => ({ completedAt: '2026-11-26T01:00:00.000Z', businessDay: '2026-11-26', mutationId: m });

describe('returns in the journal', () => {
  it('writes the return with its lines, refund tenders and RETURN outbox row, numbered apart from sales', () => {
    const returns = new SqliteReturns(dbs.till, TEST_IDENTITY, KOREAN_VAT);
    const done = returns.commitReturn(draft('r1', 1), facts('m1'));
    expect(done).toMatchObject({ ok: true, value: { receiptNumber: '0001-01-R000001', totals: { total: 1000, taxableSupply: 910, tax: 90 } } });
    expect(returns.returnsOf('s1')).toEqual({ lines: [{ originalLineId: 'l1', quantity: 1, refund: 1000 }], tenders: [{ originalTenderId: 's1-t', amount: 1000 }] });
    expect(new SqliteOutbox(dbs.till).pending(10)).toMatchObject([{ kind: 'RETURN', mutationId: 'm1', payload: { id: 'r1', receiptNumber: '0001-01-R000001' } }]);
    expect(returns.findById('r1')?.lines[0]?.disposition).toBe('restock');
  });

  it('refuses taking back more than was sold, and records nothing of the refused return (no number, no outbox row)', () => {
    const returns = new SqliteReturns(dbs.till, TEST_IDENTITY, KOREAN_VAT);
    expect(returns.commitReturn(draft('r1', 1), facts('m1')).ok).toBe(true);
    // Tried: two more of a line of which two were sold and one is already back. Kept: the first return only.
    expect(returns.commitReturn(draft('r2', 2), facts('m2'))).toEqual({ ok: false, code: 'over_return', message: RETURN_STORE_MESSAGES.overReturn });
    expect(returns.findById('r2')).toBeUndefined();
    expect(new SqliteOutbox(dbs.till).pending(10).map((e) => e.mutationId)).toEqual(['m1']);
    expect(returns.commitReturn(draft('r3', 1), facts('m3'))).toMatchObject({ ok: true, value: { receiptNumber: '0001-01-R000002' } });
  });

  it('keeps the journal append-only', () => {
    const returns = new SqliteReturns(dbs.till, TEST_IDENTITY, KOREAN_VAT);
    returns.commitReturn(draft('r1', 1), facts('m1'));
    expect(() => dbs.till.prepare("UPDATE sale_return SET refund_total = 0 WHERE id = 'r1'").run()).toThrow(/append-only/);
    expect(() => dbs.till.prepare("DELETE FROM sale_return_line WHERE return_id = 'r1'").run()).toThrow(/append-only/);
  });

  it('remembers each shelf price a product had (catalog 0030), for receipt-less returns', () => {
    const catalog = new SqliteCatalog(dbs.catalog);
    const water = { id: 'p1', barcode: '8800000000017', name: { ko: '생수' }, price: 1000, currency: 'KRW', taxClass: 'VAT10', category: 'drinks', deleted: false };
    // The first download is a snapshot: it has no earlier price to remember. Changes pulled once the
    // stream has caught up (as the puller says) are remembered.
    catalog.applyPage('catalog', [water], 'c1', false);
    catalog.caughtUp();
    catalog.applyPage('catalog', [{ ...water, price: 800 }], 'c2', false);
    catalog.applyPage('catalog', [{ ...water, price: 1200 }], 'c3', false);
    expect(new SqlitePriceHistory(dbs.catalog).since('p1', '2000-01-01T00:00:00Z').map((h) => h.price)).toEqual([1000, 800]);
  });
});
