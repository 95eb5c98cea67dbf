import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../device.ts';
import { createPtyPair } from '../../lab/pty-pair.ts';
import { LabSerialScanner } from '../lab/lab-serial-scanner.ts';
import type { Scan } from '../types.ts';
import { SerialLineScanner } from './serial-scanner.ts';

const until = async (check: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('serial scanner over a socat pty', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup() {
    const pty = await createPtyPair();
    cleanups.push(() => pty.close());
    const device = await LabSerialScanner.open(pty.device);
    cleanups.push(() => device.close());
    const scanner = new SerialLineScanner({ path: pty.till, baudRate: 9600 }, { reconnectDelayMs: 50 });
    cleanups.push(() => scanner.close());
    const scans: Scan[] = [];
    scanner.onData((s) => scans.push(s));
    await scanner.open();
    return { pty, device, scanner, scans };
  }

  it('delivers CR-terminated scans in order, with the port as their source', async () => {
    const { pty, device, scanner, scans } = await setup();
    expect(scanner.status()).toEqual({ state: 'online' });
    device.scan('8801234567893');
    device.scan(']E08801000000015');
    await until(() => scans.length === 2);
    expect(scans).toEqual([
      { data: '8801234567893', source: `serial://${pty.till}` },
      { data: '8801000000015', symbology: ']E0', source: `serial://${pty.till}` },
    ]);
  });

  it('joins a scan split across writes and splits scans sent in one write', async () => {
    const { device, scans } = await setup();
    device.write(Buffer.from('88012', 'latin1'));
    await new Promise((r) => setTimeout(r, 30));
    device.write(Buffer.from('34567893\r\n4006381333931\r', 'latin1'));
    await until(() => scans.length === 2);
    expect(scans.map((s) => s.data)).toEqual(['8801234567893', '4006381333931']);
  });

  it('passes garbled data on as it came (the lane rejects it with a clear message), and keeps reading', async () => {
    const { device, scans } = await setup();
    device.write(Uint8Array.of(0x38, 0xff, 0x00, 0x9a, 0x0d));
    device.scan('8801234567893');
    await until(() => scans.length === 2);
    expect(scans[0]?.data).toBe('8\u00ff\u0000\u009a');
    expect(scans[1]?.data).toBe('8801234567893');
  });

  it('goes offline when unplugged and comes back when plugged in again, without a restart', async () => {
    const { pty, device, scanner, scans } = await setup();
    const states: DeviceStatus[] = [];
    scanner.onStatus((s) => states.push(s));
    await device.close();
    await pty.close();
    await until(() => scanner.status().state === 'offline');
    const again = await createPtyPair({ dir: pty.dir });
    cleanups.push(async () => {
      await again.close();
      await rm(again.dir, { recursive: true, force: true });
    });
    const replugged = await LabSerialScanner.open(again.device);
    cleanups.push(() => replugged.close());
    await until(() => scanner.status().state === 'online');
    replugged.scan('8801234567893');
    await until(() => scans.length === 1);
    expect(states.map((s) => s.state)).toEqual(['offline', 'online']);
  });

  it('opens offline with the reason when the port does not exist, and keeps trying', async () => {
    const scanner = new SerialLineScanner({ path: '/dev/omni-no-such-tty', baudRate: 9600 }, { reconnectDelayMs: 50 });
    cleanups.push(() => scanner.close());
    await scanner.open();
    expect(scanner.status()).toMatchObject({ state: 'offline', code: 'disconnected', detail: expect.stringContaining('/dev/omni-no-such-tty') });
  });
});
