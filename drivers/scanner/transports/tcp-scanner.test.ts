import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../device.ts';
import { LabScanner } from '../lab/lab-scanner.ts';
import type { Scan } from '../types.ts';
import { TcpLineScanner } from './tcp-scanner.ts';

const until = async (check: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('TCP line scanner with the lab scanner', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(reconnectDelayMs = 1000) {
    const lab = await LabScanner.start();
    cleanups.push(() => lab.close());
    const scanner = new TcpLineScanner({ host: '127.0.0.1', port: lab.port, reconnectDelayMs });
    cleanups.push(() => scanner.close());
    const scans: Scan[] = [];
    const statuses: DeviceStatus[] = [];
    scanner.onData((s) => scans.push(s));
    scanner.onStatus((s) => statuses.push(s));
    await scanner.open();
    await until(() => lab.connections === 1);
    return { lab, scanner, scans, statuses };
  }

  it('goes online and delivers a scan per CR-terminated line', async () => {
    const { lab, scanner, scans } = await setup();
    expect(scanner.status().state).toBe('online');
    lab.scan('8801234567893');
    await until(() => scans.length === 1);
    expect(scans[0]).toEqual({ data: '8801234567893', source: `tcp://127.0.0.1:${lab.port}` });
  });

  it('joins a scan split across two TCP packets', async () => {
    const { lab, scans } = await setup();
    lab.write(Buffer.from('880123'));
    await new Promise((r) => setTimeout(r, 50));
    expect(scans).toHaveLength(0);
    lab.write(Buffer.from('4567893\r\n'));
    await until(() => scans.length === 1);
    expect(scans.map((s) => s.data)).toEqual(['8801234567893']);
  });

  it('splits two scans in one packet, with an AIM identifier kept apart from the data', async () => {
    const { lab, scans } = await setup();
    lab.write(Buffer.from(']E08801234567893\r0001-01-000042\r\n'));
    await until(() => scans.length === 2);
    expect(scans.map((s) => [s.data, s.symbology])).toEqual([
      ['8801234567893', ']E0'],
      ['0001-01-000042', undefined],
    ]);
  });

  it('goes offline when the scanner goes away and reconnects by itself', async () => {
    const { lab, scanner, scans, statuses } = await setup(50);
    const before = statuses.length;
    lab.dropConnections();
    await until(() => statuses.slice(before).some((s) => s.state === 'offline'));
    await until(() => scanner.status().state === 'online' && lab.connections === 1);
    lab.scan('96385074');
    await until(() => scans.length === 1);
    expect(scans[0]?.data).toBe('96385074');
  });

  it('opens offline when nobody listens, and keeps trying', async () => {
    const lab = await LabScanner.start();
    const port = lab.port;
    await lab.close();
    const scanner = new TcpLineScanner({ host: '127.0.0.1', port, reconnectDelayMs: 50 });
    cleanups.push(() => scanner.close());
    await scanner.open();
    expect(scanner.status()).toMatchObject({ state: 'offline', code: 'disconnected' });
  });
});
