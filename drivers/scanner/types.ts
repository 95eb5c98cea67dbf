import type { Device, DeviceStatus, Unsubscribe } from '../device.ts';

/** One scan as the scanner sent it (framing removed, not yet parsed). */
export interface Scan {
  data: string;
  /** AIM symbology identifier when the scanner sent one (e.g. "]E0"). */
  symbology?: string;
  /** Which scanner it came from (its endpoint), for the log and for multi-scanner lanes. */
  source: string;
}

/**
 * A barcode scanner.
 *
 * Lifecycle: `open()` claims and enables the scanner (see Device); a network scanner that is not
 * reachable reports `offline` and keeps reconnecting until `close()`. Data events arrive one per
 * scan, in order; status events on connect (online) and disconnect (offline).
 */
export interface BarcodeScanner extends Device {
  open(): Promise<void>;
  close(): Promise<void>;
  status(): DeviceStatus;
  onData(cb: (scan: Scan) => void): Unsubscribe;
  onStatus(cb: (status: DeviceStatus) => void): Unsubscribe;
}
