/**
 * What is plugged into this machine, for the devices screen: HID devices (node-hid) and serial
 * ports (serialport). Each list fails soft: a machine without libusb/hidraw or udev gets a clear
 * message in place of its list, never a crash.
 */
import { SerialPort } from 'serialport';
import { hex4, listHid } from './scanner/transports/node-hid-source.ts';
import { HID_POS_USAGE_PAGE } from './scanner/protocol/hid-pos-report.ts';

export interface DiscoveredHid {
  /** The endpoint to configure: hid://VID:PID. */
  endpoint: string;
  path: string | null;
  product: string | null;
  manufacturer: string | null;
  /** Usage page 0x8C: a barcode scanner in HID POS mode. */
  posScanner: boolean;
}

export interface DiscoveredSerial {
  /** The endpoint to configure: serial:///dev/ttyUSB0?baud=9600. */
  endpoint: string;
  path: string;
  manufacturer: string | null;
  vendorId: string | null;
  productId: string | null;
}

export type Discovery<T> = { available: true; items: T[] } | { available: false; message: string; items: [] };

export const DISCOVERY_MESSAGES = {
  serialUnavailable: (reason: string) => `serial ports cannot be listed on this machine (udev or the serialport native module missing?): ${reason}`,
} as const;

export async function discoverHid(list: typeof listHid = listHid): Promise<Discovery<DiscoveredHid>> {
  try {
    const devices = await list();
    return {
      available: true,
      items: devices.map((d) => ({
        endpoint: `hid://${hex4(d.vendorId)}:${hex4(d.productId)}`,
        path: d.path ?? null,
        product: d.product ?? null,
        manufacturer: d.manufacturer ?? null,
        posScanner: d.usagePage === HID_POS_USAGE_PAGE,
      })),
    };
  } catch (error) {
    return { available: false, message: (error as Error).message, items: [] };
  }
}

export async function discoverSerial(list: () => Promise<Awaited<ReturnType<typeof SerialPort.list>>> = () => SerialPort.list()): Promise<Discovery<DiscoveredSerial>> {
  try {
    const ports = await list();
    return {
      available: true,
      items: ports.map((p) => ({
        endpoint: `serial://${p.path}?baud=9600`,
        path: p.path,
        manufacturer: p.manufacturer ?? null,
        vendorId: p.vendorId ?? null,
        productId: p.productId ?? null,
      })),
    };
  } catch (error) {
    return { available: false, message: DISCOVERY_MESSAGES.serialUnavailable((error as Error).message), items: [] };
  }
}
