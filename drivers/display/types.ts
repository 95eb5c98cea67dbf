import type { Device, DeviceStatus, Unsubscribe } from '../device.ts';
import type { DisplayCodePage } from './protocol/escpos-display.ts';

/** What a failed update says; the sale is never affected by it. */
export type DisplayOutcome = { ok: true } | { ok: false; code: 'disconnected'; message: string };

/**
 * A customer (pole) display: two rows of 20 characters facing the customer.
 *
 * Lifecycle: `open()` connects and initializes it (ESC @); a display that is not there reports
 * `offline` and is reconnected until `close()`. `show()` replaces both rows; while the display is
 * away it answers `disconnected`, keeps the rows, and shows the latest ones when it is back, so the
 * customer never sees a stale line after a replug. It never throws.
 */
export interface CustomerDisplay extends Device {
  /** Which characters it can show: ksc5601 (a Korean font) or ascii (names must be English or romanized). */
  readonly codePage: DisplayCodePage;
  show(top: string, bottom: string): Promise<DisplayOutcome>;
  status(): DeviceStatus;
  onStatus(cb: (status: DeviceStatus) => void): Unsubscribe;
}
