import { HidLabSource } from './hid-lab-source.ts';
import { HID_MESSAGES, type HidReportSource } from './hid-report-source.ts';
import { NodeHidSource } from './node-hid-source.ts';

export const isHidEndpoint = (url: string): boolean => /^hid(lab)?:\/\//i.test(url);

/**
 * hid://VID:PID (hex, e.g. hid://0c2e:0b61: the vendor's HID POS interface), hid:///dev/hidraw0 or
 * hid://\\?\HID#... (an OS path), or hidlab://host:port (the lab's HID report stream).
 * Broken configuration throws.
 */
export function createHidSource(url: string): HidReportSource {
  const ids = /^hid:\/\/([0-9a-f]{4}):([0-9a-f]{4})\/?$/i.exec(url);
  if (ids?.[1] && ids[2]) return new NodeHidSource({ vendorId: parseInt(ids[1], 16), productId: parseInt(ids[2], 16) });
  const path = /^hid:\/\/(\/.+)$/i.exec(url)?.[1];
  if (path) return new NodeHidSource({ path: decodeURIComponent(path) });
  const lab = /^hidlab:\/\/([^:/]+):(\d{1,5})\/?$/i.exec(url);
  const port = Number(lab?.[2]);
  if (lab?.[1] && Number.isInteger(port) && port > 0 && port < 65536) return new HidLabSource({ host: lab[1], port });
  throw new Error(HID_MESSAGES.invalid(url));
}
