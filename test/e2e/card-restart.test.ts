import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import type { TillConfigInput } from '../../main/services/till-config.ts';
import { centralSales } from '../support/central-query.ts';
import { startHostProcess, type RunningHost } from '../support/host-process.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { waitFor } from '../support/wait-for.ts';

const { water } = DEMO_PRODUCTS;

let dataDir: string;
let central: Central;
let lab: Lab;
let host: RunningHost | undefined;
let config: TillConfigInput;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'till-e2e-card-restart-'));
  central = await startCentral({ dbPath: path.join(dataDir, 'central.db'), port: 0 });
  lab = await startLab({});
  // The till would wait 30 s for the card; it is killed long before that.
  config = demoTillConfig({ centralUrl: central.url, endpoints: { ...lab.endpoints, payment: `${lab.endpoints.payment}?timeout=30000` }, pollIntervalMs: 500 });
  host = await startHostProcess(dataDir, config);
});

afterAll(async () => {
  await host?.kill('SIGTERM');
  await lab?.close();
  await central?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a card payment whose till is killed between sending the authorization and the answer', () => {
  it('is resolved after the restart by asking the terminal: the sale completes with that one approval, charged once', async () => {
    const first = host;
    if (!first) throw new Error('no host');
    const client = await NodeTillClient.connect(first.url);
    await waitFor('the first pull', async () => ((await client.call('till.status', {})).sync.lastPullAt !== null ? true : undefined));
    await client.call('session.signIn', { pin: '1234' });
    const rung = await client.call('sale.scan', { code: water.barcode, source: 'manual' });

    // The customer's card is approved 3 s after the request, by when the till is gone.
    lab.terminal.nextOutcome('late', { lateMs: 3000 });
    void client.call('sale.payCard', {}).catch(() => undefined);
    await waitFor('the authorization at the terminal', () => (lab.terminal.transactions().length === 1 ? true : undefined));
    await first.kill('SIGKILL');
    client.close();

    // What the till knew when it died: the sale, and the authorization it had sent, on disk.
    const db = new Database(path.join(dataDir, 'till.db'), { readonly: true });
    expect(db.prepare('SELECT operation, reference, amount FROM pending_card_operation').all()).toEqual([{ operation: 'payment', reference: rung.id, amount: water.price }]);
    expect(db.prepare('SELECT count(*) AS n FROM sale').get()).toEqual({ n: 0 });
    db.close();

    // The terminal books the approval with nobody listening.
    await lab.terminal.settled();
    expect(lab.terminal.transactions()).toMatchObject([{ kind: 'payment', amount: water.price, trace: '000001' }]);

    // Restarted, the till asks the terminal before anything else and books what it approved.
    host = await startHostProcess(dataDir, config);
    const again = await NodeTillClient.connect(host.url);
    try {
      const done = await waitFor('the sale completed after the restart', async () => (await again.call('till.status', {})).lastCompleted ?? undefined);
      expect(done).toMatchObject({ saleId: rung.id, total: water.price });
      const status = await again.call('till.status', {});
      expect(status.sale).toBeNull();
      const [sale] = await again.call('journal.recent', { limit: 5 });
      expect(sale).toMatchObject({ saleId: rung.id, total: water.price });

      // Nothing left to pay, and nothing left unknown: a second press of the card key charges nothing.
      await again.call('session.signIn', { pin: '1234' });
      expect(await again.invoke('sale.payCard', {})).toMatchObject({ ok: false, error: { code: 'no_open_sale' } });
      const check = new Database(path.join(dataDir, 'till.db'), { readonly: true });
      expect(check.prepare('SELECT count(*) AS n FROM pending_card_operation').get()).toEqual({ n: 0 });
      check.close();

      // The central server has the sale with that one card tender; the terminal charged once.
      const central1 = await waitFor('the sale at the central server', async () => (await centralSales(central.url, done.receiptNumber))[0]);
      expect(central1.tenders).toEqual([{ kind: 'CARD', amount: water.price, card: { scheme: expect.any(String) as string, maskedPan: '****1234', approvalCode: expect.any(String) as string } }]);
      expect(lab.terminal.transactions()).toHaveLength(1);
      expect(lab.terminal.transactions().filter((t) => t.kind === 'payment' && t.trace !== undefined)).toHaveLength(1);
    } finally {
      again.close();
    }
  });
});
