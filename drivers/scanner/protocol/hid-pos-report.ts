/**
 * USB HID POS barcode scanners (usage page 0x8C, Bar Code Scanner; collection usage 0x02): the
 * Scanned Data Report (usage 0x12) of the "HID Point of Sale Usage Tables" v1.02, as the scanners
 * stores buy send it (Honeywell "HID POS", Zebra/Datalogic "USB HID POS / IBM HID"), read through
 * hidraw/libusb, where the report ID is the first byte:
 *
 *   byte 0       report ID 0x02 (the Scanned Data Report)
 *   byte 1       N: how many bytes of decoded data this report carries (0..56)
 *   bytes 2..4   Symbology Identifier 1..3 (usages 0xFB-0xFD): the AIM identifier, e.g. "]E0",
 *                or three zero bytes when the scanner is not set to send it
 *   bytes 5..60  Decoded Data (usage 0xFE): N bytes, the rest zero padding
 *   byte 61      the vendor's own symbology code (Honeywell code ID), not used here
 *   byte 62      reserved
 *   byte 63      Decoded Data Continued (usage 0xFF): 1 when more reports of this scan follow
 *
 * A scan longer than 56 bytes (a QR code, a GS1 DataBar Expanded) spans several reports, each with
 * the continued flag set but the last. The layout was checked against public HID POS readers
 * (a WebHID reader for Honeywell scanners reads length at 1, AIM at 2..4 and the continued flag at
 * 63 with the report ID counted; a hidapi reader takes the symbology from bytes 2..4).
 * Pure: bytes in, scans and faults out. Other report IDs (status, attribute reports) are ignored.
 */

export const HID_POS_USAGE_PAGE = 0x8c;
export const HID_POS_SCANNER_USAGE = 0x02;
export const SCANNED_DATA_REPORT_ID = 0x02;
/** Input report size with its report ID, as full-speed HID POS scanners send it. */
export const HID_POS_REPORT_SIZE = 64;
/** Decoded data bytes one report can carry (bytes 5..60). */
export const HID_POS_DATA_PER_REPORT = 56;
const DATA_AT = 5;
const CONTINUED_AT = 63;
/** Longest scan we assemble; more is line noise or a stuck continued flag. */
export const HID_POS_MAX_SCAN = 4096;

export const HID_POS_MESSAGES = {
  short: (n: number) => `a HID POS scanned-data report of ${n} bytes is too short (it needs at least ${DATA_AT})`,
  length: (n: number, room: number) => `a HID POS report says it carries ${n} data bytes but has room for ${room}: corrupted, the scan is dropped`,
  symbology: (was: string, now: string) => `a HID POS scan continued with symbology ${now} after ${was}: corrupted, the scan is dropped`,
  tooLong: (max: number) => `a HID POS scan ran past ${max} bytes without its last report: dropped`,
} as const;

export type HidPosEvent =
  | { kind: 'scan'; data: string; symbology?: string }
  | { kind: 'fault'; message: string };

const symbologyOf = (report: Uint8Array): string | undefined => {
  const aim = report.subarray(2, 5);
  if (aim.every((b) => b === 0)) return undefined;
  return Buffer.from(aim).toString('latin1');
};

/**
 * Assembles scans from HID POS input reports. A corrupted report drops the scan in progress (a
 * half-assembled code could ring the wrong product) and says so as a fault; the next report
 * starts afresh.
 */
export class HidPosReportParser {
  private parts: Buffer[] = [];
  private size = 0;
  private symbology: string | undefined;

  push(report: Uint8Array): HidPosEvent[] {
    if (report.length === 0 || report[0] !== SCANNED_DATA_REPORT_ID) return [];
    if (report.length < DATA_AT) return this.fault(HID_POS_MESSAGES.short(report.length));
    const n = report[1] ?? 0;
    const room = Math.min(HID_POS_DATA_PER_REPORT, report.length - DATA_AT);
    if (n > room) return this.fault(HID_POS_MESSAGES.length(n, room));
    const symbology = symbologyOf(report);
    if (this.parts.length > 0 && symbology !== this.symbology) {
      return this.fault(HID_POS_MESSAGES.symbology(this.symbology ?? 'none', symbology ?? 'none'));
    }
    this.symbology = symbology;
    this.parts.push(Buffer.from(report.subarray(DATA_AT, DATA_AT + n)));
    this.size += n;
    if (this.size > HID_POS_MAX_SCAN) return this.fault(HID_POS_MESSAGES.tooLong(HID_POS_MAX_SCAN));
    const continued = report.length > CONTINUED_AT && (report[CONTINUED_AT] ?? 0) & 0x01;
    if (continued) return [];
    const data = Buffer.concat(this.parts).toString('latin1');
    this.reset();
    // A report with no data and no scan before it is an idle report some scanners send: nothing.
    if (data.length === 0) return [];
    return [symbology === undefined ? { kind: 'scan', data } : { kind: 'scan', data, symbology }];
  }

  reset(): void {
    this.parts = [];
    this.size = 0;
    this.symbology = undefined;
  }

  private fault(message: string): HidPosEvent[] {
    this.reset();
    return [{ kind: 'fault', message }];
  }
}

/**
 * The reports a HID POS scanner sends for one scan (the lab plays a scanner with it; tests make
 * fixtures with it). `symbology` is the 3-character AIM identifier, or none.
 */
export function encodeScannedDataReports(data: string, symbology?: string): Buffer[] {
  const bytes = Buffer.from(data, 'latin1');
  const aim = symbology === undefined ? Buffer.alloc(3) : Buffer.from(symbology.padEnd(3, '\0').slice(0, 3), 'latin1');
  const reports: Buffer[] = [];
  for (let at = 0; at === 0 || at < bytes.length; at += HID_POS_DATA_PER_REPORT) {
    const chunk = bytes.subarray(at, at + HID_POS_DATA_PER_REPORT);
    const report = Buffer.alloc(HID_POS_REPORT_SIZE);
    report[0] = SCANNED_DATA_REPORT_ID;
    report[1] = chunk.length;
    aim.copy(report, 2);
    chunk.copy(report, DATA_AT);
    report[CONTINUED_AT] = at + HID_POS_DATA_PER_REPORT < bytes.length ? 1 : 0;
    reports.push(report);
  }
  return reports;
}
