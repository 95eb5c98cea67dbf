import { waitFor } from '../../../test/support/wait-for.ts';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../device.ts';
import { LabHidScanner } from '../lab/lab-hid-scanner.ts';
import { HID_POS_MESSAGES, encodeScannedDataReports } from '../protocol/hid-pos-report.ts';
import type { Scan } from '../types.ts';
import { HidLabSource } from './hid-lab-source.ts';
import { HidPosScanner } from './hid-pos-scanner.ts';
import { HID_MESSAGES, HidUnavailableError } from './hid-report-source.ts';
import { NodeHidSource, pickDevice } from './node-hid-source.ts';

const until = (what: string, check: () => boolean | Promise<boolean>): Promise<true> => waitFor(what, check as () => true | false, 5000, 10);

describe('HID POS scanner over the lab HID report stream (loopback TCP)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup() {
    const lab = await LabHidScanner.start();
    cleanups.push(() => lab.close());
    const scanner = new HidPosScanner(new HidLabSource({ host: '127.0.0.1', port: lab.port }), { reconnectDelayMs: 50 });
    cleanups.push(() => scanner.close());
    const scans: Scan[] = [];
    const statuses: DeviceStatus[] = [];
    scanner.onData((s) => scans.push(s));
    scanner.onStatus((s) => statuses.push(s));
    await scanner.open();
    await until('the till connected', () => lab.connections === 1);
    return { lab, scanner, scans, statuses };
  }

  it('goes online and delivers a scan with its AIM symbology', async () => {
    const { lab, scanner, scans } = await setup();
    expect(scanner.status().state).toBe('online');
    lab.scan('8801043014809', ']E0');
    await until('a scan', () => scans.length === 1);
    expect(scans[0]).toEqual({ data: '8801043014809', symbology: ']E0', source: `hidlab://127.0.0.1:${lab.port}` });
  });

  it('assembles a QR code the scanner sent in three reports', async () => {
    const { lab, scans } = await setup();
    const qr = `omni-order:9000000001:${'7'.repeat(120)}`;
    expect(encodeScannedDataReports(qr)).toHaveLength(3);
    lab.scan(qr, ']Q1');
    await until('a scan', () => scans.length === 1);
    expect(scans[0]?.data).toBe(qr);
  });

  it('drops a scan with a corrupted report, shows the fault, and reads the next scan cleanly', async () => {
    const { lab, scanner, scans } = await setup();
    const [first] = encodeScannedDataReports('x'.repeat(60), ']Q1');
    lab.writeReport(first as Buffer);
    const corrupted = Buffer.alloc(64);
    corrupted[0] = 0x02;
    corrupted[1] = 0xc8;
    lab.writeReport(corrupted);
    await until('the fault shows', () => scanner.status().code === 'protocol');
    expect(scanner.status()).toEqual({ state: 'online', code: 'protocol', detail: HID_POS_MESSAGES.length(200, 56) });
    lab.scan('4006381333931', ']E0');
    await until('the next scan', () => scans.length === 1);
    // Nothing of the half-read QR code came through, and the fault cleared with the good scan.
    expect(scans.map((s) => s.data)).toEqual(['4006381333931']);
    expect(scanner.status()).toEqual({ state: 'online' });
  });

  it('goes offline when unplugged and back online when plugged in again, without being reopened', async () => {
    const { lab, scanner, scans } = await setup();
    await lab.unplug();
    await until('offline', () => scanner.status().state === 'offline');
    expect(scanner.status().code).toBe('disconnected');
    await lab.plug();
    await until('online again', () => scanner.status().state === 'online');
    await until('the till reconnected', () => lab.connections === 1);
    lab.scan('8809100000017');
    await until('a scan after the replug', () => scans.length === 1);
    expect(scans[0]?.data).toBe('8809100000017');
  });
});

describe('HID POS scanner through node-hid', () => {
  it('is offline with "not plugged in" when the machine lists no such device (real node-hid here)', async () => {
    const scanner = new HidPosScanner(new NodeHidSource({ vendorId: 0x0c2e, productId: 0x0b61 }), { reconnectDelayMs: 50 });
    try {
      await scanner.open();
      expect(scanner.status()).toEqual({ state: 'offline', code: 'disconnected', detail: HID_MESSAGES.notPresent('0c2e:0b61') });
    } finally {
      await scanner.close();
    }
  });

  it('reports a machine without HID support as an error status with the reason, and keeps the till running', async () => {
    const missing = async (): Promise<never> => {
      throw new HidUnavailableError(HID_MESSAGES.unavailable('libusb-1.0.so.0: cannot open shared object file'));
    };
    const scanner = new HidPosScanner(new NodeHidSource({ vendorId: 0x0c2e, productId: 0x0b61 }, missing), { reconnectDelayMs: 50 });
    try {
      await scanner.open();
      expect(scanner.status().state).toBe('error');
      expect(scanner.status().detail).toContain('libusb-1.0.so.0');
    } finally {
      await scanner.close();
    }
    expect(scanner.status().state).toBe('disabled');
  });

  it('picks the HID POS interface (usage page 0x8C) of a scanner that also has a keyboard interface', () => {
    const devices = [
      { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw0', usagePage: 0x01, usage: 6, release: 1, interface: 0 },
      { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw1', usagePage: 0x8c, usage: 2, release: 1, interface: 1 },
    ];
    expect(pickDevice(devices, { vendorId: 0x0c2e, productId: 0x0b61 })?.path).toBe('/dev/hidraw1');
    expect(pickDevice(devices, { path: '/dev/hidraw0' })?.interface).toBe(0);
    expect(pickDevice(devices, { vendorId: 0x05e0, productId: 0x1200 })).toBeUndefined();
  });
});
