import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { createPtyPair, type PtyPair } from '../../drivers/lab/pty-pair.ts';
import { LabPrinter } from '../../drivers/printer/lab/lab-printer.ts';
import { openSerial } from '../../drivers/serial/serial-endpoint.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { createHost, type Host } from './host.ts';
import { parseTillConfig } from './till-config.ts';
import { tempDataDir } from '../store/test-helpers.ts';

// The till's printer on a USB printer-class device file (usblp://), played by the lab printer on the
// far end of a socat pty (a character device like /dev/usb/lp0); the rest on real parts as elsewhere.
const { ramen } = DEMO_PRODUCTS;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function call<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
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

/** Plugs a lab printer into the device end of a pty pair (again at the same path when `dir` is given). */
async function plugIn(dir?: string): Promise<{ pty: PtyPair & { dir: string }; printer: LabPrinter; port: Awaited<ReturnType<typeof openSerial>> }> {
  const pty = await createPtyPair(dir ? { dir } : {});
  cleanups.push(async () => {
    await pty.close();
    await rm(pty.dir, { recursive: true, force: true });
  });
  const printer = LabPrinter.detached();
  const port = await openSerial({ path: pty.device, baudRate: 115200 });
  cleanups.push(() => new Promise<void>((r) => (port.isOpen ? port.close(() => r()) : r())));
  printer.serve(port);
  return { pty, printer, port };
}

describe('a receipt printer on a USB device file that is unplugged as the receipt prints', () => {
  it('keeps the sale, queues the receipt for a reprint, and prints it once the printer is plugged back in', async () => {
    const t = tempDataDir();
    cleanups.push(t.cleanup);
    const central: Central = await startCentral({ dbPath: path.join(t.dir, 'central.db') });
    cleanups.push(() => central.close());
    const lab: Lab = await startLab({});
    cleanups.push(() => lab.close());
    const usb = await plugIn();
    const endpoints = { ...lab.endpoints, printer: `usblp://${usb.pty.till}` };
    const host: Host = await createHost({ config: parseTillConfig(demoTillConfig({ centralUrl: central.url, endpoints, pollIntervalMs: 200 })), dataDir: t.dir });
    cleanups.push(() => host.close());
    await until('the first pull', () => host.sync.status().lastPullAt !== null);
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    const printerState = async () => (await call(host.handlers['till.status']({}))).devices.find((d) => d.device === 'printer')?.state;
    expect(await printerState()).toBe('online');

    await call(host.handlers['sale.scan']({ code: ramen.barcode, source: 'manual' }));
    // The cable comes out as the sale is done: the drawer kick reaches the printer, the receipt does not.
    let unplugged: Promise<void> | undefined;
    usb.port.on('data', () => {
      unplugged ??= usb.pty.close();
    });
    const paid = await call(host.handlers['sale.payCash']({ received: 5000 }));
    await unplugged;
    const receiptNumber = paid.completed?.receiptNumber ?? '';
    expect(paid.completed?.receipt.printed).toBe(false);
    expect(usb.printer.receipts()).toEqual([]);

    // The sale stands in the journal and goes to the central server; the paper is owed.
    expect((await call(host.handlers['journal.recent']({ limit: 1 })))[0]?.receiptNumber).toBe(receiptNumber);
    expect(await call(host.handlers['receipts.queued']({}))).toMatchObject([{ kind: 'sale', receiptNumber, reason: expect.stringMatching(/^(disconnected|timeout)$/) as string }]);
    await until('the printer offline on the board', async () => (await printerState()) === 'offline');

    // Plugged back in at the same place: online again without a restart, and the owed receipt prints.
    const again = await plugIn(usb.pty.dir);
    await until('the printer online again', async () => (await printerState()) === 'online');
    expect(await call(host.handlers['receipts.reprintQueued']({}))).toEqual({ printed: [receiptNumber], remaining: 0 });
    expect(again.printer.receipts().at(-1)?.barcodes).toEqual([receiptNumber]);
    await until('the sale at the central server', () => host.sync.status().queued === 0);
  });
});
