import { isValidGtin } from './gtin.ts';

export type ParsedBarcode =
  /** A GTIN as scanned (8, 12, 13 or 14 digits); `ean13` is its 13-digit EAN form when it has one (UPC-A gets a leading 0). */
  | { kind: 'gtin'; gtin: string; ean13?: string }
  /** Other printable data: a receipt number, an order or member QR payload. */
  | { kind: 'code'; data: string };

export type BarcodeErrorCode = 'empty' | 'bad_characters' | 'bad_check_digit' | 'unknown_format';

export type BarcodeResult = { ok: true; value: ParsedBarcode } | { ok: false; code: BarcodeErrorCode; message: string };

export const BARCODE_MESSAGES: Record<BarcodeErrorCode, string> = {
  empty: 'The scan was empty.',
  bad_characters: 'The scan contains characters a barcode cannot hold; scan again.',
  bad_check_digit: 'The check digit is wrong: the barcode was misread; scan again.',
  unknown_format: 'This barcode format is not recognised.',
};

/** AIM symbology identifier: "]" + code character + modifier (ISO/IEC 15424). */
const AIM = /^\](?<id>[A-Za-z][0-9A-Za-z])/;
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** Strips the scanner's framing and symbology identifier from a raw scan. */
export function stripScan(raw: string): { data: string; symbology?: string } {
  const trimmed = raw.replace(/[\r\n]+$/, '');
  const match = AIM.exec(trimmed);
  if (!match?.groups) return { data: trimmed };
  return { data: trimmed.slice(match[0].length), symbology: `]${match.groups['id']}` };
}

/**
 * Parses and validates a scan before it may reach a basket. A digit string of a GTIN length with a
 * wrong check digit is a garbled scan and is refused, never looked up as another code.
 */
export function parseBarcode(raw: string): BarcodeResult {
  const { data } = stripScan(raw);
  const fail = (code: BarcodeErrorCode): BarcodeResult => ({ ok: false, code, message: BARCODE_MESSAGES[code] });
  if (data.length === 0) return fail('empty');
  // Printable ASCII only: what a Code 128 / QR payload of ours can hold; anything else is line noise.
  if (!/^[\x20-\x7e]+$/.test(data)) return fail('bad_characters');
  if (/^\d+$/.test(data) && GTIN_LENGTHS.has(data.length)) {
    if (!isValidGtin(data)) return fail('bad_check_digit');
    if (data.length === 12) return { ok: true, value: { kind: 'gtin', gtin: data, ean13: `0${data}` } };
    if (data.length === 13) return { ok: true, value: { kind: 'gtin', gtin: data, ean13: data } };
    return { ok: true, value: { kind: 'gtin', gtin: data } };
  }
  if (/^[0-9A-Za-z][\x20-\x7e]*$/.test(data)) return { ok: true, value: { kind: 'code', data } };
  return fail('unknown_format');
}
