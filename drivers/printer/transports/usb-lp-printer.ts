import { openDeviceFile } from './device-file.ts';
import { EscPosPrinter, type EscPosPrinterOptions } from './tcp-printer.ts';

/**
 * An ESC/POS receipt printer on the USB printer class (the Linux usblp driver's /dev/usb/lp0):
 * the same bytes and status replies (DLE EOT, ASB) as on the network or a serial line. Unplugged
 * it goes offline; plugged back in it is found again by itself (no restart, no print needed).
 */
export class EscPosUsbPrinter extends EscPosPrinter {
  constructor(path: string, options: Omit<EscPosPrinterOptions, 'openStream'> = {}) {
    super({ openStream: () => openDeviceFile(path), reconnectMs: 1_000, ...options });
  }
}
