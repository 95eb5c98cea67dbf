import { openDeviceFile } from './device-file.ts';
import { EscPosPrinter } from './tcp-printer.ts';

/**
 * An ESC/POS receipt printer on the USB printer class (the Linux usblp driver's /dev/usb/lp0):
 * the same bytes and status replies (DLE EOT, ASB) as on the network or a serial line. Unplugged
 * it goes offline; plugged back in it is found again by itself (no restart, no print needed).
 */
export class EscPosUsbPrinter extends EscPosPrinter {
  constructor(path: string, options: { timeoutMs?: number; reconnectMs?: number } = {}) {
    super({ openStream: () => openDeviceFile(path), reconnectMs: options.reconnectMs ?? 1_000, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
  }
}
