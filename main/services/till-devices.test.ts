import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LabPrinter } from '../../drivers/printer/lab/lab-printer.ts';
import { encodeRasterPng } from '../../drivers/printer/protocol/png.ts';
import { SAMPLE_KOREAN_RECEIPT } from '../../drivers/printer/protocol/sample-receipt.ts';
import { tempDataDir } from '../store/test-helpers.ts';
import { DeviceBoard } from './device-board.ts';
import { LOGO_MESSAGES, openDevices, printerSettingOf, type TillDevices } from './till-devices.ts';
import { parseTillConfig } from './till-config.ts';

const base = {
  identity: { storeId: 's', storeCode: '0001', storeName: '테스트점', tillId: 't', tillNumber: '01', timeZone: 'Asia/Seoul', currency: 'KRW', locale: 'ko-KR', businessNumber: '1', address: 'a', phone: 'p' },
  central: { url: 'http://127.0.0.1:1/graphql', token: 'till-token-0001' },
};

describe('the till\'s printer configuration', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function open(printer: unknown): Promise<{ devices: TillDevices; lab: LabPrinter }> {
    const lab = await LabPrinter.start();
    cleanups.push(() => lab.close());
    const url = `tcp://127.0.0.1:${lab.port}`;
    const config = parseTillConfig({ ...base, devices: { printer: typeof printer === 'function' ? (printer as (u: string) => unknown)(url) : printer } });
    const { url: printerUrl, ...printing } = printerSettingOf(config.devices.printer);
    const devices = await openDevices(printerUrl ? { printer: printerUrl } : {}, new DeviceBoard(() => undefined), { printing });
    cleanups.push(() => devices.close());
    return { devices, lab };
  }

  it('prints as raster images with the store\'s logo on top when configured {"raster": true, "logo": "<png file>"}', async () => {
    const t = tempDataDir('logo-');
    cleanups.push(t.cleanup);
    const logo = path.join(t.dir, 'logo.png');
    writeFileSync(logo, encodeRasterPng(4, 16, new Uint8Array(64).fill(0xff)));
    const { devices, lab } = await open((url: string) => ({ url, raster: true, logo }));
    expect(await devices.printer?.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    const [receipt] = lab.receipts();
    expect(receipt?.lines.join('')).toBe('');
    // The logo's 16 black rows lead the picture.
    expect(receipt?.rasters[0]?.data.subarray(0, 63).some((b) => b !== 0)).toBe(true);
  });

  it('prints text with a plain URL, as before', async () => {
    const { devices, lab } = await open((url: string) => url);
    await devices.printer?.print(SAMPLE_KOREAN_RECEIPT);
    expect(lab.receipts()[0]?.lines.map((l) => l.trim())).toContain('옴니마트 강남점');
    expect(lab.receipts()[0]?.rasters).toEqual([]);
  });

  it('says so and prints without a logo when the logo file is not a PNG', async () => {
    const t = tempDataDir('logo-');
    cleanups.push(t.cleanup);
    const logo = path.join(t.dir, 'logo.txt');
    writeFileSync(logo, 'not a picture');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cleanups.push(() => warn.mockRestore());
    const { devices, lab } = await open((url: string) => ({ url, logo }));
    expect(warn).toHaveBeenCalledWith(LOGO_MESSAGES.unreadable(logo, 'not a PNG file'));
    expect(await devices.printer?.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    expect(lab.receipts()[0]?.images).toBe(0);
  });

  it('refuses a printer option it does not know, naming it', () => {
    expect(() => parseTillConfig({ ...base, devices: { printer: { url: 'tcp://127.0.0.1:9100', colour: true } } })).toThrow(/till configuration is not valid/);
  });
});
