import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreOrder } from '../main/core/pickup/store-order.ts';
import { startCentral, type Central } from '../fixtures/central/server.ts';
import { DEMO_PRODUCTS } from '../fixtures/demo-store/products.ts';
import { demoTills } from '../fixtures/demo-store/store.ts';
import { z } from 'zod';
import { createCentralCall, createCentralClient, lenientPage } from './central-client.ts';
import { createOrderClient, pullOrders } from './order-client.ts';
import type { StreamSinkPort } from './ports.ts';
import { type SyncLoop, type SyncStatus, startSyncLoop } from './sync-loop.ts';
import { MemoryOutbox, eventually, memorySinks } from './test-helpers.ts';

const till = demoTills[0];
if (!till) throw new Error('demo till missing');

/** The pickup desk's orders as a store would keep them: by number, with the cursor. */
class OrderSink implements StreamSinkPort<StoreOrder> {
  readonly orders = new Map<string, StoreOrder>();
  private at: string | null = null;
  cursor(): string | null {
    return this.at;
  }
  applyPage(_stream: string, items: readonly StoreOrder[], cursor: string): void {
    for (const o of items) this.orders.set(o.number, o);
    this.at = cursor;
  }
}

describe('the order stream with a malformed order in it', () => {
  let central: Central | undefined;
  let loop: SyncLoop | undefined;
  afterEach(async () => {
    await loop?.stop();
    await central?.close();
    vi.restoreAllMocks();
  });

  it('skips that order with a warning in the sync status and the log, and applies the rest of the page', async () => {
    central = await startCentral({ dbPath: ':memory:' });
    const place = (number: string) =>
      central?.admin.createOnlineOrder({ storeId: till.storeId, number, fulfilment: 'PICKUP', customerName: '박서준', phone: '010-2222-3333', lines: [{ barcode: DEMO_PRODUCTS.ramen.barcode, quantity: 1 }] });
    place('7000000001');
    place('7000000002');
    place('7000000003');
    // A row the centre serves but that is not the contract: its pickup code has letters the QR never uses.
    central.db.prepare("UPDATE online_order SET pickup_code = 'bad!' WHERE number = '7000000002'").run();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const orders = new OrderSink();
    const statuses: SyncStatus[] = [];
    const orderApi = createOrderClient(createCentralCall({ endpoint: central.url, token: till.token }));
    loop = startSyncLoop({
      client: createCentralClient({ endpoint: central.url, token: till.token }), outbox: new MemoryOutbox(), sinks: memorySinks(),
      streams: [() => pullOrders(orderApi, orders)], intervalMs: 60_000, onStatus: (s) => statuses.push(s),
    });
    await eventually(() => statuses.length > 0);

    expect([...orders.orders.keys()].sort()).toEqual(['7000000001', '7000000003']);
    const status = loop.status();
    expect(status).toMatchObject({ online: true, lastError: null, lastPullAt: expect.any(String) });
    expect(status.skipped).toEqual([{ stream: 'order', id: '7000000002', reason: expect.stringMatching(/^pickupCode: /), at: expect.any(String) }]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('skipped an item of the order stream that is not the contract (7000000002)'));

    // Mended at the centre (a new version): the next pull brings it, and nothing else comes twice.
    central.db.prepare("UPDATE online_order SET pickup_code = 'ABC234', version = (SELECT max(version) + 1 FROM online_order) WHERE number = '7000000002'").run();
    central.db.prepare("UPDATE stream SET version = (SELECT max(version) FROM online_order) WHERE name = 'order'").run();
    const again = await pullOrders(orderApi, orders);
    expect(again).toMatchObject({ items: 1 });
    expect(again.skipped).toBeUndefined();
    expect(orders.orders.get('7000000002')?.pickupCode).toBe('ABC234');
  });

  it('still refuses a page that is itself not the contract (no cursor, or items that are not a list)', () => {
    const page = lenientPage(z.object({ number: z.string() }));
    expect(page.safeParse({ items: [{ number: '1' }], hasMore: false, resetRequired: false }).success).toBe(false);
    expect(page.safeParse({ items: { number: '1' }, cursor: 'c', hasMore: false, resetRequired: false }).success).toBe(false);
    expect(page.parse({ items: [{ number: '1' }, { number: 2 }, 'garbage'], cursor: 'c', hasMore: false, resetRequired: false })).toEqual({
      items: [{ number: '1' }], cursor: 'c', hasMore: false, resetRequired: false,
      skipped: [{ id: null, reason: 'number: Invalid input: expected string, received number' }, { id: null, reason: ': Invalid input: expected object, received string' }],
    });
  });
});
