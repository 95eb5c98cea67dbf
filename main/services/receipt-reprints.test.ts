import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { createHost, type Host } from './host.ts';
import { parseTillConfig } from './till-config.ts';
import { tempDataDir } from '../store/test-helpers.ts';

// The host on real parts: a SQLite file in a temp dir, the central server and the lab printer on loopback.
let central: Central;
let lab: Lab;
let host: Host;
let cleanup: () => void;

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
  for (let i = 0; i < 100 && host.sync.status().lastPullAt === null; i++) await new Promise((r) => setTimeout(r, 50));
  await call(host.handlers['session.signIn']({ pin: '1234' }));
});

afterEach(async () => {
  await host.close();
  await lab.close();
  await central.close();
  cleanup();
});

async function sell(barcode: string, received: number): Promise<string> {
  await call(host.handlers['sale.scan']({ code: barcode, source: 'manual' }));
  const paid = await call(host.handlers['sale.payCash']({ received }));
  return paid.completed?.receiptNumber ?? '';
}

describe('the reprint queue', () => {
  it('lists the receipts a paper-out left owed, oldest first, with why', async () => {
    lab.printer.setPaper('out');
    const first = await sell(ramen.barcode, 5000);
    const second = await sell(water.barcode, 5000);
    expect(await call(host.handlers['receipts.queued']({}))).toMatchObject([
      { receiptNumber: first, reason: 'paper_out' },
      { receiptNumber: second, reason: 'paper_out' },
    ]);
  });

  it('prints them marked as a copy once the paper is back, and empties the queue', async () => {
    lab.printer.setPaper('out');
    const first = await sell(ramen.barcode, 5000);
    const second = await sell(water.barcode, 5000);
    lab.printer.setPaper('ok');
    expect(await call(host.handlers['receipts.reprintQueued']({}))).toEqual({ printed: [first, second], remaining: 0 });
    const printed = lab.printer.receipts();
    expect(printed).toHaveLength(2);
    expect(printed.map((r) => r.barcodes)).toEqual([[first], [second]]);
    expect(printed.every((r) => r.lines.some((l) => l.includes('재발행')))).toBe(true);
    expect(await call(host.handlers['receipts.queued']({}))).toEqual([]);
  });

  it('keeps them queued while the paper is still out, and says why', async () => {
    lab.printer.setPaper('out');
    const first = await sell(ramen.barcode, 5000);
    expect(await call(host.handlers['receipts.reprintQueued']({}))).toEqual({ printed: [], remaining: 1, error: 'The printer is out of paper.' });
    expect(await call(host.handlers['receipts.queued']({}))).toMatchObject([{ receiptNumber: first, reason: 'paper_out' }]);
  });

  it('queues a receipt whose paper ran out mid-print, and reprints it whole', async () => {
    lab.printer.runOutOfPaperAfter(300);
    const receipt = await sell(ramen.barcode, 5000);
    expect(lab.printer.tornReceipts()).toHaveLength(1);
    expect(await call(host.handlers['receipts.queued']({}))).toMatchObject([{ receiptNumber: receipt, reason: 'paper_out' }]);
    lab.printer.setPaper('ok');
    expect(await call(host.handlers['receipts.reprintQueued']({}))).toEqual({ printed: [receipt], remaining: 0 });
    expect(lab.printer.receipts().at(-1)?.barcodes).toEqual([receipt]);
  });
});
