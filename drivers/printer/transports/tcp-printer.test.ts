import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../device.ts';
import { LabPrinter } from '../lab/lab-printer.ts';
import { SAMPLE_KOREAN_RECEIPT } from '../protocol/sample-receipt.ts';
import { EscPosTcpPrinter, PRINTER_MESSAGES } from './tcp-printer.ts';

const until = async (check: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('ESC/POS TCP printer with the lab printer', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(timeoutMs = 5000) {
    const lab = await LabPrinter.start();
    cleanups.push(() => lab.close());
    const printer = new EscPosTcpPrinter({ host: '127.0.0.1', port: lab.port, timeoutMs });
    cleanups.push(() => printer.close());
    const statuses: DeviceStatus[] = [];
    printer.onStatus((s) => statuses.push(s));
    await printer.open();
    return { lab, printer, statuses };
  }

  it('prints a Korean receipt that the lab decodes back to its Korean text and barcode', async () => {
    const { lab, printer } = await setup();
    expect(printer.status()).toEqual({ state: 'online' });
    const outcome = await printer.print(SAMPLE_KOREAN_RECEIPT);
    expect(outcome).toEqual({ ok: true });
    const [receipt] = lab.receipts();
    expect(lab.receipts()).toHaveLength(1);
    const lines = receipt?.lines.map((l) => l.trim());
    expect(lines).toContain('옴니마트 강남점');
    expect(lines?.some((l) => /^신라면 x2 +2,400$/.test(l))).toBe(true);
    expect(lines?.some((l) => /^합계 +22,800$/.test(l))).toBe(true);
    expect(receipt?.barcodes).toEqual(['0001-01-000042']);
    expect(receipt?.cut).toBe(true);
    expect(receipt?.byteLength).toBeGreaterThan(1000);
  });

  it('prints several receipts in order over one connection', async () => {
    const { lab, printer } = await setup();
    const outcomes = await Promise.all(
      ['첫째', '둘째', '셋째'].map((t) => printer.print({ blocks: [{ kind: 'text', text: t }] })),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(lab.receipts().map((r) => r.lines)).toEqual([['첫째'], ['둘째'], ['셋째']]);
  });

  it('refuses to print with the paper out, reports paper_out, and prints nothing', async () => {
    const { lab, printer, statuses } = await setup();
    lab.setPaper('out');
    const outcome = await printer.print(SAMPLE_KOREAN_RECEIPT);
    expect(outcome).toEqual({ ok: false, code: 'paper_out', message: PRINTER_MESSAGES.paper_out });
    expect(printer.status()).toMatchObject({ state: 'error', code: 'paper_out' });
    expect(statuses.at(-1)).toMatchObject({ code: 'paper_out' });
    expect(lab.receipts()).toEqual([]);
    expect(lab.heldJobs()).toEqual([]);
    lab.setPaper('ok');
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    expect(printer.status()).toEqual({ state: 'online' });
    expect(lab.receipts()).toHaveLength(1);
  });

  it('fails with paper_out when the paper runs out mid-receipt (found by polling the stopped printer), and prints again when paper is back', async () => {
    const { lab, printer } = await setup();
    lab.runOutOfPaperAfter(400);
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: false, code: 'paper_out', message: PRINTER_MESSAGES.paper_out });
    expect(printer.status()).toMatchObject({ state: 'error', code: 'paper_out' });
    expect(lab.receipts()).toEqual([]);
    expect(lab.tornReceipts()).toHaveLength(1);
    expect(lab.tornReceipts()[0]?.cut).toBe(false);
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toMatchObject({ ok: false, code: 'paper_out' });
    lab.setPaper('ok');
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    expect(printer.status()).toEqual({ state: 'online' });
    expect(lab.receipts()).toHaveLength(1);
  });

  it('kicks the cash drawer (ESC p) and reads the drawer switch (DLE EOT 1)', async () => {
    const { lab, printer } = await setup();
    expect(await printer.readDrawer()).toEqual({ ok: true, drawer: 'closed' });
    expect(await printer.openDrawer()).toEqual({ ok: true });
    expect(await printer.readDrawer()).toEqual({ ok: true, drawer: 'open' });
    expect(lab.state()).toMatchObject({ drawer: 'open', drawerKicks: 1 });
    lab.closeDrawer();
    expect(await printer.readDrawer()).toEqual({ ok: true, drawer: 'closed' });
    expect(lab.receipts()).toEqual([]);
  });

  it('follows the drawer switch by automatic status back, without asking: opened by the kick, shut by the cashier, unknown once closed', async () => {
    const { lab, printer } = await setup();
    const seen: string[] = [];
    printer.onDrawer((d) => seen.push(d));
    await until(() => printer.drawer() === 'closed');
    expect(await printer.openDrawer()).toEqual({ ok: true });
    await until(() => printer.drawer() === 'open');
    lab.closeDrawer();
    await until(() => printer.drawer() === 'closed');
    await printer.close();
    expect(printer.drawer()).toBe('unknown');
    expect(seen).toEqual(['open', 'closed', 'unknown']);
  });

  it('hears paper and cover changes between receipts through automatic status back (GS a), without printing', async () => {
    const { lab, printer } = await setup();
    lab.setPaper('near_end');
    await until(() => printer.status().code === 'paper_near_end');
    lab.setPaper('out');
    await until(() => printer.status().code === 'paper_out');
    expect(printer.status()).toMatchObject({ state: 'error', code: 'paper_out' });
    lab.setPaper('ok');
    lab.setCover('open');
    await until(() => printer.status().code === 'cover_open');
    lab.setCover('closed');
    await until(() => printer.status().state === 'online' && printer.status().code === undefined);
    expect(lab.receipts()).toEqual([]);
  });

  it('refuses to print with the cover open', async () => {
    const { lab, printer } = await setup();
    lab.setCover('open');
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toMatchObject({ ok: false, code: 'cover_open' });
    expect(printer.status()).toMatchObject({ state: 'error', code: 'cover_open' });
    expect(lab.receipts()).toEqual([]);
  });

  it('prints but warns when the paper is near its end', async () => {
    const { lab, printer } = await setup();
    lab.setPaper('near_end');
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    expect(printer.status()).toMatchObject({ state: 'online', code: 'paper_near_end' });
  });

  it('returns timeout (and does not throw) when the printer accepts the connection but never answers', async () => {
    const silent = net.createServer((s) => s.on('error', () => undefined));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const sockets: net.Socket[] = [];
    silent.on('connection', (s) => sockets.push(s));
    cleanups.push(async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => silent.close(r));
    });
    const port = (silent.address() as net.AddressInfo).port;
    const printer = new EscPosTcpPrinter({ host: '127.0.0.1', port, timeoutMs: 200 });
    cleanups.push(() => printer.close());
    await printer.open();
    expect(printer.status()).toMatchObject({ state: 'offline', code: 'timeout' });
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toMatchObject({ ok: false, code: 'timeout' });
    expect(printer.status()).toMatchObject({ state: 'offline', code: 'timeout' });
  });

  it('reports disconnected when nobody listens, and reconnects on the next print once the printer is back', async () => {
    const lab = await LabPrinter.start();
    const port = lab.port;
    await lab.close();
    const printer = new EscPosTcpPrinter({ host: '127.0.0.1', port, timeoutMs: 1000 });
    cleanups.push(() => printer.close());
    await printer.open();
    expect(printer.status()).toMatchObject({ state: 'offline', code: 'disconnected' });
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toMatchObject({ ok: false, code: 'disconnected' });
    const back = await LabPrinter.start({ port });
    cleanups.push(() => back.close());
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    expect(back.receipts()).toHaveLength(1);
  });

  it('reconnects after the printer dropped the connection between receipts', async () => {
    const { lab, printer } = await setup();
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    await lab.dropConnections();
    await new Promise((r) => setTimeout(r, 50));
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    expect(lab.receipts()).toHaveLength(2);
  });
});
