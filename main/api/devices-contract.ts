/**
 * The devices screen's part of the contract (spread into contract.ts): what each device is set to,
 * what is plugged into the machine, a test per device, and, for a supervisor or manager, pointing a
 * device at another endpoint. Device health itself comes with till.status and the `devices` event.
 */
import { z } from 'zod';

const empty = z.object({}).strict();

export const configurableDevices = ['printer', 'scanner', 'payment', 'display'] as const;

const maybeEndpoint = z.string().nullable();

export const deviceEndpointsView = z.object({
  printer: maybeEndpoint,
  scanner: maybeEndpoint,
  payment: maybeEndpoint,
  display: maybeEndpoint,
});

const discovery = <T extends z.ZodType>(item: T) => z.object({ available: z.boolean(), message: z.string().nullable(), items: z.array(item) });

export const discoveredView = z.object({
  hid: discovery(z.object({ endpoint: z.string(), path: z.string().nullable(), product: z.string().nullable(), manufacturer: z.string().nullable(), posScanner: z.boolean() })),
  serial: discovery(z.object({ endpoint: z.string(), path: z.string(), manufacturer: z.string().nullable(), vendorId: z.string().nullable(), productId: z.string().nullable() })),
});

export const deviceScanView = z.object({ data: z.string(), symbology: z.string().nullable(), source: z.string() });

export const devicesMethods = {
  /** The endpoint each device is set to now, and whether the one signed in may change them. */
  'devices.endpoints': { input: empty, output: z.object({ endpoints: deviceEndpointsView, canConfigure: z.boolean() }) },
  /** HID devices and serial ports on this machine; a list that cannot be had says why instead. */
  'devices.discover': { input: empty, output: discoveredView },
  /** A test: print a test page, open the drawer, or show a test on the pole display. */
  'devices.test': { input: z.object({ action: z.enum(['printTestPage', 'openDrawer', 'displayTest']) }).strict(), output: z.object({ done: z.literal(true) }) },
  /** Waits for the next scan from the till's scanner (it does not ring): "scan now". scan_timeout when none came. */
  'devices.scanNext': { input: z.object({ timeoutMs: z.number().int().min(500).max(60_000) }).strict(), output: deviceScanView },
  /** Stops waiting for a scan (the screen was left): the next scan rings again. */
  'devices.scanCancel': { input: empty, output: z.object({ canceled: z.boolean() }) },
  /** A supervisor or manager points a device at another endpoint; it is saved on the till and reopened at once. */
  'devices.configure': {
    input: z.object({ device: z.enum(configurableDevices), endpoint: z.string().trim().min(1, 'an endpoint is a URL such as tcp://127.0.0.1:9100').max(300) }).strict(),
    output: z.object({ endpoint: z.string(), applied: z.boolean() }),
  },
} as const;

export type DeviceEndpointsView = z.output<typeof deviceEndpointsView>;
export type DiscoveredView = z.output<typeof discoveredView>;
export type DeviceScanView = z.output<typeof deviceScanView>;
export type ConfigurableDeviceName = (typeof configurableDevices)[number];
