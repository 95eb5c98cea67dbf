import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from '../store/database.ts';
import { SqliteSuspendedSales } from '../store/suspended-sale-repository.ts';
import { SqliteOutbox } from '../store/outbox-repository.ts';
import { TEST_IDENTITY, tempDataDir } from '../store/test-helpers.ts';
import { openSale, type OpenSale } from '../core/sale.ts';
import type { Result } from '../core/result.ts';
import type { ClaimAnswer } from '../core/suspended-sale.ts';
import { SuspendedSaleService } from './suspended-sale-service.ts';
import type { Lane } from './lane.ts';

let dbs: TillDatabases;
let cleanup: () => void;
let suspended: SqliteSuspendedSales;
let answer: ClaimAnswer;
let online: boolean;
let seq = 0;

const line = { lineId: 'l1', productId: 'p1', barcode: '8809100000017', name: { ko: '라면' }, unitPrice: 1100, quantity: 2, taxClass: 'VAT10', voided: false };
const saleOf = (id: string): OpenSale => ({ ...openSale(id, 'staff-1', '2026-12-04T01:00:00.000Z', 'KRW'), basket: { currency: 'KRW', lines: [line] } });

/** The lane's part: it answers what `take` brings (the real lane then makes it the open sale and answers its view). */
const lane = { resumeWith: <C extends string>(take: (staffId: string) => Promise<Result<OpenSale, C>>) => take('staff-2') } as unknown as Pick<Lane, 'resumeWith'>;
function service(): SuspendedSaleService {
  return new SuspendedSaleService({
    suspended,
    client: { list: async () => ({ ok: true, value: [] }), claim: async () => (answer ? { ok: true, value: answer } : { ok: false, code: 'unreachable', message: 'down' }) },
    lane,
    identity: TEST_IDENTITY,
    online: () => online,
    clock: { now: () => new Date('2026-12-04T02:00:00.000Z') },
    ids: { newId: () => `id-${++seq}` },
    poke: () => undefined,
  });
}

beforeEach(() => {
  const t = tempDataDir();
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
  suspended = new SqliteSuspendedSales(dbs.till);
  online = true;
});
afterEach(() => {
  dbs.close();
  cleanup();
});

describe('resuming a suspended sale', () => {
  it('takes another till\'s sale from the claim, lines and prices as they were rung', async () => {
    answer = { kind: 'claimed', document: JSON.stringify(saleOf('sale-b')) };
    const r = await service().resume('sale-b');
    expect(r).toMatchObject({ ok: true, value: { id: 'sale-b', basket: { lines: [{ unitPrice: 1100, quantity: 2 }] } } });
  });

  it('refuses a document from the centre that is not an open sale of this currency, or names another sale, and keeps nothing', async () => {
    for (const document of ['not json', JSON.stringify({ id: 'sale-b' }), JSON.stringify({ ...saleOf('sale-b'), basket: { currency: 'USD', lines: [line] } }), JSON.stringify(saleOf('sale-c')),
      JSON.stringify({ ...saleOf('sale-b'), tenders: [{ id: 't', kind: 'cash', amount: 1 }] })]) {
      answer = { kind: 'claimed', document };
      expect(await service().resume('sale-b')).toMatchObject({ ok: false, code: 'suspended_malformed' });
    }
    expect(dbs.till.prepare('SELECT count(*) FROM open_sale').pluck().get()).toBe(0);
  });

  it('resumes this till\'s own sale offline and queues the resume for the centre in the same transaction', async () => {
    suspended.suspend(saleOf('sale-a'), { total: 2200, itemCount: 2 }, '2026-12-04T01:30:00.000Z');
    online = false;
    answer = null;
    expect(await service().resume('sale-a')).toMatchObject({ ok: true, value: { id: 'sale-a' } });
    expect(suspended.has('sale-a')).toBe(false);
    expect(new SqliteOutbox(dbs.till).pending(10)).toMatchObject([{ kind: 'SUSPENDED_SALE_RESUMED', payload: { saleId: 'sale-a', staffId: 'staff-2' } }]);
  });

  it('forgets this till\'s own sale when the centre says another till took it, and says which', async () => {
    suspended.suspend(saleOf('sale-a'), { total: 2200, itemCount: 2 }, '2026-12-04T01:30:00.000Z');
    answer = { kind: 'taken', tillNumber: '02' };
    expect(await service().resume('sale-a')).toMatchObject({ ok: false, code: 'suspended_taken', message: 'till 02 already resumed this suspended sale' });
    expect(suspended.has('sale-a')).toBe(false);
    expect(new SqliteOutbox(dbs.till).pending(10)).toEqual([]);
  });

  it('does not resume another till\'s sale offline', async () => {
    online = false;
    expect(await service().resume('sale-b')).toMatchObject({ ok: false, code: 'suspended_offline' });
  });
});
