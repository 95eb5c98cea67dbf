import { describe, expect, it } from 'vitest';
import { HID_POS_MESSAGES, HidPosReportParser, encodeScannedDataReports } from './hid-pos-report.ts';
import { REPORT_STREAM_MESSAGES, ReportStreamReader, frameReport } from './hid-report-stream.ts';

/** A 64-byte scanned-data report written out byte by byte, as a Honeywell scanner in HID POS mode sends it. */
function report(bytes: number[], continued = 0): Buffer {
  const r = Buffer.alloc(64);
  Buffer.from(bytes).copy(r);
  r[63] = continued;
  return r;
}

const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')];

describe('HID POS scanned-data reports', () => {
  it('reads an EAN-13 from one report: ID 2, length, AIM ]E0, the digits', () => {
    const fixture = report([0x02, 13, 0x5d, 0x45, 0x30, ...ascii('8801043014809')]);
    expect(new HidPosReportParser().push(fixture)).toEqual([{ kind: 'scan', data: '8801043014809', symbology: ']E0' }]);
  });

  it('leaves the symbology out when the scanner sends three zero bytes for it', () => {
    const fixture = report([0x02, 4, 0, 0, 0, ...ascii('1234')]);
    expect(new HidPosReportParser().push(fixture)).toEqual([{ kind: 'scan', data: '1234' }]);
  });

  it('joins a QR code split across two reports by the continued flag', () => {
    const first = ascii('omni-order:9000000001:'.padEnd(56, 'x'));
    const parser = new HidPosReportParser();
    expect(parser.push(report([0x02, 56, 0x5d, 0x51, 0x31, ...first], 1))).toEqual([]);
    expect(parser.push(report([0x02, 3, 0x5d, 0x51, 0x31, ...ascii('end')]))).toEqual([
      { kind: 'scan', data: `${Buffer.from(first).toString('latin1')}end`, symbology: ']Q1' },
    ]);
  });

  it('round-trips what the lab encodes, over as many reports as the data needs', () => {
    const long = 'A'.repeat(56) + 'B'.repeat(56) + 'C';
    const reports = encodeScannedDataReports(long, ']Q1');
    expect(reports.map((r) => [r[1], r[63]])).toEqual([[56, 1], [56, 1], [1, 0]]);
    const parser = new HidPosReportParser();
    expect(reports.flatMap((r) => parser.push(r))).toEqual([{ kind: 'scan', data: long, symbology: ']Q1' }]);
  });

  it('ignores reports that are not scanned data (another report ID) and empty idle reports', () => {
    const parser = new HidPosReportParser();
    expect(parser.push(Buffer.from([0x04, 0x01, 0x00]))).toEqual([]);
    expect(parser.push(report([0x02, 0, 0, 0, 0]))).toEqual([]);
  });

  it('drops a scan whose report claims more data than it can hold, says so, and reads the next one', () => {
    const parser = new HidPosReportParser();
    expect(parser.push(report([0x02, 20, 0x5d, 0x45, 0x30, ...ascii('880104')], 1))).toEqual([]);
    const corrupted = report([0x02, 200, 0x5d, 0x45, 0x30, ...ascii('3014809')]);
    expect(parser.push(corrupted)).toEqual([{ kind: 'fault', message: HID_POS_MESSAGES.length(200, 56) }]);
    // What was assembled before is gone: the next scan is read on its own, not glued to the half scan.
    expect(parser.push(report([0x02, 4, 0, 0, 0, ...ascii('4321')]))).toEqual([{ kind: 'scan', data: '4321' }]);
  });

  it('drops a scan whose continuation changes symbology mid-way, and a report too short for its header', () => {
    const parser = new HidPosReportParser();
    parser.push(report([0x02, 56, 0x5d, 0x51, 0x31, ...ascii('q'.repeat(56))], 1));
    expect(parser.push(report([0x02, 2, 0x5d, 0x45, 0x30, ...ascii('12')]))[0]?.kind).toBe('fault');
    expect(parser.push(Buffer.from([0x02, 0x03]))).toEqual([{ kind: 'fault', message: HID_POS_MESSAGES.short(2) }]);
  });

  it('gives up a scan whose continued flag never clears', () => {
    const parser = new HidPosReportParser();
    const stuck = report([0x02, 56, 0, 0, 0, ...ascii('z'.repeat(56))], 1);
    const events = Array.from({ length: 80 }, () => parser.push(stuck)).flat();
    expect(events).toHaveLength(1);
    expect(events[0]?.kind).toBe('fault');
  });
});

describe('the lab HID report stream (length-prefixed reports over TCP)', () => {
  it('frames each report with its length and reads reports split and merged across chunks', () => {
    const [a, b] = [encodeScannedDataReports('1111')[0] as Buffer, encodeScannedDataReports('2222')[0] as Buffer];
    const wire = Buffer.concat([frameReport(a), frameReport(b)]);
    expect(wire.subarray(0, 2)).toEqual(Buffer.from([0x00, 0x40]));
    const reader = new ReportStreamReader();
    expect(reader.push(wire.subarray(0, 1))).toEqual([]);
    expect(reader.push(wire.subarray(1, 40))).toEqual([]);
    expect(reader.push(wire.subarray(40))).toEqual([a, b]);
  });

  it('refuses a frame length of 0 or past the largest report (the stream is out of step)', () => {
    expect(() => new ReportStreamReader().push(Buffer.from([0x00, 0x00]))).toThrow(REPORT_STREAM_MESSAGES.badLength(0));
    expect(() => new ReportStreamReader().push(Buffer.from([0xff, 0xff, 0x02]))).toThrow(REPORT_STREAM_MESSAGES.badLength(65535));
  });
});
