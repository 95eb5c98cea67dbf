import { openSerial, type SerialEndpoint } from '../../serial/serial-endpoint.ts';
import { EscPosPrinter, type EscPosPrinterOptions } from './tcp-printer.ts';

/** An ESC/POS receipt printer on a serial port (RS-232 or USB CDC), 9600 or 38400 baud 8N1 typically. */
export class EscPosSerialPrinter extends EscPosPrinter {
  constructor(endpoint: SerialEndpoint, options: Omit<EscPosPrinterOptions, 'openStream'> = {}) {
    super({ openStream: () => openSerial(endpoint), ...options });
  }
}
