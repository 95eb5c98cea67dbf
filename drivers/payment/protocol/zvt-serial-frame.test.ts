import { describe, expect, it } from 'vitest';
import { ZvtSerialReader, crc16, encodeSerialFrame } from './zvt-serial-frame.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fromHex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

describe('ZVT serial framing', () => {
  it('computes the reflected CCITT CRC (check value of "123456789" is 0x2189)', () => {
    expect(crc16(Buffer.from('123456789', 'ascii'))).toBe(0x2189);
    expect(crc16(new Uint8Array(0))).toBe(0);
  });

  it('frames an ACK APDU as DLE STX 80 00 00 DLE ETX and the CRC of 80 00 00 03, low byte first', () => {
    const crc = crc16(fromHex('80000003'));
    expect(hex(encodeSerialFrame(fromHex('800000')))).toBe(`1002800000 1003 ${(crc & 0xff).toString(16).padStart(2, '0')}${(crc >> 8).toString(16).padStart(2, '0')}`.replace(/\s/g, ''));
  });

  it('doubles a DLE inside the APDU and counts it once in the CRC', () => {
    const apdu = fromHex('06d3 02 1010');
    const frame = encodeSerialFrame(apdu);
    expect(hex(frame.subarray(2, frame.length - 4))).toBe('06d30210101010');
    const crc = crc16(fromHex('06d30210 1003'));
    expect(frame[frame.length - 2]).toBe(crc & 0xff);
    expect(frame[frame.length - 1]).toBe(crc >> 8);
    expect(new ZvtSerialReader().push(frame)).toEqual([{ kind: 'frame', apdu }]);
  });

  it('reads a frame split across chunks, byte by byte', () => {
    const apdu = fromHex('040f 02 2700');
    const reader = new ZvtSerialReader();
    const events = Array.from(encodeSerialFrame(apdu)).flatMap((byte) => reader.push(Uint8Array.of(byte)));
    expect(events).toEqual([{ kind: 'frame', apdu }]);
  });

  it('reads line ACK and NAK bytes, and frames back to back in one chunk', () => {
    const a = fromHex('800000');
    const b = fromHex('060f00');
    const chunk = Uint8Array.from([0x06, ...encodeSerialFrame(a), 0x15, ...encodeSerialFrame(b)]);
    expect(new ZvtSerialReader().push(chunk)).toEqual([{ kind: 'ack' }, { kind: 'frame', apdu: a }, { kind: 'nak' }, { kind: 'frame', apdu: b }]);
  });

  it('reports a corrupted CRC, and reads the next good frame after it', () => {
    const good = encodeSerialFrame(fromHex('060f00'));
    const bad = Uint8Array.from(good);
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0xff;
    const reader = new ZvtSerialReader();
    expect(reader.push(bad)).toEqual([{ kind: 'corrupt', reason: 'crc' }]);
    expect(reader.push(good)).toEqual([{ kind: 'frame', apdu: fromHex('060f00') }]);
  });

  it('reports a corrupted body (a flipped APDU byte) as a CRC failure', () => {
    const frame = encodeSerialFrame(fromHex('040f022700'));
    frame[4] = 0x0e;
    expect(new ZvtSerialReader().push(frame)).toEqual([{ kind: 'corrupt', reason: 'crc' }]);
  });

  it('treats a DLE followed by anything but DLE, ETX or STX inside a frame as broken framing, and restarts on a new DLE STX', () => {
    const reader = new ZvtSerialReader();
    expect(reader.push(fromHex('1002 0601 1041'))).toEqual([{ kind: 'corrupt', reason: 'framing' }]);
    const apdu = fromHex('800000');
    expect(reader.push(Uint8Array.from([0x10, 0x02, 0x06, 0x10, 0x02, ...encodeSerialFrame(apdu).subarray(2)]))).toEqual([
      { kind: 'corrupt', reason: 'framing' },
      { kind: 'frame', apdu },
    ]);
  });

  it('ignores line noise between frames', () => {
    const apdu = fromHex('800000');
    expect(new ZvtSerialReader().push(Uint8Array.from([0x00, 0xff, 0x41, ...encodeSerialFrame(apdu), 0x7f]))).toEqual([{ kind: 'frame', apdu }]);
  });
});
