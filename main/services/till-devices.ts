import type { DrawerSwitch, ReceiptPrinter } from '../../drivers/printer/types.ts';
import type { BarcodeScanner } from '../../drivers/scanner/types.ts';
import type { OperationJournal, PaymentTerminal } from '../../drivers/payment/types.ts';
import { createPaymentTerminal, createPrinter, createScanner } from '../../drivers/index.ts';
import type { Device } from '../../drivers/device.ts';
import type { DeviceBoard } from './device-board.ts';
import type { TillConfig } from './till-config.ts';

export interface TillDevices {
  readonly printer: ReceiptPrinter | null;
  readonly scanner: BarcodeScanner | null;
  readonly payment: PaymentTerminal | null;
  close(): Promise<void>;
}

export const DRAWER_DETAIL = { open: 'The cash drawer is open.', unknown: 'The drawer switch cannot be read while the printer is not connected.' } as const;

function watchDrawer(printer: ReceiptPrinter, url: string, board: DeviceBoard): void {
  const show = (drawer: DrawerSwitch): void =>
    board.set('drawer', url, drawer === 'open' ? { state: 'online', code: 'drawer_open', detail: DRAWER_DETAIL.open } : drawer === 'closed' ? { state: 'online' } : { state: 'offline', detail: DRAWER_DETAIL.unknown });
  printer.onDrawer(show);
  show(printer.drawer());
}

/**
 * Opens the configured devices and keeps their health on the board. A device that is missing,
 * misconfigured or unreachable is a status on the board, never a crash of the till.
 */
export async function openDevices(endpoints: TillConfig['devices'], board: DeviceBoard, options: { paymentJournal?: OperationJournal } = {}): Promise<TillDevices> {
  const opened: { close(): Promise<void> }[] = [];

  async function open<D extends Device>(
    kind: 'printer' | 'scanner' | 'payment',
    url: string | undefined,
    make: (url: string) => D,
  ): Promise<D | null> {
    if (!url) {
      board.set(kind, kind, { state: 'disabled', detail: 'not configured' });
      return null;
    }
    try {
      const device = make(url);
      device.onStatus((s) => board.set(kind, url, s));
      await device.open();
      board.set(kind, url, device.status());
      opened.push(device);
      return device;
    } catch (e) {
      board.set(kind, url, { state: 'error', detail: (e as Error).message });
      return null;
    }
  }

  const printer = await open('printer', endpoints.printer, createPrinter);
  // The cash drawer hangs on the printer: its switch is read through it (ASB, DLE EOT 1).
  if (printer && endpoints.printer) watchDrawer(printer, endpoints.printer, board);
  const scanner = await open('scanner', endpoints.scanner, createScanner);
  const payment = await open('payment', endpoints.payment, (url) => createPaymentTerminal(url, options.paymentJournal ? { journal: options.paymentJournal } : {}));
  return {
    printer,
    scanner,
    payment,
    async close() {
      await Promise.allSettled(opened.map((d) => d.close()));
    },
  };
}
