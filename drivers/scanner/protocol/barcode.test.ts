import { describe, expect, it } from 'vitest';
import { BARCODE_MESSAGES, parseBarcode } from './barcode.ts';
import { ean13 } from './gtin.ts';

describe('barcode parsing', () => {
  it('accepts a Korean EAN-13 with a good check digit, as scanned', () => {
    expect(ean13('880123456789')).toBe('8801234567893');
    expect(parseBarcode('8801234567893')).toEqual({ ok: true, value: { kind: 'gtin', gtin: '8801234567893', ean13: '8801234567893' } });
  });

  it('reports a UPC-A as scanned and as the 13-digit EAN with a leading 0', () => {
    expect(parseBarcode('036000291452')).toEqual({ ok: true, value: { kind: 'gtin', gtin: '036000291452', ean13: '0036000291452' } });
  });

  it('accepts EAN-8', () => {
    expect(parseBarcode('96385074')).toEqual({ ok: true, value: { kind: 'gtin', gtin: '96385074' } });
  });

  it('refuses a GTIN with a wrong check digit: a garbled scan is never rung', () => {
    expect(parseBarcode('8801234567890')).toEqual({ ok: false, code: 'bad_check_digit', message: BARCODE_MESSAGES.bad_check_digit });
    expect(parseBarcode('96385075')).toMatchObject({ ok: false, code: 'bad_check_digit' });
  });

  it('strips a trailing CR/LF and an AIM symbology identifier', () => {
    expect(parseBarcode(']E08801234567893\r\n')).toMatchObject({ ok: true, value: { gtin: '8801234567893' } });
    expect(parseBarcode(']C10001-01-000042\r')).toEqual({ ok: true, value: { kind: 'code', data: '0001-01-000042' } });
  });

  it('passes other printable data as a code: receipt numbers and order QR payloads', () => {
    expect(parseBarcode('0001-01-000042')).toEqual({ ok: true, value: { kind: 'code', data: '0001-01-000042' } });
    expect(parseBarcode('ORDER:2024-000123')).toEqual({ ok: true, value: { kind: 'code', data: 'ORDER:2024-000123' } });
    expect(parseBarcode('ABC880123456789')).toMatchObject({ ok: true, value: { kind: 'code' } });
  });

  it('refuses an empty scan, characters a barcode cannot hold, and unknown formats', () => {
    expect(parseBarcode('')).toEqual({ ok: false, code: 'empty', message: 'The scan was empty.' });
    expect(parseBarcode('\r\n')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseBarcode('88012345\u00e967893')).toEqual({ ok: false, code: 'bad_characters', message: BARCODE_MESSAGES.bad_characters });
    expect(parseBarcode('ㅊ8801234567893')).toMatchObject({ ok: false, code: 'bad_characters' });
    expect(parseBarcode('%%$')).toEqual({ ok: false, code: 'unknown_format', message: BARCODE_MESSAGES.unknown_format });
  });

  it('pins its messages in English', () => {
    expect(BARCODE_MESSAGES).toEqual({
      empty: 'The scan was empty.',
      bad_characters: 'The scan contains characters a barcode cannot hold; scan again.',
      bad_check_digit: 'The check digit is wrong: the barcode was misread; scan again.',
      unknown_format: 'This barcode format is not recognised.',
    });
  });
});
