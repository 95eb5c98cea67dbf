import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../device.ts';
import { createPtyPair } from '../../lab/pty-pair.ts';
import { openSerial } from '../../serial/serial-endpoint.ts';
import { LabPrinter } from '../lab/lab-printer.ts';
import { SAMPLE_KOREAN_RECEIPT } from '../protocol/sample-receipt.ts';
import { DEVICE_FILE_MESSAGES, openDeviceFile } from './device-file.ts';
import { PRINTER_MESSAGES } from './tcp-printer.ts';
import { EscPosUsbPrinter } from './usb-lp-printer.ts';

const until = async (what: string, check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

// A pty is a character device like /dev/usb/lp0: the till opens and reads it as a plain device file,
// and the lab printer sits on the other end (socat).
describe('ESC/POS printer on a USB printer-class device file (socat pty standing in for /dev/usb/lp0)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function plugIn(dir?: string) {
    const pty = await createPtyPair(dir ? { dir } : {});
    cleanups.push(async () => {
      await pty.close();
      if (dir) await rm(pty.dir, { recursive: true, force: true });
    });
    const lab = LabPrinter.detached();
    const port = await openSerial({ path: pty.device, baudRate: 115200 });
    cleanups.push(() => new Promise<void>((r) => (port.isOpen ? port.close(() => r()) : r())));
    lab.serve(port);
    return { pty, lab, port };
  }

  async function setup(timeoutMs = 5000) {
    const plugged = await plugIn();
    const printer = new EscPosUsbPrinter(plugged.pty.till, { timeoutMs, reconnectMs: 100 });
    const statuses: DeviceStatus[] = [];
    printer.onStatus((s) => statuses.push(s));
    cleanups.push(() => printer.close());
    await printer.open();
    return { ...plugged, printer, statuses };
  }

  it('prints a Korean receipt through the device file that the lab decodes back to its text and barcode', async () => {
    const { lab, printer } = await setup();
    expect(printer.status()).toEqual({ state: 'online' });
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    const [receipt] = lab.receipts();
    expect(receipt?.lines.map((l) => l.trim())).toContain('옴니마트 강남점');
    expect(receipt?.barcodes).toEqual(['0001-01-000042']);
    expect(receipt?.cut).toBe(true);
  });

  it('reads the status back from the device (DLE EOT): refuses with the paper out, prints once it is back', async () => {
    const { lab, printer } = await setup();
    lab.setPaper('out');
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: false, code: 'paper_out', message: PRINTER_MESSAGES.paper_out });
    expect(lab.receipts()).toEqual([]);
    lab.setPaper('ok');
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
  });

  it('hears automatic status back (ASB) between receipts: the cover opened, and the drawer switch', async () => {
    const { lab, printer } = await setup();
    lab.setCover('open');
    await until('cover_open from ASB', () => printer.status().code === 'cover_open');
    lab.setCover('closed');
    await until('online again', () => printer.status().state === 'online');
    expect(await printer.openDrawer()).toEqual({ ok: true });
    await until('the drawer kicked', () => lab.state().drawerKicks === 1);
    expect(await printer.readDrawer()).toEqual({ ok: true, drawer: 'open' });
  });

  it('fails a print unplugged mid-receipt, goes offline, and is online again by itself once plugged back in', async () => {
    const { pty, lab, printer, port, statuses } = await setup(1500);
    // The printer answers the status queries, then the cable comes out while the receipt is on its way.
    let unplugged: Promise<void> | undefined;
    port.on('data', () => {
      unplugged ??= pty.close();
    });
    const outcome = await printer.print(SAMPLE_KOREAN_RECEIPT);
    expect(outcome).toMatchObject({ ok: false, code: expect.stringMatching(/^(disconnected|timeout)$/) });
    await unplugged;
    await until('offline', () => printer.status().state === 'offline');
    expect(lab.receipts()).toEqual([]);

    // Plugged in again at the same path: no print and no restart needed for the till to see it.
    const again = await plugIn(pty.dir);
    await until('online after the replug', () => printer.status().state === 'online');
    expect(statuses.map((s) => s.state)).toEqual(expect.arrayContaining(['online', 'offline']));
    expect(statuses.at(-1)).toEqual({ state: 'online' });
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    expect(again.lab.receipts()).toHaveLength(1);
  });

  it('says clearly when the device file is not there', async () => {
    await expect(openDeviceFile('/dev/usb/lp-none')).rejects.toThrow(DEVICE_FILE_MESSAGES.openFailed('/dev/usb/lp-none', 'ENOENT'));
    const printer = new EscPosUsbPrinter('/dev/usb/lp-none', { reconnectMs: 60_000 });
    cleanups.push(() => printer.close());
    await printer.open();
    expect(printer.status()).toMatchObject({ state: 'offline', code: 'disconnected' });
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: false, code: 'disconnected', message: PRINTER_MESSAGES.disconnected });
  });
});
