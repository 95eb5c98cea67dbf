import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { createHost, type Host } from './host.ts';
import { parseTillConfig, type TillConfigInput } from './till-config.ts';
import { tempDataDir } from '../store/test-helpers.ts';
import { openTillDatabases } from '../store/database.ts';
import { SqliteOpenSale } from '../store/open-sale-repository.ts';
import { applyTender, openSale } from '../core/sale.ts';
import { addItem } from '../core/basket.ts';
import { KOREAN_VAT } from '../core/tax.ts';
import { type DemoTill, demoTills } from '../../fixtures/demo-store/store.ts';

// The kiosk on real parts, in-process: SQLite files in a temp dir, the central server and the lab on loopback.
let central: Central;
let lab: Lab;
let dir: string;
let cleanup: () => void;
const hosts: Host[] = [];

const { ramen, water } = DEMO_PRODUCTS;

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function startHost(over: Partial<TillConfigInput> = {}, where: { dataDir?: string; till?: DemoTill } = {}): Promise<Host> {
  const config = parseTillConfig({ ...demoTillConfig({ centralUrl: central.url, endpoints: lab.endpoints, pollIntervalMs: 200, ...(where.till ? { till: where.till } : {}) }), role: 'kiosk', ...over });
  const host = await createHost({ config, dataDir: where.dataDir ?? dir });
  hosts.push(host);
  for (let i = 0; i < 100 && host.sync.status().lastPullAt === null; i++) await new Promise((r) => setTimeout(r, 50));
  return host;
}

beforeEach(async () => {
  const t = tempDataDir('kiosk-host-');
  dir = t.dir;
  cleanup = t.cleanup;
  central = await startCentral({ dbPath: path.join(t.dir, 'central.db') });
  lab = await startLab({});
});

afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  await lab.close();
  await central.close();
  cleanup();
});

describe('the kiosk service', () => {
  it('commits a draft that was paid in full when the till stopped before the commit, and offers its receipt', async () => {
    // What a crash between the approved card and the commit leaves: a draft whose tender covers it all.
    const dbs = openTillDatabases(dir);
    const sale = openSale('0190a000-0000-7000-8000-000000000001', 'kiosk-till-0001-01', '2026-11-25T10:00:00.000Z', 'KRW');
    const basket = addItem(sale.basket, ramen, 2, 'line-1');
    if (!basket.ok) throw new Error(basket.message);
    const paid = applyTender(
      { ...sale, basket: basket.value },
      { id: 'tender-1', kind: 'card', amount: ramen.price * 2, card: { scheme: 'VISA', maskedPan: '************1234', approvalCode: '123456', terminalRef: 'T1' } },
      KOREAN_VAT,
    );
    if (!paid.ok) throw new Error(paid.message);
    new SqliteOpenSale(dbs.till).save(paid.value);
    dbs.close();

    const host = await startHost();
    const view = await value(host.handlers['kiosk.status']({}));
    expect(view).toMatchObject({ phase: 'receipt', completed: { saleId: paid.value.id, total: ramen.price * 2 } });
    expect((await value(host.handlers['journal.recent']({ limit: 5 }))).map((e) => e.saleId)).toEqual([paid.value.id]);
    expect((await value(host.handlers['till.status']({}))).sale).toBeNull();
    // The receipt waits for the customer's choice: nothing printed yet.
    expect(lab.printer.receipts()).toHaveLength(0);
    await value(host.handlers['kiosk.receipt']({ choice: 'print' }));
    expect(lab.printer.receipts()).toHaveLength(1);
  });

  it('refuses the lane’s staff methods and cash to a kiosk customer, and rings only through the kiosk', async () => {
    const host = await startHost();
    await value(host.handlers['kiosk.scan']({ code: water.barcode, source: 'manual' }));
    const line = (await value(host.handlers['till.status']({}))).sale?.lines[0];
    for (const r of [
      await host.handlers['sale.voidLine']({ lineId: line?.lineId ?? '' }),
      await host.handlers['sale.cancel']({}),
      await host.handlers['sale.discount']({ scope: 'basket', kind: 'percent', value: 5000 }),
      await host.handlers['session.signOut']({}),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'staff_required' } });
    }
    expect(await host.handlers['sale.payCash']({ received: 100_000 })).toMatchObject({ ok: false, error: { code: 'cash_not_fitted' } });
    // The basket the customer built is untouched by all that.
    expect((await value(host.handlers['till.status']({}))).sale?.lines.map((l) => [l.barcode, l.voided])).toEqual([[water.barcode, false]]);
  });

  it('calls staff when the basket passes the item limit, and not again once staff let it through', async () => {
    const host = await startHost({ kiosk: { maxItems: 2 } });
    await value(host.handlers['kiosk.start']({ language: 'en' }));
    for (let i = 0; i < 3; i++) await value(host.handlers['kiosk.scan']({ code: ramen.barcode, source: 'wedge' }));
    const view = await value(host.handlers['kiosk.status']({}));
    expect(view.interventions.map((i) => i.reason)).toEqual(['too_many_items']);
    expect(await host.handlers['kiosk.pay']({})).toMatchObject({ ok: false, error: { code: 'staff_needed' } });
    const call = view.interventions[0]?.id ?? '';
    expect(await host.handlers['kiosk.approve']({ interventionId: call, pin: '0000', approved: true })).toMatchObject({ ok: false, error: { code: 'pin_wrong' } });
    await value(host.handlers['kiosk.approve']({ interventionId: call, pin: '1234', approved: true }));
    await value(host.handlers['kiosk.scan']({ code: water.barcode, source: 'wedge' }));
    expect((await value(host.handlers['kiosk.status']({}))).interventions).toEqual([]);
  });

  it('on a lane, answers only the price check; a staff exit from kiosk mode needs a supervisor', async () => {
    const lane = await startHost({ role: 'lane' });
    expect(await lane.handlers['kiosk.status']({})).toMatchObject({ ok: false, error: { code: 'not_a_kiosk' } });
    const price = await value(lane.handlers['kiosk.priceCheck']({ code: ramen.barcode }));
    expect(price).toMatchObject({ barcode: ramen.barcode, price: ramen.price, promotions: [], stock: null });
    expect(await lane.handlers['kiosk.priceCheck']({ code: '8800000000000' })).toMatchObject({ ok: false });
    await lane.close();
    hosts.splice(0);
    const kiosk = await startHost();
    expect(await kiosk.handlers['kiosk.exit']({ pin: '1234' })).toMatchObject({ ok: false, error: { code: 'approval_refused' } });
    expect(await value(kiosk.handlers['kiosk.exit']({ pin: '9999' }))).toEqual({ staffId: 'staff-0004' });
  });

  it('tells the store’s staff tills about a kiosk’s call through the central API, and clears it once staff answered at the kiosk', async () => {
    const kiosk = await startHost();
    const lane = await startHost({ role: 'lane' }, { dataDir: path.join(dir, 'lane'), till: demoTills[1] as DemoTill });
    await value(kiosk.handlers['kiosk.start']({ language: 'ko' }));
    const raised = await value(kiosk.handlers['kiosk.callStaff']({ reason: 'help' }));
    const call = raised.interventions[0];
    const seen = async () => (await value(lane.handlers['kiosk.staffCalls']({}))).calls;
    for (let i = 0; i < 100 && (await seen()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await seen()).toEqual([{ id: call?.id, tillId: 'till-0001-01', tillNumber: '01', reason: 'help', raisedAt: call?.raisedAt }]);
    // The kiosk itself lists nothing: it is not a staff till.
    expect((await value(kiosk.handlers['kiosk.staffCalls']({}))).calls).toEqual([]);
    await value(kiosk.handlers['kiosk.approve']({ interventionId: call?.id ?? '', pin: '5678', approved: true }));
    for (let i = 0; i < 100 && (await seen()).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await seen()).toEqual([]);
  });
});
