import type { Device as HidDeviceInfo, HIDAsync } from 'node-hid';
import { createEmitter } from '../../device.ts';
import { HID_POS_USAGE_PAGE } from '../protocol/hid-pos-report.ts';
import { HID_MESSAGES, HidUnavailableError, type HidReportLink, type HidReportSource } from './hid-report-source.ts';

/** Which HID device: by vendor and product id (the first HID POS interface of it), or by its OS path. */
export type HidSelector = { vendorId: number; productId: number } | { path: string };

type NodeHid = typeof import('node-hid');

/**
 * Loads node-hid. Its native part (hidapi over hidraw or libusb) loads lazily on the first call,
 * so both the import and that call are where a machine without HID support fails: either way a
 * HidUnavailableError with the reason, never a crash.
 */
export async function loadNodeHid(): Promise<NodeHid> {
  try {
    const mod = (await import('node-hid')) as NodeHid & { default?: NodeHid };
    return mod.default ?? mod;
  } catch (error) {
    throw new HidUnavailableError(HID_MESSAGES.unavailable((error as Error).message));
  }
}

/** Every HID device the OS lists; HidUnavailableError when HID cannot be used here. */
export async function listHid(hid?: NodeHid): Promise<HidDeviceInfo[]> {
  const lib = hid ?? (await loadNodeHid());
  try {
    return await lib.devicesAsync();
  } catch (error) {
    throw new HidUnavailableError(HID_MESSAGES.unavailable((error as Error).message));
  }
}

export const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

export const describeSelector = (s: HidSelector): string => ('path' in s ? s.path : `${hex4(s.vendorId)}:${hex4(s.productId)}`);

/** The device the selector means: by path, or the vendor/product's HID POS interface (usage page 0x8C) when the OS says. */
export function pickDevice(devices: readonly HidDeviceInfo[], selector: HidSelector): HidDeviceInfo | undefined {
  if ('path' in selector) return devices.find((d) => d.path === selector.path);
  const same = devices.filter((d) => d.vendorId === selector.vendorId && d.productId === selector.productId && d.path);
  // A scanner may expose a keyboard interface too; take the POS one where usages are known (hidraw, Windows, macOS).
  return same.find((d) => d.usagePage === HID_POS_USAGE_PAGE) ?? same[0];
}

/** The production source: node-hid, device looked up at every open so a replugged scanner (new path) is found. */
export class NodeHidSource implements HidReportSource {
  readonly name: string;

  constructor(
    private readonly selector: HidSelector,
    private readonly load: () => Promise<NodeHid> = loadNodeHid,
  ) {
    this.name = 'path' in selector ? `hid://${selector.path}` : `hid://${describeSelector(selector)}`;
  }

  async open(): Promise<HidReportLink> {
    const hid = await this.load();
    const info = pickDevice(await listHid(hid), this.selector);
    const what = describeSelector(this.selector);
    if (!info?.path) throw new Error(HID_MESSAGES.notPresent(what));
    let device: HIDAsync;
    try {
      device = await hid.HIDAsync.open(info.path);
    } catch (error) {
      throw new Error(HID_MESSAGES.openFailed(what, (error as Error).message));
    }
    const events = createEmitter<{ report: Buffer; gone: string }>();
    let gone = false;
    device.on('data', (data: Buffer) => events.emit('report', data));
    device.on('error', (error: Error) => {
      if (gone) return;
      gone = true;
      events.emit('gone', HID_MESSAGES.readFailed(what, error.message));
    });
    return {
      onReport: (cb) => events.on('report', cb),
      onGone: (cb) => events.on('gone', cb),
      async close() {
        gone = true;
        await device.close().catch(() => undefined);
      },
    };
  }
}
