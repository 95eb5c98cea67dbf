import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { DEMO_PRODUCTS, demoProducts } from '../../fixtures/demo-store/products.ts';
import { demoTills, type DemoTill } from '../../fixtures/demo-store/store.ts';
import { createCentralCall } from '../../sync/central-client.ts';
import { createOrderClient, pullOrders } from '../../sync/order-client.ts';
import { openTillDatabases, type TillDatabases } from '../store/database.ts';
import { SqliteStoreOrders } from '../store/store-order-repository.ts';
import { TEST_IDENTITY, tempDataDir } from '../store/test-helpers.ts';
import { PickupDesk } from './pickup-service.ts';

// One desk on a real till.db and the real central server; no host around it.
const { ramen, water } = DEMO_PRODUCTS;
const till = demoTills[0] as DemoTill;

let central: Central;
let dbs: TillDatabases;
let cleanup: () => void;
let arrived: string[];

function openDesk(): { desk: PickupDesk; pull: () => ReturnType<typeof pullOrders> } {
  const api = createOrderClient(createCentralCall({ endpoint: central.url, token: till.token }));
  const desk = new PickupDesk({
    orders: new SqliteStoreOrders(dbs.till), api, findProduct: (b) => demoProducts.find((p) => p.barcode === b), offlinePolicy: () => undefined,
    printer: null, identity: TEST_IDENTITY, clock: { now: () => new Date() }, ids: { newId: () => uuidv7() },
    staff: () => ({ id: 'staff-0001', name: '김하나', role: 'cashier' }), poke: () => {},
    events: { orderArrived: (e) => arrived.push(e.number), ordersChanged: () => {}, scanned: () => {} },
  });
  const sink = desk.sink();
  return { desk, pull: () => pullOrders(api, sink) };
}

beforeEach(async () => {
  const t = tempDataDir();
  cleanup = t.cleanup;
  central = await startCentral({ dbPath: path.join(t.dir, 'central.db') });
  dbs = openTillDatabases(path.join(t.dir, 'till'));
  arrived = [];
});

afterEach(async () => {
  dbs.close();
  await central.close();
  cleanup();
});

describe('the pickup desk', () => {
  it('announces an order once, when it first arrives to be picked, not on each change after', async () => {
    const { desk, pull } = openDesk();
    const order = central.admin.createOnlineOrder({ storeId: 'store-gangnam', fulfilment: 'PICKUP', customerName: '홍길동', phone: '01012340000', lines: [{ barcode: ramen.barcode, quantity: 1 }] });
    central.admin.createOnlineOrder({ storeId: 'store-gangnam', fulfilment: 'DELIVERY', customerName: '홍길순', phone: '01012340001', lines: [{ barcode: ramen.barcode, quantity: 1 }] });
    expect(await pull()).toMatchObject({ items: 2 });
    expect(arrived).toEqual([order.number]);
    expect(desk.startPicking(order.number)).toMatchObject({ ok: true });
    central.admin.cancelOnlineOrder(order.number, 'customer');
    await pull();
    expect(arrived).toEqual([order.number]);
    expect(desk.order(order.number)).toMatchObject({ ok: true, value: { state: 'CANCELLED', desk: 'cancelled', picking: true } });
  });

  it('carries on picking after a restart where the scans left off', async () => {
    const first = openDesk();
    const order = central.admin.createOnlineOrder({ storeId: 'store-gangnam', fulfilment: 'PICKUP', customerName: '홍길동', phone: '01012340000',
      lines: [{ barcode: ramen.barcode, quantity: 2 }, { barcode: water.barcode, quantity: 1 }] });
    await first.pull();
    first.desk.startPicking(order.number);
    expect(first.desk.scan(ramen.barcode)).toMatchObject({ outcome: 'picked', lineId: 'L1' });

    const again = openDesk();
    expect(again.desk.scan(ramen.barcode)).toMatchObject({ outcome: 'refused', code: 'scan_unexpected' });
    expect(again.desk.order(order.number)).toMatchObject({ ok: true, value: { picking: true, lines: [{ picked: 1 }, { picked: 0 }] } });
    expect(again.desk.scan(ramen.barcode)).toMatchObject({ outcome: 'picked', lineId: 'L1' });
    expect(again.desk.scan(water.barcode)).toMatchObject({ outcome: 'picked', lineId: 'L2' });
    expect(again.desk.ready(order.number, 'A-9')).toMatchObject({ ok: true, value: { state: 'READY', lines: [{ picked: 2 }, { picked: 1 }] } });
  });
});
