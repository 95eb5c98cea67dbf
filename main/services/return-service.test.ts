import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { sampleOutboxEntry, sampleSale } from '../../fixtures/demo-store/sample-sale.ts';
import { demoTills } from '../../fixtures/demo-store/store.ts';
import { DEMO_STAFF } from '../../fixtures/demo-store/staff.ts';
import { toMutationInput } from '../../sync/sale-input.ts';
import { createHost, type Host } from './host.ts';
import { type TillConfigInput, parseTillConfig } from './till-config.ts';
import { DEFAULT_RETURN_POLICY } from '../core/returns/return-policy.ts';
import { tempDataDir } from '../store/test-helpers.ts';
import { RETURN_SERVICE_MESSAGES } from './return-service.ts';

// The returns desk on real parts, in-process: till.db on disk, the central server and the lab on loopback.
const { ramen, water } = DEMO_PRODUCTS;
let central: Central | undefined;
let lab: Lab | undefined;
let host: Host | undefined;
let cleanup: () => void = () => {};
let centralDb = '';

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
async function call<T>(p: Promise<Reply<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const until = async (what: string, check: () => boolean | Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

async function start(paymentQuery = '', over: Partial<TillConfigInput> = {}): Promise<{ host: Host; central: Central; lab: Lab }> {
  const t = tempDataDir();
  cleanup = t.cleanup;
  centralDb = path.join(t.dir, 'central.db');
  central = await startCentral({ dbPath: centralDb });
  lab = await startLab({});
  const endpoints = { ...lab.endpoints, payment: `${lab.endpoints.payment}${paymentQuery}` };
  host = await createHost({ config: parseTillConfig({ ...demoTillConfig({ centralUrl: central.url, endpoints, pollIntervalMs: 200 }), ...over }), dataDir: t.dir });
  const h = host;
  await until('the first pull', () => h.sync.status().lastPullAt !== null);
  await call(h.handlers['session.signIn']({ pin: '1234' }));
  return { host: h, central, lab };
}

afterEach(async () => {
  await host?.close();
  await lab?.close();
  await central?.close().catch(() => undefined);
  host = undefined;
  lab = undefined;
  central = undefined;
  cleanup();
});

/** Rings items at this till and pays by card (or cash), returning the receipt number. */
async function sell(h: Host, barcodes: readonly string[], by: 'card' | 'cash'): Promise<string> {
  for (const code of barcodes) await call(h.handlers['sale.scan']({ code, source: 'manual' }));
  const paid = by === 'card' ? await call(h.handlers['sale.payCard']({})) : await call(h.handlers['sale.payCash']({ received: 100_000 }));
  if (!paid.completed) throw new Error('the sale did not complete');
  return paid.completed.receiptNumber;
}

describe('the returns desk', () => {
  it('finds another till\'s sale through the central API, returns it in cash, and the central server records it once', async () => {
    const { host: h, central: c, lab: l } = await start();
    const till2 = demoTills[1];
    if (!till2) throw new Error('no second demo till');
    const sale = sampleSale({ till: till2, sequence: 1, at: new Date(Date.now() - 3_600_000) }); // two ramen and a banana, cash
    const pushed = await fetch(c.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${till2.token}` },
      body: JSON.stringify({ query: 'mutation ($b: [MutationInput!]!) { pushMutations(batch: $b) { results { status } } }', variables: { b: [toMutationInput(sampleOutboxEntry(1, sale))] } }),
    });
    expect(await pushed.json()).toMatchObject({ data: { pushMutations: { results: [{ status: 'APPLIED' }] } } });

    const found = await call(h.handlers['return.find']({ code: sale.receiptNumber }));
    expect(found).toMatchObject({ source: 'central', receiptNumber: sale.receiptNumber });
    const ramenLine = found.lines.find((x) => x.barcode === ramen.barcode);
    expect(ramenLine).toMatchObject({ sold: 2, returnable: 2, unitRefund: ramen.price });
    const done = await call(h.handlers['return.commit']({ saleId: found.saleId, lines: [{ lineId: ramenLine?.lineId ?? '', quantity: 1, condition: 'opened', disposition: 'restock' }] }));
    expect(done).toMatchObject({ refund: ramen.price, tenders: [{ kind: 'cash', amount: ramen.price }], receipt: { printed: true } });
    expect(l.terminal.transactions()).toEqual([]);

    await until('the return at the central server', () => c.admin.returns(sale.receiptNumber).length === 1);
    expect(c.admin.returns(sale.receiptNumber)[0]).toMatchObject({ flag: null, tenders: [{ kind: 'CASH', amount: ramen.price }] });
    // Found again: the centre now knows one ramen is back, and so does the desk.
    const again = await call(h.handlers['return.find']({ code: sale.receiptNumber }));
    expect(again.lines.find((x) => x.barcode === ramen.barcode)).toMatchObject({ returned: 1, returnable: 1 });
  });

  it('says, when the central API is down, that only this till\'s sales can be found, and still returns this till\'s own', async () => {
    const { host: h, central: c } = await start();
    await call(h.handlers['shift.open']({ float: 50_000 }));
    const mine = await sell(h, [water.barcode], 'cash');
    await until('the sale pushed', () => h.sync.status().queued === 0);
    await c.close();
    const other = '0001-02-000077';
    expect(await h.handlers['return.find']({ code: other })).toEqual({ ok: false, error: { code: 'return_offline', message: RETURN_SERVICE_MESSAGES.offline(other) } });
    const found = await call(h.handlers['return.find']({ code: mine }));
    expect(found).toMatchObject({ source: 'till', lines: [{ barcode: water.barcode, returnable: 1 }] });
    const done = await call(h.handlers['return.commit']({ saleId: found.saleId, lines: [{ lineId: found.lines[0]?.lineId ?? '', quantity: 1, condition: 'unopened', disposition: 'restock' }] }));
    expect(done.tenders).toEqual([{ kind: 'cash', amount: water.price }]);
    // Queued for the central API: the return waits in the outbox.
    expect(h.sync.status().queued).toBe(1);
    // The drawer paid the refund: the shift expects that much less cash.
    const x = await call(h.handlers['report.x']({}));
    expect(x.totals).toMatchObject({ cashSales: water.price, returnCount: 1, refunds: water.price, cashRefunds: water.price, expectedCash: 50_000 });
  });

  it('applies the configured return policy: past its days an item comes back only with a supervisor, who is recorded', async () => {
    // Ramen may come back on the day of the sale only (0 days): anything later is past the window.
    const returnPolicy = { ...DEFAULT_RETURN_POLICY, daysByCategory: { ramen: 0 }, unopenedOnly: [...DEFAULT_RETURN_POLICY.unopenedOnly], noReturn: [] };
    const { host: h, central: c } = await start('', { returnPolicy });
    const receipt = await sell(h, [ramen.barcode], 'cash');
    await new Promise((r) => setTimeout(r, 20));
    const found = await call(h.handlers['return.find']({ code: receipt }));
    expect(found.lines[0]?.policy).toMatchObject({ code: 'return_window_passed' });
    const lines = [{ lineId: found.lines[0]?.lineId ?? '', quantity: 1, condition: 'unopened' as const, disposition: 'restock' as const }];

    expect(await h.handlers['return.commit']({ saleId: found.saleId, lines })).toMatchObject({ ok: false, error: { code: 'return_policy' } });
    expect(await h.handlers['return.commit']({ saleId: found.saleId, lines, supervisorPin: '2345' })).toMatchObject({ ok: false, error: { code: 'pin_wrong' } });
    // Tried twice without a supervisor: nothing was taken back.
    expect((await call(h.handlers['return.find']({ code: receipt }))).lines[0]).toMatchObject({ returnable: 1 });
    await call(h.handlers['return.commit']({ saleId: found.saleId, lines, supervisorPin: '5678' }));
    await until('the approved return at the central server', () => c.admin.returns(receipt).length === 1);
    expect(c.admin.returns(receipt)[0]?.approvedBy).toBe(DEMO_STAFF.supervisor.id);
  });

  it('refuses an online order\'s items another till has claimed for its own return: the centre\'s claim decides, nothing is recorded here', async () => {
    const { host: h, central: c } = await start();
    const order = c.admin.createOnlineOrder({
      storeId: 'store-gangnam', fulfilment: 'DELIVERY', customerName: '정하늘', phone: '010-3333-2468', lines: [{ barcode: ramen.barcode, quantity: 1 }],
    });
    await until(`order ${order.number} on the till`, async () => (await h.handlers['return.find']({ code: order.number })).ok);
    const found = await call(h.handlers['return.find']({ code: order.number }));
    const lineId = found.lines[0]?.lineId ?? '';
    expect(found).toMatchObject({ source: 'order', tenders: [{ kind: 'online', amount: ramen.price }] });

    // Till 2 claims the one ramen first (its return is on its way).
    const till2 = demoTills[1];
    const claimed = await fetch(c.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${till2?.token ?? ''}` },
      body: JSON.stringify({
        query: 'mutation ($i: OrderReturnClaimInput!) { claimOrderReturn(input: $i) { status code } }',
        variables: { i: { returnId: 'till2-return', orderNumber: order.number, lines: [{ lineId, quantity: 1 }], amount: ramen.price } },
      }),
    });
    expect(await claimed.json()).toMatchObject({ data: { claimOrderReturn: { status: 'CLAIMED' } } });

    const mine = await h.handlers['return.commit']({ saleId: found.saleId, lines: [{ lineId, quantity: 1, condition: 'unopened', disposition: 'restock' }] });
    expect(mine).toMatchObject({ ok: false, error: { code: 'over_return' } });
    // Tried: the same ramen at this till. Kept: nothing here (still returnable on the till's own books, nothing queued).
    expect((await call(h.handlers['return.find']({ code: order.number }))).lines[0]).toMatchObject({ returnable: 1 });
    expect(h.sync.status().queued).toBe(0);
    expect(c.admin.returns(order.number)).toEqual([]);
  });

  it('follows the store\'s return policy from the central API over the till\'s own: receipt-less returns switched off', async () => {
    const { host: h, central: c } = await start();
    expect(c.admin.setConfig('store-gangnam', 'returns.policy', JSON.stringify({ receiptless: { allowed: false, lookbackDays: 30 } }))).toBe(true);
    // Two full pull rounds after the change, so the config stream has surely brought it.
    for (let round = 0; round < 2; round++) {
      const since = Date.now();
      await until('a pull round', () => Date.parse(h.sync.status().lastPullAt ?? '') > since);
    }
    const r = await h.handlers['return.receiptless']({ barcode: water.barcode, quantity: 1, condition: 'unopened', disposition: 'restock', supervisorPin: '5678' });
    expect(r).toEqual({ ok: false, error: { code: 'return_policy', message: RETURN_SERVICE_MESSAGES.receiptlessOff } });
    expect(h.sync.status().queued).toBe(0);
  });

  it('returns an online order while the central API is down: refunded to the online payment once it is back, from the outbox', async () => {
    const { host: h, central: c } = await start();
    const order = c.admin.createOnlineOrder({
      storeId: 'store-gangnam', fulfilment: 'DELIVERY', customerName: '정하늘', phone: '010-3333-2468', lines: [{ barcode: water.barcode, quantity: 2 }],
    });
    await until(`order ${order.number} on the till`, async () => (await h.handlers['return.find']({ code: order.number })).ok);
    const port = c.port;
    await c.close();

    // Offline, the order is on the till: the return is made, its online refund queued.
    const found = await call(h.handlers['return.find']({ code: order.number }));
    const done = await call(h.handlers['return.commit']({ saleId: found.saleId, lines: [{ lineId: found.lines[0]?.lineId ?? '', quantity: 1, condition: 'opened', disposition: 'restock' }] }));
    expect(done.tenders).toEqual([{ kind: 'online', amount: water.price, detail: order.payment.method }]);
    expect(h.sync.status().queued).toBe(1);

    // The central API comes back on the same address: the return arrives, and the refund with it, once.
    central = await startCentral({ dbPath: centralDb, port });
    const back = central;
    await until('the queued return pushed', () => h.sync.status().queued === 0);
    expect(back.admin.returns(order.number)).toMatchObject([{ flag: null, tenders: [{ kind: 'ONLINE', amount: water.price }] }]);
    expect(back.admin.onlineOrder(order.number)?.refunds.filter((r) => r.reason.startsWith('return:')).map((r) => r.amount)).toEqual([water.price]);
  });

  it('completes a return whose receipt cannot print, and prints it as a copy once the paper is back', async () => {
    const { host: h, lab: l } = await start();
    const receipt = await sell(h, [water.barcode], 'cash');
    const found = await call(h.handlers['return.find']({ code: receipt }));
    l.printer.setPaper('out');
    await until('the till sees the paper out', async () => (await call(h.handlers['till.status']({}))).devices.some((d) => d.device === 'printer' && d.detail !== undefined));
    const done = await call(h.handlers['return.commit']({ saleId: found.saleId, lines: [{ lineId: found.lines[0]?.lineId ?? '', quantity: 1, condition: 'unopened', disposition: 'restock' }] }));
    // The return stands (refunded, in the journal, queued for the centre); only the paper is owed.
    expect(done.receipt.printed).toBe(false);
    expect((await call(h.handlers['return.find']({ code: receipt }))).lines[0]).toMatchObject({ returnable: 0 });
    l.printer.setPaper('ok');
    await until('the till sees the paper back', async () => (await call(h.handlers['return.reprint']({ returnId: done.returnId }))).printed);
    const copy = l.printer.receipts().at(-1);
    expect(copy?.lines.join('\n')).toContain('재발행');
    expect(copy?.barcodes).toContain(done.returnNumber);
  });

  it('puts a return receipt the paper ran out on into the reprint queue with the sales\' receipts, and reprints them all in order', async () => {
    const { host: h, lab: l } = await start();
    const receipt = await sell(h, [water.barcode], 'cash');
    const found = await call(h.handlers['return.find']({ code: receipt }));
    // The paper runs out in the middle of the return receipt.
    l.printer.runOutOfPaperAfter(200);
    const done = await call(h.handlers['return.commit']({ saleId: found.saleId, lines: [{ lineId: found.lines[0]?.lineId ?? '', quantity: 1, condition: 'unopened', disposition: 'restock' }] }));
    expect(done.receipt).toMatchObject({ printed: false, error: 'The printer is out of paper.' });
    // A sale rung after it, with the paper still out, queues behind it.
    const later = await sell(h, [ramen.barcode], 'cash');
    expect(await call(h.handlers['receipts.queued']({}))).toMatchObject([
      { kind: 'return', saleId: done.returnId, receiptNumber: done.returnNumber, reason: 'paper_out' },
      { kind: 'sale', receiptNumber: later, reason: 'paper_out' },
    ]);
    // Tried with the paper still out: both stay owed.
    expect(await call(h.handlers['receipts.reprintQueued']({}))).toMatchObject({ printed: [], remaining: 2 });
    l.printer.setPaper('ok');
    expect(await call(h.handlers['receipts.reprintQueued']({}))).toEqual({ printed: [done.returnNumber, later], remaining: 0 });
    const [returnCopy, saleCopy] = l.printer.receipts().slice(-2);
    expect(returnCopy?.barcodes).toEqual([done.returnNumber]);
    expect(returnCopy?.lines.join('\n')).toContain('재발행');
    expect(saleCopy?.barcodes).toEqual([later]);
    expect(await call(h.handlers['receipts.queued']({}))).toEqual([]);
  });

  it('resolves a card refund whose answer was lost by asking the terminal on the retry: the card is refunded once', async () => {
    // The till gives the terminal 1.5 s; the lab answers the refund after 4 s.
    const { host: h, lab: l } = await start('?timeout=1500&ackTimeout=1000');
    const receipt = await sell(h, [ramen.barcode], 'card');
    const found = await call(h.handlers['return.find']({ code: receipt }));
    const lines = [{ lineId: found.lines[0]?.lineId ?? '', quantity: 1, condition: 'unopened' as const, disposition: 'restock' as const }];

    l.terminal.nextOutcome('late', { lateMs: 4000, for: 'refund' });
    const first = await h.handlers['return.commit']({ saleId: found.saleId, lines });
    expect(first).toMatchObject({ ok: false, error: { code: 'refund_failed' } });
    // Nothing was recorded for the return while its refund is unknown.
    expect((await call(h.handlers['return.find']({ code: receipt }))).lines[0]).toMatchObject({ returnable: 1 });

    await l.terminal.settled();
    const second = await call(h.handlers['return.commit']({ saleId: found.saleId, lines }));
    expect(second).toMatchObject({ refund: ramen.price, tenders: [{ kind: 'card', amount: ramen.price }] });
    expect(l.terminal.transactions().filter((t) => t.kind === 'refund')).toHaveLength(1);
    expect((await call(h.handlers['return.find']({ code: receipt }))).lines[0]).toMatchObject({ returnable: 0 });
  });
});
