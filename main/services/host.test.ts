import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { createHost, type Host } from './host.ts';
import { parseTillConfig } from './till-config.ts';
import { tempDataDir } from '../store/test-helpers.ts';
import { ean13 } from '../../drivers/scanner/protocol/gtin.ts';
import type { EventName } from '../api/contract.ts';

// The host on real parts, in-process: a SQLite file in a temp dir, the central server and the lab on loopback.
let central: Central;
let lab: Lab;
let host: Host;
let cleanup: () => void;
let events: { event: string; payload: unknown }[];

const { ramen, water } = DEMO_PRODUCTS;

async function call<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

beforeEach(async () => {
  const t = tempDataDir();
  cleanup = t.cleanup;
  central = await startCentral({ dbPath: path.join(t.dir, 'central.db') });
  lab = await startLab({});
  host = await createHost({ config: parseTillConfig(demoTillConfig({ centralUrl: central.url, endpoints: lab.endpoints, pollIntervalMs: 200 })), dataDir: t.dir });
  events = [];
  host.events.onEvent((event, payload) => events.push({ event, payload }));
  for (let i = 0; i < 100 && host.sync.status().lastPullAt === null; i++) await new Promise((r) => setTimeout(r, 50));
});

afterEach(async () => {
  await host.close();
  await lab.close();
  await central.close();
  cleanup();
});

const eventsOf = (name: EventName) => events.filter((e) => e.event === name).map((e) => e.payload);

describe('the host', () => {
  it('refuses to ring before a cashier signs in, and says so as an event too', async () => {
    const r = await host.handlers['sale.scan']({ code: ramen.barcode, source: 'wedge' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(eventsOf('scanRejected')).toEqual([{ code: ramen.barcode, reason: 'not_signed_in', message: 'sign in with a staff PIN first' }]);
  });

  it('lets a supervisor or manager read the sync quarantine, not a cashier', async () => {
    expect(await host.handlers['sync.quarantine']({ limit: 10 })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    expect(await host.handlers['sync.quarantine']({ limit: 10 })).toMatchObject({ ok: false, error: { code: 'approval_required' } });
    await call(host.handlers['session.signOut']({}));
    await call(host.handlers['session.signIn']({ pin: '9999' }));
    expect(await call(host.handlers['sync.quarantine']({ limit: 10 }))).toEqual([]);
  });

  it('rings a scan from the device scanner exactly like a wedge scan', async () => {
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    lab.scanner.scan(water.barcode);
    for (let i = 0; i < 100 && eventsOf('sale').length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const status = await call(host.handlers['till.status']({}));
    expect(status.sale?.lines.map((l) => l.barcode)).toEqual([water.barcode]);
  });

  it('tells an unknown product from a garbled barcode, and rings neither', async () => {
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    const unknown = ean13('880999999999');
    const garbled = unknown.slice(0, 12) + String((Number(unknown.at(-1)) + 1) % 10);
    expect(await host.handlers['sale.scan']({ code: garbled, source: 'wedge' })).toMatchObject({ ok: false, error: { code: 'barcode_invalid' } });
    expect(await host.handlers['sale.scan']({ code: unknown, source: 'wedge' })).toMatchObject({ ok: false, error: { code: 'product_unknown' } });
    expect((await call(host.handlers['till.status']({}))).sale).toBeNull();
  });

  it('completes the sale when the printer is out of paper, and queues the receipt for a reprint', async () => {
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    lab.printer.setPaper('out');
    await call(host.handlers['sale.scan']({ code: ramen.barcode, source: 'manual' }));
    const paid = await call(host.handlers['sale.payCash']({ received: 2000 }));
    expect(paid.completed).toMatchObject({ change: 2000 - ramen.price, receipt: { printed: false } });
    expect(paid.completed?.receipt.error).toMatch(/paper/i);
    expect(lab.printer.receipts()).toHaveLength(0);
    const recent = await call(host.handlers['journal.recent']({ limit: 5 }));
    expect(recent.map((r) => r.receiptNumber)).toEqual([paid.completed?.receiptNumber]);
  });

  it('leaves the sale open and unchanged when the card is declined', async () => {
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    await call(host.handlers['sale.scan']({ code: ramen.barcode, source: 'manual' }));
    lab.terminal.nextOutcome('decline');
    const r = await host.handlers['sale.payCard']({});
    expect(r).toMatchObject({ ok: false, error: { code: 'payment_declined' } });
    const status = await call(host.handlers['till.status']({}));
    expect(status.sale?.payment).toEqual({ paid: 0, due: ramen.price, change: 0 });
    expect(lab.terminal.transactions().map((t) => [t.amount, t.outcome])).toEqual([[ramen.price, 'decline']]);
  });

  it('opens the cash drawer after a cash sale commits, and not for a card-only sale', async () => {
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    await call(host.handlers['sale.scan']({ code: water.barcode, source: 'manual' }));
    await call(host.handlers['sale.payCard']({}));
    expect(lab.printer.state().drawerKicks).toBe(0);
    await call(host.handlers['sale.scan']({ code: water.barcode, source: 'manual' }));
    await call(host.handlers['sale.payCash']({ received: 1000 }));
    expect(lab.printer.state().drawerKicks).toBe(1);
    // The printer's status back tells the board the drawer stands open, then shut.
    const drawer = async () => (await call(host.handlers['till.status']({}))).devices.find((d) => d.device === 'drawer');
    for (let i = 0; i < 100 && (await drawer())?.code !== 'drawer_open'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await drawer()).toMatchObject({ state: 'online', code: 'drawer_open' });
    lab.printer.closeDrawer();
    for (let i = 0; i < 100 && (await drawer())?.code !== undefined; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await drawer()).toEqual({ device: 'drawer', name: lab.endpoints.printer, state: 'online' });
  });

  it('splits a sale across cash and card, charging the card only what is still due', async () => {
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    await call(host.handlers['sale.scan']({ code: ramen.barcode, source: 'manual' }));
    await call(host.handlers['sale.scan']({ code: water.barcode, source: 'manual' }));
    const part = await call(host.handlers['sale.payCash']({ received: 1000 }));
    expect(part.sale?.payment.due).toBe(ramen.price + water.price - 1000);
    const done = await call(host.handlers['sale.payCard']({}));
    expect(done.completed?.tenders.map((t) => [t.kind, t.amount])).toEqual([['cash', 1000], ['card', ramen.price + water.price - 1000]]);
    expect(lab.terminal.transactions().at(-1)?.amount).toBe(ramen.price + water.price - 1000);
  });

  it('reports every device on the board, the cash drawer on the printer among them', async () => {
    const status = await call(host.handlers['till.status']({}));
    expect(status.devices.map((d) => [d.device, d.state]).sort()).toEqual([['display', 'online'], ['drawer', 'online'], ['payment', 'online'], ['printer', 'online'], ['scanner', 'online']]);
  });
});

describe('the host, pricing and lane rules', () => {
  const twoPlusOne = { id: 'promo-ramen-2+1', name: { ko: '라면 2+1', en: 'Ramen 2+1' }, rule: { kind: 'buy_n_get_m' as const, buy: 2, free: 1, productIds: [DEMO_PRODUCTS.ramen.id] } };

  async function signedIn(): Promise<void> {
    await call(host.handlers['session.signIn']({ pin: '1234' }));
  }

  it('gives the third ramen free on a 2+1 promotion delivered by the promotions stream, and records the saving', async () => {
    await signedIn();
    // The same sink the promotions stream writes through.
    host.promotions.applyPage('promotions', [{ id: twoPlusOne.id, deleted: false, promotion: twoPlusOne }], 'c1', false);
    for (let i = 0; i < 3; i++) await call(host.handlers['sale.scan']({ code: ramen.barcode, source: 'wedge' }));
    const status = await call(host.handlers['till.status']({}));
    expect(status.sale?.totals).toMatchObject({ total: ramen.price * 2, discount: ramen.price });
    expect(status.sale?.savings).toEqual([{ label: twoPlusOne.name, amount: ramen.price }]);
    const done = await call(host.handlers['sale.payCash']({ received: 5000 }));
    expect(done.completed?.total).toBe(ramen.price * 2);
    for (let i = 0; i < 100 && central.admin.sales(done.completed?.receiptNumber).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(central.admin.sales(done.completed?.receiptNumber)[0]).toMatchObject({ flag: null, lines: [{ discount: ramen.price }] });
    const receipt = lab.printer.receipts().at(-1)?.lines.join('\n') ?? '';
    expect(receipt).toContain('라면 2+1');
    expect(receipt).toContain(`-${ramen.price.toLocaleString('en-US')}`);
  });

  it('asks a supervisor for a discount over the cashier\'s limit, and records who approved', async () => {
    await signedIn();
    const sale = await call(host.handlers['sale.scan']({ code: water.barcode, source: 'wedge' }));
    const lineId = sale.lines[0]?.lineId ?? '';
    expect(await host.handlers['sale.discount']({ scope: 'line', lineId, kind: 'percent', value: 2000 })).toMatchObject({ ok: false, error: { code: 'approval_required' } });
    expect(await host.handlers['sale.discount']({ scope: 'line', lineId, kind: 'percent', value: 2000, supervisorPin: '2345' })).toMatchObject({ ok: false, error: { code: 'approval_refused' } });
    const ok20 = await call(host.handlers['sale.discount']({ scope: 'line', lineId, kind: 'percent', value: 2000, supervisorPin: '5678' }));
    expect(ok20.totals.total).toBe(water.price - Math.floor(water.price * 0.2));
    const within = await call(host.handlers['sale.discount']({ scope: 'basket', kind: 'amount', value: 10 }));
    expect(within.totals.total).toBe(water.price - Math.floor(water.price * 0.2) - 10);
    const done = await call(host.handlers['sale.payCash']({ received: 1000 }));
    expect(done.completed?.total).toBe(within.totals.total);
  });

  it('overrides a price only with a supervisor when it is a big cut, keeping the shelf price', async () => {
    await signedIn();
    const sale = await call(host.handlers['sale.scan']({ code: ramen.barcode, source: 'wedge' }));
    const lineId = sale.lines[0]?.lineId ?? '';
    expect(await host.handlers['sale.overridePrice']({ lineId, price: 800, reason: '파손' })).toMatchObject({ ok: false, error: { code: 'approval_required' } });
    const v = await call(host.handlers['sale.overridePrice']({ lineId, price: 800, reason: '파손', supervisorPin: '5678' }));
    expect(await host.handlers['sale.overridePrice']({ lineId, price: 100, reason: '파손', supervisorPin: '5678' })).toMatchObject({ ok: false, error: { code: 'approval_refused' } });
    expect(v.lines[0]).toMatchObject({ unitPrice: 800, originalPrice: ramen.price });
    expect(v.totals.total).toBe(800);
  });

  it('holds payment until the customer\'s age is confirmed, and voids the restricted line when it is not', async () => {
    await signedIn();
    await call(host.handlers['sale.scan']({ code: water.barcode, source: 'wedge' }));
    const withSoju = await call(host.handlers['sale.scan']({ code: DEMO_PRODUCTS.soju.barcode, source: 'wedge' }));
    expect(withSoju.ageCheckPending).toBe(true);
    expect(await host.handlers['sale.payCash']({ received: 10000 })).toMatchObject({ ok: false, error: { code: 'age_check_required' } });
    expect(await host.handlers['sale.payCard']({})).toMatchObject({ ok: false, error: { code: 'age_check_required' } });
    const refused = await call(host.handlers['sale.confirmAge']({ approved: false }));
    expect(refused.lines.map((l) => [l.barcode, l.voided])).toEqual([[water.barcode, false], [DEMO_PRODUCTS.soju.barcode, true]]);
    await call(host.handlers['sale.scan']({ code: DEMO_PRODUCTS.soju.barcode, source: 'wedge' }));
    const confirmed = await call(host.handlers['sale.confirmAge']({ approved: true }));
    expect(confirmed.lines.at(-1)).toMatchObject({ ageCheck: 'confirmed', voided: false });
    expect((await call(host.handlers['sale.payCash']({ received: 10000 }))).completed).not.toBeNull();
  });

  it('suspends a sale, rings another, and resumes the first', async () => {
    await signedIn();
    await call(host.handlers['sale.scan']({ code: ramen.barcode, source: 'wedge' }));
    const { saleId } = await call(host.handlers['sale.suspend']({}));
    expect((await call(host.handlers['till.status']({}))).sale).toBeNull();
    await call(host.handlers['sale.scan']({ code: water.barcode, source: 'wedge' }));
    expect(await host.handlers['sale.resume']({ saleId })).toMatchObject({ ok: false, error: { code: 'sale_open' } });
    await call(host.handlers['sale.payCash']({ received: 1000 }));
    expect((await call(host.handlers['sale.suspended']({}))).map((s) => [s.saleId, s.total])).toEqual([[saleId, ramen.price]]);
    const resumed = await call(host.handlers['sale.resume']({ saleId }));
    expect(resumed.lines.map((l) => l.barcode)).toEqual([ramen.barcode]);
    expect(await call(host.handlers['sale.suspended']({}))).toEqual([]);
    await call(host.handlers['sale.cancel']({}));
    expect((await call(host.handlers['till.status']({}))).sale).toBeNull();
  });
});

describe('the host, labelled and weighed goods', () => {
  it('rings a scale label by its weight, a deli label by its price, and a GS1-128 code with a weight', async () => {
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    // 1,250 g of pork belly at 23,900 won/kg from an in-store weight label (prefix 25).
    const pork = await call(host.handlers['sale.scan']({ code: ean13('250004201250'), source: 'wedge' }));
    expect(pork.lines.at(-1)).toMatchObject({ unitPrice: 29875, quantity: 1 });
    // A lunch box labelled 4,500 won (prefix 20).
    const lunch = await call(host.handlers['sale.scan']({ code: ean13('200055504500'), source: 'wedge' }));
    expect(lunch.lines.at(-1)).toMatchObject({ unitPrice: 4500, barcode: DEMO_PRODUCTS.lunchBox.barcode });
    // GS1-128: GTIN 0 + the pork code, net weight 0.500 kg (AI 3103).
    const gs1 = await call(host.handlers['sale.scan']({ code: `01${'0' + DEMO_PRODUCTS.porkBelly.barcode}3103000500`, source: 'wedge' }));
    expect(gs1.lines.at(-1)).toMatchObject({ unitPrice: 11950 });
    expect(gs1.lines).toHaveLength(3);
    const paid = await call(host.handlers['sale.payCash']({ received: 50000 }));
    const receipt = lab.printer.receipts().at(-1)?.lines.join('\n') ?? '';
    expect(receipt).toContain('1.250kg x 23,900/kg');
    // The centre checks weighed and labelled lines against their own prices: no false flag.
    for (let i = 0; i < 100 && central.admin.sales(paid.completed?.receiptNumber).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(central.admin.sales(paid.completed?.receiptNumber)[0]).toMatchObject({ flag: null });
  });
});
