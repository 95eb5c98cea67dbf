import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import type { CentralResult } from '../../sync/central-client.ts';
import type { StockLookup } from '../../sync/stock-client.ts';
import { StockService } from './stock-service.ts';

const water = DEMO_PRODUCTS.water;
const service = (answer: CentralResult<StockLookup>) =>
  new StockService({ lookup: async () => answer, findByBarcode: (b) => (b === water.barcode ? water : undefined) });

describe('stock lookup at the till', () => {
  it('names the product from the till catalog and keeps the central figures as they came', async () => {
    const level = { storeId: 's2', storeName: '잠실점', onHand: 4, location: 'A-01-1', distanceKm: 5.8, updatedAt: '2026-11-25T00:00:00Z' };
    const r = await service({ ok: true, value: { barcode: water.barcode, productId: water.id, here: { ...level, storeName: '강남점', distanceKm: 0, onHand: 0 }, nearby: [level] } }).lookup(water.barcode);
    expect(r).toEqual({
      ok: true,
      value: { barcode: water.barcode, name: water.name, here: { storeId: 's2', storeName: '강남점', onHand: 0, location: 'A-01-1', distanceKm: 0 }, nearby: [{ storeId: 's2', storeName: '잠실점', onHand: 4, location: 'A-01-1', distanceKm: 5.8 }] },
    });
  });

  it.each(['unreachable', 'timeout', 'http_5xx'] as const)('calls a central API that is %s offline, never a stale figure', async (code) => {
    expect(await service({ ok: false, code, message: 'down' }).lookup(water.barcode)).toMatchObject({ ok: false, code: 'central_offline' });
  });

  it.each(['invalid_response', 'unauthenticated', 'request_rejected'] as const)('reports a central answer that is %s as a central error', async (code) => {
    expect(await service({ ok: false, code, message: 'bad' }).lookup(water.barcode)).toMatchObject({ ok: false, code: 'central_error', message: expect.stringContaining('bad') });
  });
});
