import { openSerial, type SerialEndpoint } from '../../serial/serial-endpoint.ts';
import { LineScanner } from './line-scanner.ts';

/** A serial barcode scanner (RS-232 or USB CDC-ACM) sending CR-terminated scans; reopened after an unplug. */
export class SerialLineScanner extends LineScanner {
  constructor(endpoint: SerialEndpoint, options: { reconnectDelayMs?: number } = {}) {
    super({ source: `serial://${endpoint.path}`, openStream: () => openSerial(endpoint), ...options });
  }
}
