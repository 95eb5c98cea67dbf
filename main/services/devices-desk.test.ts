import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { LabPoleDisplay } from '../../drivers/display/lab/lab-pole-display.ts';
import { displayRow } from '../../drivers/display/protocol/escpos-display.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { waitFor } from '../../test/support/wait-for.ts';
import { createHost, type Host } from './host.ts';
import { parseTillConfig } from './till-config.ts';
import { tempDataDir } from '../store/test-helpers.ts';
import { DEVICE_CONFIG_FILE } from './device-config-file.ts';
import { DEVICES_MESSAGES } from './devices-handlers.ts';
import { displayName } from './pole-display-text.ts';

// The host in-process on real parts: the lab's HID POS scanner over its report stream, its pole
// display on a socat pty, its printer over TCP, the central server on loopback, SQLite on disk.
let central: Central;
let lab: Lab;
let host: Host;
let dataDir: string;
let cleanup: () => void;

const { ramen, water } = DEMO_PRODUCTS;

async function call<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
const boardState = async (device: string) => (await call(host.handlers['till.status']({}))).devices.find((d) => d.device === device)?.state;
const won = (n: number) => n.toLocaleString('ko-KR');

beforeEach(async () => {
  const t = tempDataDir();
  dataDir = t.dir;
  cleanup = t.cleanup;
  central = await startCentral({ dbPath: path.join(t.dir, 'central.db') });
  lab = await startLab({ serial: true });
  const serial = lab.serial;
  if (!serial) throw new Error('the lab needs socat for its ptys');
  const endpoints = { ...lab.endpoints, scanner: lab.hid.endpoint, display: serial.endpoints.display };
  host = await createHost({ config: parseTillConfig(demoTillConfig({ centralUrl: central.url, endpoints, pollIntervalMs: 200 })), dataDir: t.dir });
  await waitFor('the first pull', () => host.sync.status().lastPullAt !== null, 10_000, 50);
  await waitFor('the HID scanner connected', () => lab.hid.scanner.connections === 1, 5_000, 20);
});

afterEach(async () => {
  await host.close();
  await lab.close();
  await central.close();
  cleanup();
});

describe('devices at the till', () => {
  it('rings a HID POS scan from the lab, and the pole display on the pty shows the line, the total, then thanks', async () => {
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    lab.hid.scanner.scan(ramen.barcode, ']E0');
    await waitFor('ramen on the lane', async () => (await call(host.handlers['till.status']({}))).sale?.lines.length === 1, 5_000, 20);
    await waitFor('the line on the pole display', () => lab.display.lines()[0] === displayRow(displayName(ramen.name, 'ksc5601'), won(ramen.price)), 5_000, 20);
    expect(lab.display.lines()[1]).toBe(displayRow('합계', won(ramen.price)));

    lab.hid.scanner.scan(water.barcode, ']E0');
    await waitFor('the second line and the new total', () => lab.display.lines()[1] === displayRow('합계', won(ramen.price + water.price)), 5_000, 20);
    expect(lab.display.lines()[0]).toBe(displayRow(displayName(water.name, 'ksc5601'), won(water.price)));

    await call(host.handlers['sale.payCash']({ received: 50_000 }));
    await waitFor('thanks on the pole display', () => lab.display.lines()[0].trim() === '감사합니다', 5_000, 20);
    expect(lab.display.lines()[1]).toBe(displayRow('거스름돈', won(50_000 - ramen.price - water.price)));
  });

  it('"scan now" takes the next scan to show it and rings nothing', async () => {
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    const next = host.handlers['devices.scanNext']({ timeoutMs: 5_000 });
    await new Promise((r) => setTimeout(r, 100));
    lab.hid.scanner.scan(ramen.barcode, ']E0');
    expect(await call(next)).toEqual({ data: ramen.barcode, symbology: ']E0', source: lab.hid.endpoint });
    expect((await call(host.handlers['till.status']({}))).sale).toBeNull();
  });

  it('stops waiting when the screen is left, so the next scan rings again', async () => {
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    const next = host.handlers['devices.scanNext']({ timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 100));
    expect(await call(host.handlers['devices.scanCancel']({}))).toEqual({ canceled: true });
    expect(await next).toEqual({ ok: false, error: { code: 'scan_canceled', message: DEVICES_MESSAGES.scanCanceled } });
    lab.hid.scanner.scan(ramen.barcode, ']E0');
    await waitFor('ramen rung on the lane', async () => (await call(host.handlers['till.status']({}))).sale?.lines.length === 1, 5_000, 20);
  });

  it('shows the HID scanner offline when unplugged and online again when plugged back in', async () => {
    expect(await boardState('scanner')).toBe('online');
    await lab.hid.scanner.unplug();
    await waitFor('offline on the board', async () => (await boardState('scanner')) === 'offline', 5_000, 50);
    await lab.hid.scanner.plug();
    await waitFor('online on the board', async () => (await boardState('scanner')) === 'online', 5_000, 50);
  });

  it('prints a test page on the lab printer and opens the drawer', async () => {
    await call(host.handlers['session.signIn']({ pin: '1234' }));
    await call(host.handlers['devices.test']({ action: 'printTestPage' }));
    expect(lab.printer.receipts().at(-1)?.lines.join('\n')).toContain('TEST PAGE');
    const kicks = lab.printer.state().drawerKicks;
    await call(host.handlers['devices.test']({ action: 'openDrawer' }));
    await waitFor('the drawer kick', () => lab.printer.state().drawerKicks === kicks + 1, 5_000, 20);
  });

  it('lets a supervisor point the display elsewhere (saved, reopened at once); a cashier and a bad URL are refused', async () => {
    const other = await LabPoleDisplay.start();
    try {
      const url = `tcp://127.0.0.1:${other.port}?codepage=ascii`;
      await call(host.handlers['session.signIn']({ pin: '1234' }));
      expect(await host.handlers['devices.configure']({ device: 'display', endpoint: url })).toEqual({ ok: false, error: { code: 'approval_required', message: DEVICES_MESSAGES.supervisorOnly } });
      await call(host.handlers['session.signOut']({}));
      await call(host.handlers['session.signIn']({ pin: '5678' }));

      const bad = await host.handlers['devices.configure']({ device: 'display', endpoint: 'tcp://127.0.0.1:99999' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'endpoint_invalid' } });
      const nonsense = await host.handlers['devices.configure']({ device: 'scanner', endpoint: 'printer on the left' });
      expect(nonsense).toMatchObject({ ok: false, error: { code: 'endpoint_invalid', message: expect.stringContaining('a device endpoint is a URL') } });
      // Nothing was saved by the refused changes: the display still answers where it was.
      expect(existsSync(path.join(dataDir, DEVICE_CONFIG_FILE))).toBe(false);

      expect(await call(host.handlers['devices.configure']({ device: 'display', endpoint: url }))).toEqual({ endpoint: url, applied: true });
      expect(JSON.parse(readFileSync(path.join(dataDir, DEVICE_CONFIG_FILE), 'utf8'))).toEqual({ display: url });
      expect((await call(host.handlers['devices.endpoints']({}))).endpoints.display).toBe(url);
      await waitFor('the new display connected', () => other.connections === 1, 5_000, 20);
      lab.hid.scanner.scan(ramen.barcode);
      // An ASCII display: the English name.
      await waitFor('the line on the new display', () => other.lines()[0] === displayRow(displayName(ramen.name, 'ascii'), won(ramen.price)), 5_000, 20);
    } finally {
      await other.close();
    }
  });
});
