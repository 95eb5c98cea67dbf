import type { Device, DeviceStatus, Unsubscribe } from '../device.ts';

/** A receipt as blocks, independent of the printer's command set. It always ends with a cut. */
export interface PrintDocument {
  blocks: PrintBlock[];
}

export type PrintBlock =
  | { kind: 'text'; text: string; align?: 'left' | 'center' | 'right'; bold?: boolean; size?: 'normal' | 'wide' | 'large' }
  /** Left text and right text on one line (item and price). */
  | { kind: 'columns'; left: string; right: string; bold?: boolean }
  | { kind: 'rule' }
  /** CODE128 barcode (receipt number for returns). */
  | { kind: 'barcode'; data: string }
  | { kind: 'qr'; data: string }
  /** A picture (the store's logo): a PNG, printed as a raster image, centred. */
  | { kind: 'image'; png: string /* base64 */ }
  | { kind: 'feed'; lines: number };

export type DrawerSwitch = 'open' | 'closed' | 'unknown';

export type PrintFailureCode = 'paper_out' | 'cover_open' | 'disconnected' | 'timeout' | 'busy' | 'protocol';

/** A failed print is a value: the caller queues the receipt for a reprint; the sale is not affected. */
export type PrintOutcome = { ok: true } | { ok: false; code: PrintFailureCode; message: string };

/**
 * A receipt printer.
 *
 * Lifecycle: `open()` claims and enables the printer (see Device); a network printer that is not
 * reachable yet still opens, reports `offline`, and connects on the next `print()`.
 * `print()` checks the paper and cover first and refuses (does not send) when the printer cannot
 * print; while the printer works through the receipt it is asked for its paper state, so paper
 * that runs out mid-receipt fails the print with paper_out (the receipt goes to the reprint queue).
 * It never throws. Status events: online, offline (disconnected), error with code
 * paper_out / cover_open, online with code paper_near_end.
 */
export interface ReceiptPrinter extends Device {
  open(): Promise<void>;
  close(): Promise<void>;
  print(doc: PrintDocument): Promise<PrintOutcome>;
  /** Kicks the cash drawer wired to the printer (ESC p). Call it after the sale committed. */
  openDrawer(): Promise<PrintOutcome>;
  /** Reads the drawer switch (DLE EOT 1): open or closed; a failure when the printer cannot be asked. */
  readDrawer(): Promise<{ ok: true; drawer: 'open' | 'closed' } | { ok: false; code: PrintFailureCode; message: string }>;
  /**
   * The drawer switch as the printer last reported it (automatic status back, or a DLE EOT 1 reply);
   * 'unknown' before the first report and while the printer is not connected. Cheap, never does I/O.
   */
  drawer(): DrawerSwitch;
  /** Called whenever the drawer switch changes (the cashier pushed it shut, a kick opened it). */
  onDrawer(cb: (drawer: DrawerSwitch) => void): Unsubscribe;
  status(): DeviceStatus;
  onStatus(cb: (status: DeviceStatus) => void): Unsubscribe;
}
