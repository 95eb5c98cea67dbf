import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPaymentTerminal, createPrinter, createScanner } from '../index.ts';
import { SAMPLE_KOREAN_RECEIPT } from '../printer/protocol/sample-receipt.ts';
import type { Scan } from '../scanner/types.ts';
import { startLab, type Lab } from './lab.ts';

const until = async (check: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('the lab', () => {
  let lab: Lab;
  const cleanups: (() => Promise<void>)[] = [];
  beforeEach(async () => {
    lab = await startLab();
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await lab.close();
  });
  const control = (path: string, body?: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(new URL(path, lab.control.url), body === undefined ? {} : { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('publishes tcp endpoints on loopback for every device', () => {
    expect(lab.endpoints.printer).toBe(`tcp://127.0.0.1:${lab.printer.port}`);
    expect(lab.endpoints.scanner).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
    expect(lab.endpoints.payment).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
  });

  it('sends a scan triggered through the control API to a connected scanner', async () => {
    const scanner = createScanner(lab.endpoints.scanner);
    cleanups.push(() => scanner.close());
    const scans: Scan[] = [];
    scanner.onData((s) => scans.push(s));
    await scanner.open();
    await until(() => lab.scanner.connections === 1);
    const res = await control('/scanner/scan', { data: '8801234567893' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ delivered: 1 });
    await until(() => scans.length === 1);
    expect(scans[0]?.data).toBe('8801234567893');
  });

  it('accepts the HTML form scan and sends the browser back to the page', async () => {
    const res = await fetch(new URL('/scanner/scan', lab.control.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'data=0001-01-000042',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
  });

  it('returns a receipt printed over TCP as decoded JSON, and lists it on the page', async () => {
    const printer = createPrinter(lab.endpoints.printer);
    cleanups.push(() => printer.close());
    await printer.open();
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    const res = await control('/printer/receipts');
    const body = (await res.json()) as { receipts: { lines: string[]; barcodes: string[] }[] };
    expect(body.receipts).toHaveLength(1);
    expect(body.receipts[0]?.lines.map((l) => l.trim())).toContain('옴니마트 강남점');
    expect(body.receipts[0]?.barcodes).toEqual(['0001-01-000042']);
    const html = await (await control('/')).text();
    expect(html).toContain('옴니마트 강남점');
    expect(html).toContain('<form method="post" action="/scanner/scan">');
  });

  it('pulls the paper through the control API so the next print is refused', async () => {
    const printer = createPrinter(lab.endpoints.printer);
    cleanups.push(() => printer.close());
    await printer.open();
    expect((await control('/printer/paper', { state: 'out' })).status).toBe(200);
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toMatchObject({ ok: false, code: 'paper_out' });
    expect((await control('/printer/cover', { state: 'open' })).status).toBe(200);
    expect(lab.printer.state()).toEqual({ paper: 'out', cover: 'open', drawer: 'closed', drawerKicks: 0 });
  });

  it('declines the next card through the control API and lists the transactions', async () => {
    const terminal = createPaymentTerminal(lab.endpoints.payment);
    cleanups.push(() => terminal.close());
    await terminal.open();
    expect((await control('/payment/next', { outcome: 'decline' })).status).toBe(200);
    expect(await terminal.authorize({ amount: 3900, currencyNumeric: 410, reference: 's1' })).toMatchObject({ status: 'declined' });
    const { transactions } = (await (await control('/payment/transactions')).json()) as { transactions: { outcome: string }[] };
    expect(transactions.map((t) => t.outcome)).toEqual(['decline']);
  });

  it('lets the next approval arrive late through the control API, and lists it booked once', async () => {
    expect((await control('/payment/next', { outcome: 'late', lateMs: 50 })).status).toBe(200);
    const terminal = createPaymentTerminal(lab.endpoints.payment);
    cleanups.push(() => terminal.close());
    await terminal.open();
    expect(await terminal.authorize({ amount: 3900, currencyNumeric: 410, reference: 's1' })).toMatchObject({ status: 'approved' });
    const { transactions } = (await (await control('/payment/transactions')).json()) as { transactions: { outcome: string; trace?: string }[] };
    expect(transactions).toMatchObject([{ outcome: 'late', trace: '000001' }]);
  });

  it('runs the paper out mid-receipt and shuts the drawer through the control API', async () => {
    const printer = createPrinter(lab.endpoints.printer);
    cleanups.push(() => printer.close());
    await printer.open();
    expect((await control('/printer/paper-runs-out', { afterBytes: 300 })).status).toBe(200);
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toMatchObject({ ok: false, code: 'paper_out' });
    expect(lab.printer.tornReceipts()).toHaveLength(1);
    expect(await printer.openDrawer()).toEqual({ ok: true });
    expect(await printer.readDrawer()).toEqual({ ok: true, drawer: 'open' });
    expect(await (await control('/drawer/close', {})).json()).toMatchObject({ drawer: 'closed', drawerKicks: 1 });
  });

  it('answers bad control input with 400 and a message', async () => {
    const bad = await control('/printer/paper', { state: 'wet' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^state: /);
    const empty = await control('/scanner/scan', { data: '' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: 'data: data must not be empty' });
    const garbage = await control('/payment/next', '{not json');
    expect(await garbage.json()).toEqual({ error: 'body is not valid JSON' });
    expect((await control('/nowhere')).status).toBe(404);
  });

  it('also plays every device on a serial line (socat ptys) when asked', async () => {
    const serialLab = await startLab({ serial: true });
    cleanups.push(() => serialLab.close());
    const endpoints = serialLab.serial?.endpoints;
    expect(endpoints?.payment).toMatch(/^serial:\/\/\/.+\?baud=9600$/);
    if (!endpoints) return;
    const scanner = createScanner(endpoints.scanner);
    const printer = createPrinter(endpoints.printer);
    const terminal = createPaymentTerminal(endpoints.payment);
    for (const d of [scanner, printer, terminal]) cleanups.push(() => d.close());
    const scans: Scan[] = [];
    scanner.onData((s) => scans.push(s));
    await Promise.all([scanner.open(), printer.open(), terminal.open()]);
    const res = await fetch(new URL('/scanner/scan', serialLab.control.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: '8801234567893' }) });
    expect(await res.json()).toEqual({ delivered: 1 });
    await until(() => scans.length === 1);
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    expect(serialLab.printer.receipts()).toHaveLength(1);
    expect(await terminal.authorize({ amount: 1200, currencyNumeric: 410, reference: 's' })).toMatchObject({ status: 'approved', amount: 1200 });
  });
});
