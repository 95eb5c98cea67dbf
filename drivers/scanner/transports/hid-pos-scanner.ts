import { createEmitter, type Unsubscribe } from '../../device.ts';
import { ReconnectingDevice } from '../../reconnecting-device.ts';
import { HidPosReportParser } from '../protocol/hid-pos-report.ts';
import type { BarcodeScanner, Scan } from '../types.ts';
import { HidUnavailableError, type HidReportLink, type HidReportSource } from './hid-report-source.ts';

export interface HidPosScannerOptions {
  /** Wait before looking for the device again after it went away or was not there; default 1000 ms. */
  reconnectDelayMs?: number;
}

/**
 * A USB HID POS barcode scanner (usage page 0x8C). It reads Scanned Data Reports from its source
 * and assembles scans across reports. Hot-plug: a scanner unplugged goes offline and is looked for
 * again until closed, so plugging it back in brings it online without a restart. A machine that
 * cannot do HID at all (no libusb, no hidraw) is an error status with the reason, never a crash.
 * A corrupted report drops the scan it belonged to and shows as `protocol` on the status until the
 * next good scan (nothing half-read ever rings).
 */
export class HidPosScanner extends ReconnectingDevice implements BarcodeScanner {
  private readonly events = createEmitter<{ data: Scan }>();
  private link: HidReportLink | undefined;
  private readonly parser = new HidPosReportParser();

  constructor(
    private readonly source: HidReportSource,
    options: HidPosScannerOptions = {},
  ) {
    super(source.name, options.reconnectDelayMs);
    // "looking for" -> "not plugged in" -> "no libusb": each says something new to whoever fixes it.
    this.reportDetailChanges = true;
  }

  onData(cb: (scan: Scan) => void): Unsubscribe {
    return this.events.on('data', cb);
  }

  protected async release(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.close();
  }

  protected async connect(): Promise<void> {
    if (this.closed) return;
    let link: HidReportLink;
    try {
      link = await this.source.open();
    } catch (error) {
      const detail = (error as Error).message;
      this.setStatus({ state: error instanceof HidUnavailableError ? 'error' : 'offline', code: 'disconnected', detail });
      this.retry();
      return;
    }
    if (this.closed) {
      await link.close();
      return;
    }
    this.link = link;
    this.parser.reset();
    this.setStatus({ state: 'online' });
    link.onReport((report) => {
      for (const event of this.parser.push(report)) {
        if (event.kind === 'fault') {
          this.setStatus({ state: 'online', code: 'protocol', detail: event.message });
          continue;
        }
        if (this.status().code === 'protocol') this.setStatus({ state: 'online' });
        const source = this.source.name;
        this.events.emit('data', event.symbology ? { data: event.data, symbology: event.symbology, source } : { data: event.data, source });
      }
    });
    link.onGone((reason) => {
      if (this.link !== link || this.closed) return;
      this.link = undefined;
      void link.close();
      this.setStatus({ state: 'offline', code: 'disconnected', detail: reason });
      this.retry();
    });
  }
}
