import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DrawerSwitch, ReceiptPrinter } from '../../drivers/printer/types.ts';
import type { BarcodeScanner } from '../../drivers/scanner/types.ts';
import type { OperationJournal, PaymentTerminal } from '../../drivers/payment/types.ts';
import type { CustomerDisplay } from '../../drivers/display/types.ts';
import { createPaymentTerminal, createPrinter, createScanner } from '../../drivers/index.ts';
import { createPoleDisplay } from '../../drivers/display/display-endpoint.ts';
import type { Device } from '../../drivers/device.ts';
import type { DeviceBoard } from './device-board.ts';
import { DeviceSlot } from './device-slot.ts';
import type { TillConfig } from './till-config.ts';

/** The devices a supervisor can point elsewhere from the devices screen. */
export type ConfigurableDevice = 'printer' | 'scanner' | 'payment' | 'display';

export interface TillDevices {
  readonly printer: ReceiptPrinter | null;
  /** Always there: scans are heard through it even before a scanner is configured from the devices screen. */
  readonly scanner: BarcodeScanner | null;
  readonly payment: PaymentTerminal | null;
  /** The customer display, when one is configured (the slot follows a change of endpoint). */
  readonly display: DeviceSlot<CustomerDisplay>;
  /**
   * Reopens a device at a new endpoint without a restart. A printer or terminal that was not
   * configured when the till started is only saved (the services took "none" then): applied false.
   */
  reopen(kind: ConfigurableDevice, url: string): Promise<{ applied: boolean }>;
  close(): Promise<void>;
}

export const DRAWER_DETAIL = { open: 'The cash drawer is open.', unknown: 'The drawer switch cannot be read while the printer is not connected.' } as const;

export const LOGO_MESSAGES = {
  unreadable: (file: string, reason: string) => `the receipt logo ${file} cannot be printed (${reason}): receipts print without it`,
} as const;

/** The store's logo for the top of receipts; a file that is not a readable PNG is said, and receipts print without it. */
function readLogo(file: string | undefined): { logo?: Uint8Array } {
  if (!file) return {};
  try {
    const png = readFileSync(file);
    if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG file');
    return { logo: png };
  } catch (e) {
    console.warn(LOGO_MESSAGES.unreadable(file, (e as Error).message));
    return {};
  }
}

function watchDrawer(printer: ReceiptPrinter, url: string, board: DeviceBoard): void {
  const show = (drawer: DrawerSwitch): void =>
    board.set('drawer', url, drawer === 'open' ? { state: 'online', code: 'drawer_open', detail: DRAWER_DETAIL.open } : drawer === 'closed' ? { state: 'online' } : { state: 'offline', detail: DRAWER_DETAIL.unknown });
  printer.onDrawer(show);
  show(printer.drawer());
}

const makers: { [K in ConfigurableDevice]: (url: string) => Device } = {
  printer: createPrinter,
  scanner: createScanner,
  payment: createPaymentTerminal,
  display: (url) => createPoleDisplay(url),
};

const endpointShape = z.string().regex(/^[a-z][a-z0-9+.-]*:\/\/.+/i, 'a device endpoint is a URL such as tcp://127.0.0.1:9100 or serial:///dev/ttyUSB0?baud=9600');

/**
 * Why an endpoint cannot be used for this kind of device, or null when it can: the URL's shape
 * (zod), then the device's own parser (scheme, port, baud rate, code page), without opening it.
 */
export function validateEndpoint(kind: ConfigurableDevice, url: string): string | null {
  const shape = endpointShape.safeParse(url);
  if (!shape.success) return shape.error.issues[0]?.message ?? 'not a device endpoint';
  try {
    makers[kind](url);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Opens the configured devices and keeps their health on the board. A device that is missing,
 * misconfigured or unreachable is a status on the board, never a crash of the till.
 */
/** How the printer prints, from till.json: its URL, raster mode and logo file (a plain URL prints text, no logo). */
export function printerSettingOf(setting: TillConfig['devices']['printer']): { url?: string; raster: boolean; logo?: string } {
  if (setting === undefined) return { raster: false };
  return typeof setting === 'string' ? { url: setting, raster: false } : setting;
}

export async function openDevices(
  endpoints: Partial<Record<ConfigurableDevice, string>>,
  board: DeviceBoard,
  options: { paymentJournal?: OperationJournal; printing?: { raster: boolean; logo?: string } } = {},
): Promise<TillDevices> {
  const printerOptions = { raster: options.printing?.raster ?? false, ...readLogo(options.printing?.logo) };
  const make: typeof makers = {
    ...makers,
    printer: (url) => createPrinter(url, printerOptions),
    payment: (url) => createPaymentTerminal(url, options.paymentJournal ? { journal: options.paymentJournal } : {}),
  };
  const slots = {
    printer: new DeviceSlot<ReceiptPrinter>(),
    scanner: new DeviceSlot<BarcodeScanner>(),
    payment: new DeviceSlot<PaymentTerminal>(),
    display: new DeviceSlot<CustomerDisplay>(),
  };

  async function open(kind: ConfigurableDevice, url: string | undefined): Promise<void> {
    const slot = slots[kind] as DeviceSlot<Device>;
    if (!url) {
      board.set(kind, kind, { state: 'disabled', detail: 'not configured' });
      return;
    }
    try {
      const device = make[kind](url);
      // Only the device in the slot speaks for it: a closed one's last words are not its health.
      device.onStatus((s) => {
        if (slot.active === device) board.set(kind, url, s);
      });
      await slot.fill(device);
      board.set(kind, url, device.status());
    } catch (e) {
      board.set(kind, url, { state: 'error', detail: (e as Error).message });
    }
  }

  await open('printer', endpoints.printer);
  // The cash drawer hangs on the printer: its switch is read through it (ASB, DLE EOT 1).
  if (slots.printer.active && endpoints.printer) watchDrawer(slots.printer.device, endpoints.printer, board);
  await open('scanner', endpoints.scanner);
  await open('payment', endpoints.payment);
  await open('display', endpoints.display);
  const printer = slots.printer.active ? slots.printer.device : null;
  const payment = slots.payment.active ? slots.payment.device : null;
  return {
    printer,
    scanner: slots.scanner.device,
    payment,
    display: slots.display,
    async reopen(kind, url) {
      if ((kind === 'printer' && !printer) || (kind === 'payment' && !payment)) return { applied: false };
      await open(kind, url);
      return { applied: true };
    },
    async close() {
      await Promise.allSettled(Object.values(slots).map((s) => (s as DeviceSlot<Device>).fill(null)));
    },
  };
}
