import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from './database.ts';
import { SqliteJournal } from './journal-repository.ts';
import { SqliteOutbox } from './outbox-repository.ts';
import { SqliteOpenSale } from './open-sale-repository.ts';
import { SqlitePostVoids } from './post-void-repository.ts';
import { SqliteTrainingJournal } from './training-journal-repository.ts';
import { TEST_IDENTITY, tempDataDir } from './test-helpers.ts';
import { addItem } from '../core/basket.ts';
import { type CompletedSale, type OpenSale, openSale } from '../core/sale.ts';
import { postVoidDraft } from '../core/post-void.ts';
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

function paid(id: string): OpenSale {
  const s = openSale(id, 'staff-1', '2026-11-25T01:00:00.000Z', 'KRW');
  const b = addItem(s.basket, { id: 'p1', barcode: '8800000000017', name: { ko: '생수' }, price: 1000, currency: 'KRW', taxClass: 'VAT10', category: 'd' }, 2, 'l1');
  if (!b.ok) throw new Error(b.message);
  return { ...s, basket: b.value, tenders: [{ id: `${id}-t`, kind: 'cash', amount: 5000 }] };
}
const facts = (m: string) => ({ completedAt: '2026-11-25T01:01:00.000Z', businessDay: '2026-11-25', mutationId: m });

function committed(id: string): CompletedSale {
  const r = new SqliteJournal(dbs.till, TEST_IDENTITY, KOREAN_VAT).commitSale(paid(id), facts(`m-${id}`));
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
const draftOf = (sale: CompletedSale, voidId: string) => {
  const d = postVoidDraft(sale, voidId, 'staff-1', 'sup-1', [{ id: `${voidId}-t`, kind: 'cash', amount: sale.totals.total, originalTenderId: sale.tenders[0]?.id ?? '' }]);
  if (!d.ok) throw new Error(d.message);
  return d.value;
};

describe('post-voids in the journal', () => {
  it('writes the void apart from the sale with its own number and a POST_VOID outbox row, and leaves the sale as it was', () => {
    const sale = committed('s1');
    const voids = new SqlitePostVoids(dbs.till, TEST_IDENTITY);
    const r = voids.commitVoid(draftOf(sale, 'v1'), { completedAt: '2026-11-25T02:00:00.000Z', businessDay: '2026-11-25', mutationId: 'mv1' });
    expect(r).toMatchObject({ ok: true, value: { voidNumber: '0001-01-V000001', original: { saleId: 's1', receiptNumber: sale.receiptNumber } } });
    expect(voids.voidOf('s1')).toBe('0001-01-V000001');
    expect(new SqliteOutbox(dbs.till).pending(10).map((e) => e.kind)).toEqual(['SALE', 'POST_VOID']);
    expect(voids.saleById('s1')).toEqual(sale);
    expect(voids.moneyBetween('2026-11-25T00:00:00.000Z', null)).toEqual([{ total: 2000, cash: 2000, other: 0 }]);
  });

  it('refuses a second post-void of a sale, and the database refuses it whatever the code does', () => {
    const sale = committed('s1');
    const voids = new SqlitePostVoids(dbs.till, TEST_IDENTITY);
    voids.commitVoid(draftOf(sale, 'v1'), facts('mv1'));
    expect(voids.commitVoid(draftOf(sale, 'v2'), facts('mv2'))).toMatchObject({ ok: false, code: 'void_already' });
    // Nothing of the refused one stayed: no second outbox row, no number taken.
    expect(new SqliteOutbox(dbs.till).pending(10).map((e) => e.kind)).toEqual(['SALE', 'POST_VOID']);
    expect(() => dbs.till.prepare("UPDATE post_void SET total = 0 WHERE id = 'v1'").run()).toThrow(/append-only/);
  });

  it('refuses to void a sale partly returned, and to return a sale voided', () => {
    const returned = committed('s1');
    dbs.till.prepare(`INSERT INTO sale_return (id, return_number, sequence, original_sale_id, original_receipt, business_day, staff_id, completed_at, currency, refund_total, taxable_supply, tax, tax_free, document)
      VALUES ('r1', '0001-01-R000001', 1, 's1', ?, '2026-11-25', 'staff-1', '2026-11-25T01:30:00.000Z', 'KRW', 1000, 909, 91, 0, '{}')`).run(returned.receiptNumber);
    const voids = new SqlitePostVoids(dbs.till, TEST_IDENTITY);
    expect(voids.hasReturns('s1')).toBe(true);
    expect(voids.commitVoid(draftOf(returned, 'v1'), facts('mv1'))).toMatchObject({ ok: false, code: 'void_returned' });

    const voided = committed('s2');
    voids.commitVoid(draftOf(voided, 'v2'), facts('mv2'));
    expect(() =>
      dbs.till.prepare(`INSERT INTO sale_return (id, return_number, sequence, original_sale_id, original_receipt, business_day, staff_id, completed_at, currency, refund_total, taxable_supply, tax, tax_free, document)
        VALUES ('r2', '0001-01-R000002', 2, 's2', ?, '2026-11-25', 'staff-1', '2026-11-25T01:30:00.000Z', 'KRW', 1000, 909, 91, 0, '{}')`).run(voided.receiptNumber),
    ).toThrow(/sale_voided/);
  });

  it('knows the terminal reference of the latest card booking, so only that one is reversed', () => {
    const voids = new SqlitePostVoids(dbs.till, TEST_IDENTITY);
    expect(voids.lastCardReference()).toBeNull();
    const card = (id: string, ref: string, at: string): OpenSale => ({
      ...paid(id), tenders: [{ id: `${id}-c`, kind: 'card', amount: 2000, card: { scheme: 'VISA', maskedPan: '****1', approvalCode: 'A', terminalRef: ref } }],
    });
    const journal = new SqliteJournal(dbs.till, TEST_IDENTITY, KOREAN_VAT);
    journal.commitSale(card('c1', 'T/1', '1'), { ...facts('mc1'), completedAt: '2026-11-25T01:00:00.000Z' });
    journal.commitSale(card('c2', 'T/2', '2'), { ...facts('mc2'), completedAt: '2026-11-25T01:05:00.000Z' });
    expect(voids.lastCardReference()).toBe('T/2');
  });
});

describe('training sales', () => {
  it('are committed apart with their own T-numbers and no outbox row, and the draft goes with the commit', () => {
    const drafts = new SqliteOpenSale(dbs.till);
    const training = new SqliteTrainingJournal(dbs.till, TEST_IDENTITY, KOREAN_VAT);
    const sale = { ...paid('t1'), training: true as const };
    drafts.save(sale);
    expect(training.commitSale(sale, facts('x'))).toMatchObject({ ok: true, value: { receiptNumber: 'T0001-01-000001', training: true } });
    expect(training.commitSale({ ...paid('t2'), training: true }, facts('y'))).toMatchObject({ ok: true, value: { receiptNumber: 'T0001-01-000002' } });
    expect(drafts.load()).toBeUndefined();
    expect(new SqliteOutbox(dbs.till).pending(10)).toEqual([]);
    expect(dbs.till.prepare('SELECT count(*) FROM sale').pluck().get()).toBe(0);
    // A real sale keeps its own series, untouched by training.
    expect(committed('s1').receiptNumber).toBe('0001-01-000001');
    expect(training.findById('t1')?.training).toBe(true);
  });

  it('take no number for a sale that cannot complete', () => {
    const training = new SqliteTrainingJournal(dbs.till, TEST_IDENTITY, KOREAN_VAT);
    expect(training.commitSale({ ...paid('t1'), tenders: [], training: true }, facts('x'))).toMatchObject({ ok: false, code: 'sale_not_paid' });
    expect(training.commitSale({ ...paid('t2'), training: true }, facts('y'))).toMatchObject({ ok: true, value: { receiptNumber: 'T0001-01-000001' } });
  });
});
