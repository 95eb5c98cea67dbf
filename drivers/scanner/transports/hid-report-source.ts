import type { Unsubscribe } from '../../device.ts';

/**
 * Where a HID POS scanner's input reports come from. In production that is node-hid (hidraw or
 * libusb); in tests and the lab it is the lab's HID report stream over loopback TCP, because a real
 * HID device cannot be created on a machine without /dev/uhid. The scanner driver above it is the
 * same for both: it parses the same bytes.
 */
export interface HidReportSource {
  /** The endpoint, for the board and each scan's `source` (hid://0c2e:0b61, hidlab://127.0.0.1:19201). */
  readonly name: string;
  /**
   * Opens the device. Rejects with HidUnavailableError when the system cannot do HID at all
   * (no libusb, no hidraw), or with a plain Error when the device is not plugged in.
   */
  open(): Promise<HidReportLink>;
}

/** An open device: its input reports, and word when it went away (unplugged, read error). */
export interface HidReportLink {
  onReport(cb: (report: Buffer) => void): Unsubscribe;
  /** Called at most once, when the device is gone; the driver then reopens it until closed. */
  onGone(cb: (reason: string) => void): Unsubscribe;
  close(): Promise<void>;
}

/** The machine cannot talk HID (node-hid's native part failed to load, libusb or hidraw missing). */
export class HidUnavailableError extends Error {
  override readonly name = 'HidUnavailableError';
}

export const HID_MESSAGES = {
  unavailable: (reason: string) => `USB HID is not available on this machine (is libusb-1.0 or hidraw there?): ${reason}`,
  notPresent: (what: string) => `no HID POS scanner ${what} is plugged in`,
  openFailed: (what: string, reason: string) => `the HID device ${what} could not be opened: ${reason} (on Linux the user needs read access to its /dev/hidraw node: a udev rule)`,
  readFailed: (what: string, reason: string) => `the HID device ${what} stopped answering (unplugged?): ${reason}`,
  labGone: (what: string) => `the lab HID scanner ${what} went away`,
  invalid: (url: string) => `"${url}" is not a HID endpoint (expected hid://VID:PID such as hid://0c2e:0b61, hid:///dev/hidraw0, or hidlab://127.0.0.1:PORT)`,
} as const;
