import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createPtyPair } from '../../lab/pty-pair.ts';
import { openSerial } from '../../serial/serial-endpoint.ts';
import { LabPrinter } from '../lab/lab-printer.ts';
import { SAMPLE_KOREAN_RECEIPT } from '../protocol/sample-receipt.ts';
import { PRINTER_MESSAGES } from './tcp-printer.ts';
import { EscPosSerialPrinter } from './serial-printer.ts';

describe('ESC/POS serial printer over a socat pty with the lab printer', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(timeoutMs = 5000) {
    const pty = await createPtyPair();
    cleanups.push(() => pty.close());
    const lab = LabPrinter.detached();
    const devicePort = await openSerial({ path: pty.device, baudRate: 115200 });
    cleanups.push(() => new Promise<void>((r) => (devicePort.isOpen ? devicePort.close(() => r()) : r())));
    lab.serve(devicePort);
    const printer = new EscPosSerialPrinter({ path: pty.till, baudRate: 115200 }, { timeoutMs });
    cleanups.push(() => printer.close());
    await printer.open();
    return { pty, lab, printer, devicePort };
  }

  it('prints a Korean receipt that the lab decodes back to its text and barcode', async () => {
    const { lab, printer } = await setup();
    expect(printer.status()).toEqual({ state: 'online' });
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    const [receipt] = lab.receipts();
    const lines = receipt?.lines.map((l) => l.trim());
    expect(lines).toContain('옴니마트 강남점');
    expect(lines?.some((l) => /^합계 +22,800$/.test(l))).toBe(true);
    expect(receipt?.barcodes).toEqual(['0001-01-000042']);
    expect(receipt?.cut).toBe(true);
  });

  it('asks the paper sensor over the line and refuses with the paper out', async () => {
    const { lab, printer } = await setup();
    lab.setPaper('out');
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: false, code: 'paper_out', message: PRINTER_MESSAGES.paper_out });
    expect(lab.receipts()).toEqual([]);
    lab.setPaper('ok');
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
  });

  it('fails a print when the printer is unplugged during it, reports it offline, and prints again once plugged back in', async () => {
    const { pty, lab, printer, devicePort } = await setup(1500);
    // The printer takes the status queries, then the cable comes out while the receipt is on its way.
    let unplugged: Promise<void> | undefined;
    devicePort.on('data', () => {
      unplugged ??= pty.close();
    });
    const outcome = await printer.print(SAMPLE_KOREAN_RECEIPT);
    expect(outcome.ok).toBe(false);
    expect(outcome).toMatchObject({ code: expect.stringMatching(/^(disconnected|timeout)$/) });
    expect(printer.status().state).toBe('offline');
    expect(lab.receipts()).toEqual([]);

    await unplugged;
    const again = await createPtyPair({ dir: pty.dir });
    cleanups.push(async () => {
      await again.close();
      await rm(again.dir, { recursive: true, force: true });
    });
    const lab2 = LabPrinter.detached();
    const port2 = await openSerial({ path: again.device, baudRate: 115200 });
    cleanups.push(() => new Promise<void>((r) => (port2.isOpen ? port2.close(() => r()) : r())));
    lab2.serve(port2);
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    expect(lab2.receipts()).toHaveLength(1);
  });
});
