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

  it('reports every device on the board', async () => {
    const status = await call(host.handlers['till.status']({}));
    expect(status.devices.map((d) => [d.device, d.state]).sort()).toEqual([['payment', 'online'], ['printer', 'online'], ['scanner', 'online']]);
  });
});
