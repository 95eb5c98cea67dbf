import { describe, expect, it } from 'vitest';
import { ApduReader } from './apdu-reader.ts';
import {
  ABORT_REQUEST,
  ZVT,
  encodeApdu,
  encodePasswordCommand,
  encodeRefund,
  encodeReversal,
  encodeStatusEnquiryCompletion,
  parseStatusEnquiryCompletion,
  splitPassword,
  encodeAuthorization,
  encodeStatusInformation,
  fromBcd,
  maskPan,
  parseAuthorization,
  parseBmps,
  parseStatusInformation,
  readApdu,
  toBcd,
} from './zvt.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fromHex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

describe('ZVT protocol', () => {
  it('encodes BCD and reads it back', () => {
    expect(hex(toBcd(12000, 6))).toBe('000000012000');
    expect(hex(toBcd(410, 2))).toBe('0410');
    expect(fromBcd(fromHex('000042'))).toBe('000042');
    expect(() => toBcd(1234567, 3)).toThrow(RangeError);
  });

  it('frames an authorization of 12,000 KRW as 06 01 with BMP 04 and BMP 49', () => {
    expect(hex(encodeAuthorization(12000, 410))).toBe('06010a' + '04000000012000' + '490410');
    expect(parseAuthorization(fromHex('04000000012000490410'))).toEqual({ amount: 12000, currencyNumeric: 410 });
  });

  it('uses the extended length (FF + two bytes little-endian) from 255 data bytes on', () => {
    const data = new Uint8Array(300).fill(0x41);
    const framed = encodeApdu(0x06, 0xd3, data);
    expect(hex(framed.subarray(0, 5))).toBe('06d3ff2c01');
    expect(readApdu(framed)).toEqual({ apdu: { cls: 0x06, instr: 0xd3, data }, size: 305 });
    expect(hex(encodeApdu(0x06, 0xd3, new Uint8Array(254)).subarray(0, 3))).toBe('06d3fe');
  });

  it('waits for a whole APDU and leaves what follows', () => {
    expect(readApdu(fromHex('800000 060f'))).toEqual({ apdu: { cls: 0x80, instr: 0, data: new Uint8Array(0) }, size: 3 });
    expect(readApdu(fromHex('060f'))).toBeUndefined();
    expect(readApdu(fromHex('061e01'))).toBeUndefined();
    expect(readApdu(fromHex('06d3ff2c'))).toBeUndefined();
  });

  it('parses a status information from a terminal byte for byte', () => {
    // 27 00 | 04 amount 12000 | 0B trace 000042 | 29 TID 52500001 | 3B "12345678" | 22 F0F8 EEEEEEEEEEEE1234 | 87 0007 | 8A 0A | 8B F0F5 "VISA\0"
    const data = fromHex(
      '2700 04000000012000 0b000042 2952500001 3b3132333435363738 22f0f8eeeeeeeeeeee1234 870007 8a0a 8bf0f55649534100',
    );
    expect(parseStatusInformation(data)).toEqual({
      resultCode: 0,
      amount: 12000,
      trace: '000042',
      terminalId: '52500001',
      approvalCode: '12345678',
      pan: '************1234',
      receiptNo: '0007',
      cardType: 0x0a,
      cardName: 'VISA',
    });
  });

  it('skips BMPs it does not use when their length is known, and stops at an unknown one', () => {
    // 0C time, 0D date, 3C LLLVAR text, 06 TLV container, then 27 result
    const known = parseBmps(fromHex('0c123456 0d1231 3cf0f0f2 4142 0603 1f1000 2705'));
    expect(known.unparsed).toBeUndefined();
    expect(known.fields.get(0x27)).toEqual(Uint8Array.of(0x05));
    expect(known.fields.get(0x3c)).toEqual(fromHex('4142'));
    const unknown = parseBmps(fromHex('2700 7701 2705'));
    expect(unknown.unparsed).toBe(0x77);
    expect(unknown.fields.get(0x27)).toEqual(Uint8Array.of(0));
  });

  it('encodes what it parses (the lab terminal speaks the same bytes)', () => {
    const info = { resultCode: 0, amount: 5500, trace: '000001', approvalCode: '00112233', pan: '************4321', cardType: 0x0a, cardName: 'VISA' };
    const { apdu } = readApdu(encodeStatusInformation(info)) ?? {};
    expect(apdu?.cls).toBe(0x04);
    expect(apdu?.instr).toBe(0x0f);
    expect(parseStatusInformation(apdu?.data ?? new Uint8Array())).toEqual(info);
  });

  it('shows the app only the last four digits of a card number', () => {
    expect(maskPan('************1234')).toBe('****1234');
    expect(maskPan('4111111111111111')).toBe('****1111');
  });

  it('frames a refund (06 31) as password, BMP 04 amount, BMP 49 currency', () => {
    expect(hex(encodeRefund(3300, 410))).toBe('06310d' + '000000' + '04000000003300' + '490410');
    const { password, fields } = splitPassword(fromHex('123456 04000000003300 490410'));
    expect(password).toBe('123456');
    expect(fields.get(0x04)).toEqual(fromHex('000000003300'));
  });

  it('frames a reversal (06 30) of receipt 0007 as password and BMP 87', () => {
    expect(hex(encodeReversal('0007'))).toBe('063006' + '000000' + '870007');
    expect(hex(encodeReversal('42', '123456'))).toBe('063006' + '123456' + '870042');
  });

  it('frames repeat receipt (06 20), end of day (06 50) and status enquiry (05 01) with the password, and abort (06 B0) bare', () => {
    expect(hex(encodePasswordCommand(ZVT.repeatReceipt))).toBe('062003000000');
    expect(hex(encodePasswordCommand(ZVT.endOfDay, '111111'))).toBe('065003111111');
    expect(hex(encodePasswordCommand(ZVT.statusEnquiry))).toBe('050103000000');
    expect(hex(ABORT_REQUEST)).toBe('06b000');
  });

  it('reads the completion of a status enquiry: LLLVAR software version, then the terminal status byte', () => {
    const bytes = encodeStatusEnquiryCompletion('V1.2', 0x00);
    expect(hex(bytes)).toBe('060f08' + 'f0f0f4' + '56312e32' + '00');
    expect(parseStatusEnquiryCompletion(bytes.subarray(3))).toEqual({ softwareVersion: 'V1.2', terminalStatus: 0 });
    expect(parseStatusEnquiryCompletion(fromHex('f0f0f0 dc'))).toEqual({ softwareVersion: '', terminalStatus: 0xdc });
    expect(parseStatusEnquiryCompletion(new Uint8Array(0))).toEqual({ softwareVersion: '', terminalStatus: 0 });
  });
});

describe('APDU reader', () => {
  it('hands out APDUs split across chunks, and several from one chunk, in order', async () => {
    const reader = new ApduReader();
    reader.push(fromHex('04 0f'));
    reader.push(fromHex('02 27'));
    reader.push(fromHex('00 800000 06'));
    reader.push(fromHex('0f 00'));
    expect(await reader.next()).toEqual({ cls: 0x04, instr: 0x0f, data: fromHex('2700') });
    expect(await reader.next()).toEqual({ cls: 0x80, instr: 0x00, data: new Uint8Array(0) });
    expect(await reader.next()).toEqual({ cls: 0x06, instr: 0x0f, data: new Uint8Array(0) });
  });

  it('keeps an APDU that arrives after a wait gave up for the next caller', async () => {
    const reader = new ApduReader();
    expect(await reader.nextWithin(5)).toBeUndefined();
    reader.push(fromHex('800000'));
    expect(await reader.nextWithin(1000)).toEqual({ cls: 0x80, instr: 0x00, data: new Uint8Array(0) });
  });

  it('rejects waits once the stream failed', async () => {
    const reader = new ApduReader();
    reader.fail(new Error('closed'));
    await expect(reader.nextWithin(1000)).rejects.toThrow('closed');
  });
});
