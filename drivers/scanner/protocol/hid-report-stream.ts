/**
 * The lab's "HID report stream": raw HID input reports carried over a byte stream (loopback TCP),
 * each as a 2-byte big-endian length then the report bytes exactly as hidraw hands them to
 * node-hid (report ID first). A real HID device cannot be made on a machine without /dev/uhid, so
 * the lab sends the same reports this way and the driver parses them with the same parser.
 */

/** Largest report a HID full-speed or high-speed interrupt endpoint delivers, with its ID. */
export const MAX_REPORT_BYTES = 1025;

export const REPORT_STREAM_MESSAGES = {
  badLength: (n: number) => `the HID report stream framed a report of ${n} bytes (1..${MAX_REPORT_BYTES} allowed): the stream is out of step`,
} as const;

export function frameReport(report: Uint8Array): Buffer {
  const frame = Buffer.alloc(2 + report.length);
  frame.writeUInt16BE(report.length, 0);
  Buffer.from(report).copy(frame, 2);
  return frame;
}

/** Splits the stream back into reports; a frame split across chunks waits for the rest. */
export class ReportStreamReader {
  private pending = Buffer.alloc(0);

  /** The reports completed by this chunk; throws when the framing is broken (the stream must be dropped). */
  push(chunk: Uint8Array): Buffer[] {
    this.pending = this.pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.pending, chunk]);
    const reports: Buffer[] = [];
    while (this.pending.length >= 2) {
      const n = this.pending.readUInt16BE(0);
      if (n === 0 || n > MAX_REPORT_BYTES) {
        this.pending = Buffer.alloc(0);
        throw new Error(REPORT_STREAM_MESSAGES.badLength(n));
      }
      if (this.pending.length < 2 + n) break;
      reports.push(Buffer.from(this.pending.subarray(2, 2 + n)));
      this.pending = this.pending.subarray(2 + n);
    }
    return reports;
  }
}
