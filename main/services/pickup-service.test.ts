import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { sha256 } from '../../fixtures/central/central-store.ts';
import { faultNext, startFaultProxy, PASS, type FaultProxy } from '../../fixtures/central/fault-proxy.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { demoTills, type DemoTill } from '../../fixtures/demo-store/store.ts';
import { orderQr } from '../core/pickup/order-qr.ts';
import { tempDataDir } from '../store/test-helpers.ts';
import type { Reply } from '../api/contract.ts';
import { createHost, type Host } from './host.ts';
import { parseTillConfig } from './till-config.ts';

// Three tills of one store, each a whole host in this process with its own till.db, one central
// server over loopback HTTP; the third reaches it through a proxy that can cut it off.
const { ramen, water } = DEMO_PRODUCTS;
const third: DemoTill = { tillId: 'till-0001-03', tillNumber: '03', storeId: 'store-gangnam', token: 'test-till-0001-03-pickup-race' };
const PINS = ['1234', '2345', '5678'] as const;

let central: Central;
let proxy: FaultProxy;
let hosts: Host[];
let cleanup: () => void;

async function value<T>(p: Promise<Reply<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function until<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An order placed centrally, picked and staged at the first till, and seen READY (at the centre's version) by every till. */
async function readyEverywhere(): Promise<{ number: string; qr: string }> {
  const order = central.admin.createOnlineOrder({
    storeId: 'store-gangnam', fulfilment: 'PICKUP', customerName: '박지민', phone: '010-5555-4321',
    lines: [{ barcode: ramen.barcode, quantity: 2 }, { barcode: water.barcode, quantity: 1 }],
  });
  const [first] = hosts;
  if (!first) throw new Error('no tills');
  await until('the order at the first till', async () => (await first.handlers['pickup.order']({ number: order.number })).ok || undefined);
  await value(first.handlers['pickup.startPicking']({ number: order.number }));
  for (const code of [ramen.barcode, ramen.barcode, water.barcode]) {
    expect(await value(first.handlers['pickup.scan']({ code, source: 'manual' }))).toMatchObject({ outcome: 'picked' });
  }
  await value(first.handlers['pickup.ready']({ number: order.number, stagingLocation: 'B-2' }));
  const version = await until('READY centrally', () => {
    const o = central.admin.onlineOrder(order.number);
    return o?.state === 'READY' ? o.claimVersion : undefined;
  });
  for (const h of hosts) {
    await until('READY at every till', async () => {
      const r = await h.handlers['pickup.order']({ number: order.number });
      return r.ok && r.value.state === 'READY' && r.value.version === version && !r.value.syncing ? true : undefined;
    });
  }
  return { number: order.number, qr: orderQr(order.number, order.pickupCode) };
}

beforeAll(async () => {
  const t = tempDataDir();
  cleanup = t.cleanup;
  central = await startCentral({ dbPath: path.join(t.dir, 'central.db') });
  central.db.prepare('INSERT INTO till (id, store_id, number, token_hash) VALUES (?, ?, ?, ?)').run(third.tillId, third.storeId, third.tillNumber, sha256(third.token));
  proxy = await startFaultProxy(central.url);
  const tills = [demoTills[0] as DemoTill, demoTills[1] as DemoTill, third];
  hosts = await Promise.all(
    tills.map((till, i) =>
      createHost({
        config: parseTillConfig(demoTillConfig({ centralUrl: i === 2 ? proxy.url : central.url, endpoints: {}, till, pollIntervalMs: 200 })),
        dataDir: path.join(t.dir, till.tillId),
      }),
    ),
  );
  await Promise.all(hosts.map((h) => until('the first pull', () => h.sync.status().lastPullAt ?? undefined)));
  await Promise.all(hosts.map((h, i) => value(h.handlers['session.signIn']({ pin: PINS[i] ?? '' }))));
});

afterAll(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  await proxy.close();
  await central.close();
  cleanup();
});

describe('the pickup claim race: three tills, one central server', () => {
  it('of three tills handing out the same order at the same moment, exactly one does; the others are refused and nothing is handed out twice', async () => {
    const { number, qr } = await readyEverywhere();
    const replies = await Promise.all(hosts.map((h) => h.handlers['pickup.handOut']({ number, proof: { kind: 'qr', text: qr }, refusals: [] })));
    const won = replies.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ ok: true, value: { mode: 'online', order: { state: 'COLLECTED' } } });
    for (const lost of replies.filter((r) => !r.ok)) expect(lost).toMatchObject({ ok: false, error: { code: 'already_handed_out' } });
    expect(central.admin.pickupHandouts(number)).toEqual([expect.objectContaining({ online: true, outcome: 'claimed' })]);
    expect(central.admin.onlineOrder(number)).toMatchObject({ state: 'COLLECTED', flag: null });
  });

  it('offline, a hand-out waits for the store\'s policy; allowed, it is queued, and when it collides with another till\'s it is flagged double_handout centrally', async () => {
    const { number, qr } = await readyEverywhere();
    const [first, , cutOff] = hosts;
    if (!first || !cutOff) throw new Error('no tills');

    proxy.plan(() => ({ kind: 'refuse' }));
    // Not allowed (the store has not said so): refused, nothing recorded or queued.
    const refused = await cutOff.handlers['pickup.handOut']({ number, proof: { kind: 'qr', text: qr }, refusals: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'offline_not_allowed' } });
    expect((await value(cutOff.handlers['pickup.order']({ number })))).toMatchObject({ state: 'READY', syncing: false });

    proxy.plan(() => PASS);
    central.admin.setConfig('store-gangnam', 'offline.pickupHandout', '{"allowed":true}');
    await until('the policy at the cut-off till', async () => (await value(cutOff.handlers['pickup.list']({}))).offlineHandoutAllowed || undefined);
    proxy.plan(() => ({ kind: 'refuse' }));

    // Meanwhile the first till hands it out online; the cut-off till cannot know and hands it out too.
    expect(await first.handlers['pickup.handOut']({ number, proof: { kind: 'qr', text: qr }, refusals: [] })).toMatchObject({ ok: true, value: { mode: 'online' } });
    const offline = await cutOff.handlers['pickup.handOut']({ number, proof: { kind: 'number_phone', number, phoneLast4: '4321' }, refusals: [] });
    expect(offline).toMatchObject({ ok: true, value: { mode: 'offline', order: { state: 'COLLECTED', syncing: true } } });

    proxy.plan(() => PASS);
    await until('the offline hand-out pushed', () => (central.admin.onlineOrder(number)?.flag === 'double_handout' ? true : undefined));
    expect(central.admin.pickupHandouts(number)).toEqual([
      expect.objectContaining({ tillId: 'till-0001-01', online: true, outcome: 'claimed' }),
      expect.objectContaining({ tillId: third.tillId, online: false, outcome: 'double_handout' }),
    ]);
    await until('the cut-off till has its answer', () => (cutOff.sync.status().queued === 0 ? true : undefined));
    expect(cutOff.sync.quarantine(10)).toEqual([]);
  });
});

describe('a hand-out whose answer was lost', () => {
  it('is asked again as the same claim, so the till learns it handed the order out, and nothing is handed out twice', async () => {
    const cutOff = hosts[2] as Host;
    central.admin.setConfig('store-gangnam', 'offline.pickupHandout', '{"allowed":false}');
    await until('the policy at the till', async () => ((await value(cutOff.handlers['pickup.list']({}))).offlineHandoutAllowed ? undefined : true));
    const { number, qr } = await readyEverywhere();
    // The centre takes the claim, then the line drops before its answer reaches the till (twice: the
    // client's own immediate retry of a dropped connection is lost the same way).
    proxy.plan(faultNext('claimPickupHandout', { kind: 'drop-after-commit' }, 2));
    const lost = await cutOff.handlers['pickup.handOut']({ number, proof: { kind: 'qr', text: qr }, refusals: [] });
    expect(lost).toMatchObject({ ok: false, error: { code: 'offline_not_allowed' } });
    expect(central.admin.onlineOrder(number)).toMatchObject({ state: 'COLLECTED' });
    // Even once the stream says collected, the desk keeps it to collect: the customer has nothing yet.
    const lostAt = new Date().toISOString();
    await until('a pull after the lost answer', () => ((cutOff.sync.status().lastPullAt ?? '') > lostAt ? true : undefined));
    expect(await value(cutOff.handlers['pickup.order']({ number }))).toMatchObject({ desk: 'to_collect' });
    const again = await cutOff.handlers['pickup.handOut']({ number, proof: { kind: 'qr', text: qr }, refusals: [] });
    expect(again).toMatchObject({ ok: true, value: { mode: 'online', order: { state: 'COLLECTED', desk: 'handed_out' } } });
    expect(central.admin.pickupHandouts(number)).toEqual([expect.objectContaining({ tillId: third.tillId, outcome: 'claimed' })]);
  });
});

describe('the pickup desk at one till', () => {
  const desk = () => hosts[1] as Host;

  async function placed(over: { deadlineAt?: string } = {}) {
    const order = central.admin.createOnlineOrder({
      storeId: 'store-gangnam', fulfilment: 'PICKUP', customerName: '최유나', phone: '010-7777-8888',
      lines: [{ barcode: ramen.barcode, quantity: 2 }, { barcode: water.barcode, quantity: 1 }], ...over,
    });
    await until('the order at the desk', async () => (await desk().handlers['pickup.order']({ number: order.number })).ok || undefined);
    return order;
  }

  it('records a substitute and a shortage when picking; the centre refunds the shortage', async () => {
    const order = await placed();
    await value(desk().handlers['pickup.startPicking']({ number: order.number }));
    await value(desk().handlers['pickup.scan']({ code: ramen.barcode, source: 'manual' }));
    // The water shelf is empty: another product stands in; a garbled read counts as nothing.
    expect(await value(desk().handlers['pickup.scan']({ code: '8809100000018', source: 'manual' }))).toMatchObject({ outcome: 'refused', code: 'barcode_invalid' });
    const sub = DEMO_PRODUCTS.banana;
    const d = await value(desk().handlers['pickup.substitute']({ number: order.number, lineId: 'L2', barcode: sub.barcode }));
    expect(d.lines.map((l) => [l.picked, l.substitute?.quantity ?? 0, l.available])).toEqual([[1, 0, 1], [0, 1, 1]]);
    expect(await desk().handlers['pickup.ready']({ number: order.number, stagingLocation: 'C 3' })).toMatchObject({ ok: true, value: { state: 'READY', syncing: true } });
    const central1 = await until('READY centrally', () => (central.admin.onlineOrder(order.number)?.state === 'READY' ? central.admin.onlineOrder(order.number) : undefined));
    expect(central1?.lines.map((l) => [l.pickedQuantity, l.substituteBarcode, l.substituteQuantity])).toEqual([[1, null, null], [0, sub.barcode, 1]]);
    expect(central1?.refunds).toEqual([expect.objectContaining({ lineId: 'L1', amount: ramen.price, reason: 'short_picked' })]);
  });

  it('hands out against the number and the phone digits, not others; a refused line is refunded to the online payment', async () => {
    const order = await placed();
    await value(desk().handlers['pickup.startPicking']({ number: order.number }));
    for (const code of [ramen.barcode, ramen.barcode, water.barcode]) await value(desk().handlers['pickup.scan']({ code, source: 'manual' }));
    await value(desk().handlers['pickup.ready']({ number: order.number, stagingLocation: 'A-1' }));
    await until('synced', async () => {
      const r = await desk().handlers['pickup.order']({ number: order.number });
      return r.ok && !r.value.syncing && r.value.version === central.admin.onlineOrder(order.number)?.claimVersion ? true : undefined;
    });
    const wrong = { kind: 'number_phone' as const, number: order.number, phoneLast4: '0000' };
    expect(await desk().handlers['pickup.find']({ proof: wrong })).toMatchObject({ ok: false, error: { code: 'proof_mismatch' } });
    expect(await desk().handlers['pickup.handOut']({ number: order.number, proof: wrong, refusals: [] })).toMatchObject({ ok: false, error: { code: 'proof_mismatch' } });
    const proof = { kind: 'number_phone' as const, number: order.number, phoneLast4: '8888' };
    const done = await value(desk().handlers['pickup.handOut']({ number: order.number, proof, refusals: [{ lineId: 'L2', refused: 1, reason: 'damaged' }] }));
    expect(done).toMatchObject({ mode: 'online', refunded: water.price, receipt: { printed: false } });
    expect(central.admin.onlineOrder(order.number)?.refunds).toEqual([expect.objectContaining({ lineId: 'L2', amount: water.price, reason: 'refused_at_counter:damaged' })]);
  });

  it('lists a ready order past its deadline to put back; putting it back cancels it centrally and refunds it in full', async () => {
    const order = await placed({ deadlineAt: new Date(Date.now() - 60_000).toISOString() });
    await value(desk().handlers['pickup.startPicking']({ number: order.number }));
    await value(desk().handlers['pickup.scan']({ code: ramen.barcode, source: 'manual' }));
    const ready = await value(desk().handlers['pickup.ready']({ number: order.number, stagingLocation: 'A-2' }));
    expect(ready.desk).toBe('to_put_back');
    const list = await value(desk().handlers['pickup.list']({}));
    expect(list.orders.find((o) => o.number === order.number)?.desk).toBe('to_put_back');
    expect(await value(desk().handlers['pickup.putBack']({ number: order.number }))).toMatchObject({ state: 'CANCELLED', desk: 'cancelled' });
    const cancelled = await until('cancelled centrally', () => (central.admin.onlineOrder(order.number)?.state === 'CANCELLED' ? central.admin.onlineOrder(order.number) : undefined));
    expect(cancelled).toMatchObject({ cancelReason: 'no_show', notifications: ['READY', 'CANCELLED'] });
    expect(cancelled?.refunds.reduce((a, r) => a + r.amount, 0)).toBe(order.total);
    expect(await desk().handlers['pickup.putBack']({ number: order.number })).toMatchObject({ ok: false, error: { code: 'not_to_put_back' } });
  });
});
