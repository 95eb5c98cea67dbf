import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from '../store/database.ts';
import { SqliteJournal } from '../store/journal-repository.ts';
import { SqliteJournalSearch } from '../store/journal-search-repository.ts';
import { TEST_IDENTITY, tempDataDir } from '../store/test-helpers.ts';
import { addItem } from '../core/basket.ts';
import { openSale } from '../core/sale.ts';
import type { Tender } from '../core/tender.ts';
import { KOREAN_VAT } from '../core/tax.ts';
import type { PrintDocument, ReceiptPrinter } from '../../drivers/printer/types.ts';
import { JOURNAL_MESSAGES, JournalService } from './journal-service.ts';

let dbs: TillDatabases;
let cleanup: () => void;
let journal: SqliteJournal;
let printed: PrintDocument[];

const printer = { print: async (doc: PrintDocument) => (printed.push(doc), { ok: true as const }) } as unknown as ReceiptPrinter;
const desk = (p: ReceiptPrinter | null = printer) =>
  new JournalService({ journal, search: new SqliteJournalSearch(dbs.till), identity: TEST_IDENTITY, staff: { list: () => [] }, printer: p });
const card = (last4: string): Tender => ({ id: `t-${last4}`, kind: 'card', amount: 0, card: { scheme: 'VISA', maskedPan: `************${last4}`, approvalCode: 'A', terminalRef: 'r' } });

let n = 0;
/** Commits a sale of `quantity` x 1,500 won 생수 on `day`, paid by `tender` (card amounts are filled in). */
function sell(day: string, quantity: number, tender: Tender): string {
  const id = `sale-${++n}`;
  const s = openSale(id, 'staff-1', `${day}T01:00:00.000Z`, 'KRW');
  const b = addItem(s.basket, { id: 'p1', barcode: '8800000000017', name: { ko: '생수', en: 'Water' }, price: 1500, currency: 'KRW', taxClass: 'VAT10', category: 'd' }, quantity, `${id}-l`);
  if (!b.ok) throw new Error(b.message);
  const paid = tender.kind === 'card' ? { ...tender, amount: 1500 * quantity } : tender;
  const r = journal.commitSale({ ...s, basket: b.value, tenders: [paid] }, { completedAt: `${day}T01:05:00.000Z`, businessDay: day, mutationId: `m-${id}` });
  if (!r.ok) throw new Error(r.message);
  return r.value.receiptNumber;
}
const text = (doc: PrintDocument | undefined) =>
  (doc?.blocks ?? []).map((b) => (b.kind === 'text' ? b.text : b.kind === 'columns' ? `${b.left} ${b.right}` : b.kind === 'barcode' ? `[${b.data}]` : '')).join('\n');

beforeEach(() => {
  const t = tempDataDir();
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
  journal = new SqliteJournal(dbs.till, TEST_IDENTITY, KOREAN_VAT);
  printed = [];
  sell('2026-11-24', 1, { id: 'c1', kind: 'cash', amount: 2000 });
  sell('2026-11-25', 2, card('1234'));
  sell('2026-11-25', 3, card('9876'));
});
afterEach(() => {
  dbs.close();
  cleanup();
});

describe('electronic journal', () => {
  it('finds a sale by its whole receipt number or its last digits', () => {
    expect(desk().search({ receiptNumber: '0001-01-000002', limit: 10 }).map((h) => h.total)).toEqual([3000]);
    expect(desk().search({ receiptNumber: '3', limit: 10 }).map((h) => h.receiptNumber)).toEqual(['0001-01-000003']);
  });

  it('finds sales by business day, by amount and by the last four digits of the card, newest first', () => {
    expect(desk().search({ businessDay: '2026-11-25', limit: 10 }).map((h) => h.total)).toEqual([4500, 3000]);
    expect(desk().search({ amount: 1500, limit: 10 }).map((h) => h.businessDay)).toEqual(['2026-11-24']);
    expect(desk().search({ cardLastFour: '1234', limit: 10 })).toMatchObject([{ total: 3000, tenders: ['card VISA ************1234'] }]);
  });

  it('combines criteria and honours the limit', () => {
    expect(desk().search({ businessDay: '2026-11-25', cardLastFour: '1234', amount: 4500, limit: 10 })).toEqual([]);
    expect(desk().search({ limit: 2 })).toHaveLength(2);
  });

  it('reprints a receipt marked as a copy', async () => {
    const [hit] = desk().search({ cardLastFour: '9876', limit: 1 });
    expect(await desk().reprint(hit?.saleId ?? '', false)).toEqual({ ok: true, value: { printed: true } });
    expect(text(printed[0])).toMatch(/^\*\*\* 재발행 \*\*\*/);
    expect(text(printed[0])).toContain('4,500');
  });

  it('prints a gift receipt with the items and the receipt number but no price', async () => {
    const [hit] = desk().search({ cardLastFour: '9876', limit: 1 });
    await desk().reprint(hit?.saleId ?? '', true);
    const gift = text(printed[0]);
    expect(gift).toContain('교환권');
    expect(gift).toContain('생수 x 3');
    expect(gift).toContain('[0001-01-000003]');
    expect(gift).not.toMatch(/4,500|1,500|9876/);
  });

  it('refuses an unknown sale and says when there is no printer', async () => {
    expect(await desk().reprint('nope', false)).toEqual({ ok: false, code: 'sale_unknown', message: JOURNAL_MESSAGES.saleUnknown('nope') });
    const [hit] = desk().search({ limit: 1 });
    expect(await desk(null).reprint(hit?.saleId ?? '', false)).toEqual({ ok: true, value: { printed: false, error: JOURNAL_MESSAGES.noPrinter } });
  });
});
