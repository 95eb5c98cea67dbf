import { describe, expect, it } from 'vitest';
import { decodeCode128Data, decodeEscPos } from './escpos-decoder.ts';
import { encodeEscPos } from './escpos-encoder.ts';
import { SAMPLE_KOREAN_RECEIPT } from './sample-receipt.ts';

const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;
const LF = 0x0a;
const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')];
const bytes = (...parts: (number | number[])[]): Uint8Array => Uint8Array.from(parts.flat());
// 한글 in KS C 5601 / EUC-KR
const HANGUL = [0xc7, 0xd1, 0xb1, 0xdb];

describe('ESC/POS decoder', () => {
  it('decodes plain text lines and ends the receipt at GS V', () => {
    const { receipts, rest } = decodeEscPos(bytes(ESC, 0x40, ascii('HELLO'), LF, ascii('WORLD'), LF, GS, 0x56, 0x42, 0x00));
    expect(receipts).toEqual([{ lines: ['HELLO', 'WORLD'], barcodes: [], qrCodes: [], images: 0, rasters: [], cut: true }]);
    expect(rest.length).toBe(0);
  });

  it('decodes KS C 5601 Korean only while Kanji mode (FS &) is on', () => {
    const { receipts } = decodeEscPos(
      bytes(ESC, 0x74, 0x00, FS, 0x26, ESC, 0x52, 0x0d, HANGUL, LF, FS, 0x2e, ESC, 0x74, 0x01, 0x95, 0x95, LF, GS, 0x56, 0x00),
    );
    expect(receipts[0]?.lines).toEqual(['한글', '--']);
  });

  it('skips style, position and setup commands so the text comes out clean', () => {
    const { receipts, unknown } = decodeEscPos(
      bytes(
        ESC, 0x40, GS, 0x61, 0x00, ESC, 0x4d, 0x30, FS, 0x28, 0x41, 0x02, 0x00, 0x30, 0x00, ESC, 0x20, 0x00, FS, 0x53, 0x00, 0x00,
        ESC, 0x33, 0x00, ESC, 0x7b, 0x00, FS, 0x2e, ESC, 0x2d, 0x30, FS, 0x2d, 0x30, ESC, 0x45, 0x31, GS, 0x42, 0x30, GS, 0x21, 0x00,
        GS, 0x4c, 0x00, 0x00, GS, 0x57, 0xf8, 0x01, ESC, 0x61, 0x00, ESC, 0x21, 0x00, ESC, 0x32,
        ascii('TOTAL'), LF, ESC, 0x64, 0x02, GS, 0x56, 0x41, 0x03,
      ),
    );
    expect(receipts[0]?.lines).toEqual(['TOTAL']);
    expect(unknown).toEqual([]);
  });

  it('turns ESC d n (print and feed n lines) into blank lines between text', () => {
    const { receipts } = decodeEscPos(bytes(ascii('A'), ESC, 0x64, 0x03, ascii('B'), LF, GS, 0x56, 0x00));
    expect(receipts[0]?.lines).toEqual(['A', '', '', 'B']);
  });

  it('places text at ESC $ / ESC \\ positions (12 dots a column) so columns line up', () => {
    const { receipts } = decodeEscPos(
      bytes(ESC, 0x24, 0x00, 0x00, ascii('Tea'), ESC, 0x5c, 0x3c, 0x00, ascii('1,000'), LF, GS, 0x56, 0x00),
    );
    expect(receipts[0]?.lines).toEqual(['Tea     1,000']);
  });

  it('counts a double-width character as two columns but writes it once', () => {
    const { receipts } = decodeEscPos(bytes(GS, 0x21, 0x10, ascii('AB'), GS, 0x21, 0x00, ascii('C'), LF, GS, 0x56, 0x00));
    expect(receipts[0]?.lines).toEqual(['ABC']);
  });

  it('reads a CODE128 barcode written with code sets C and B', () => {
    // "0001-01-000042": {C 00 01 {B -01- {C 00 00 42
    const data = [0x7b, 0x43, 0, 1, 0x7b, 0x42, ...ascii('-01-'), 0x7b, 0x43, 0, 0, 42];
    const { receipts } = decodeEscPos(bytes(GS, 0x6b, 73, data.length, data, GS, 0x56, 0x00));
    expect(receipts[0]?.barcodes).toEqual(['0001-01-000042']);
    expect(decodeCode128Data(Uint8Array.from([0x7b, 0x42, ...ascii('A{{B')]))).toBe('A{B');
  });

  it('completes an EAN-13 sent without its check digit, as the printer would', () => {
    const { receipts } = decodeEscPos(bytes(GS, 0x6b, 67, 12, ascii('880123456789'), GS, 0x56, 0x00));
    expect(receipts[0]?.barcodes).toEqual(['8801234567893']);
  });

  it('reads a native QR code (GS ( k store + print)', () => {
    const data = ascii('ORDER-42');
    const store = [GS, 0x28, 0x6b, data.length + 3, 0x00, 49, 80, 48, ...data];
    const print = [GS, 0x28, 0x6b, 0x03, 0x00, 49, 81, 48];
    const { receipts } = decodeEscPos(bytes(store, print, GS, 0x56, 0x00));
    expect(receipts[0]?.qrCodes).toEqual(['ORDER-42']);
  });

  it('skips a GS v 0 raster that is not a QR code and counts it as an image', () => {
    const { receipts } = decodeEscPos(bytes(GS, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0xff, 0x0a, ascii('X'), LF, GS, 0x56, 0x00));
    expect(receipts[0]).toMatchObject({ lines: ['X'], images: 1, rasters: [{ widthBytes: 1, height: 2, data: Uint8Array.of(0xff, 0x0a) }] });
  });

  it('keeps an unfinished receipt or command as the rest, to be fed again with more bytes', () => {
    const first = decodeEscPos(bytes(ascii('A'), LF, GS, 0x56, 0x00, ascii('B'), LF, GS));
    expect(first.receipts).toHaveLength(1);
    expect([...first.rest]).toEqual([...ascii('B'), LF, GS]);
    const second = decodeEscPos(bytes([...first.rest], 0x56, 0x00));
    expect(second.receipts[0]?.lines).toEqual(['B']);
  });

  it('splits a stream with two cuts into two receipts', () => {
    const { receipts } = decodeEscPos(bytes(ascii('1'), LF, GS, 0x56, 0x00, ascii('2'), LF, GS, 0x56, 0x01));
    expect(receipts.map((r) => r.lines)).toEqual([['1'], ['2']]);
  });

  it('round-trips a Korean receipt from receiptline: the Korean lines, the barcode and the QR come back', () => {
    const doc = {
      blocks: [...SAMPLE_KOREAN_RECEIPT.blocks, { kind: 'qr' as const, data: 'https://omni.example/r/0001-01-000042' }],
    };
    const { receipts, rest, unknown } = decodeEscPos(encodeEscPos(doc));
    expect(unknown).toEqual([]);
    expect(receipts).toHaveLength(1);
    const receipt = receipts[0];
    expect(receipt?.cut).toBe(true);
    const lines = receipt?.lines.map((l) => l.trim()) ?? [];
    expect(lines).toContain('옴니마트 강남점');
    expect(lines).toContain('서울시 강남구 테헤란로 1');
    expect(lines).toContain('-'.repeat(42));
    expect(receipt?.lines).toContain(`신라면 x2${' '.repeat(28)}2,400`);
    expect(lines.some((l) => /^합계 +22,800$/.test(l))).toBe(true);
    expect(lines).toContain('감사합니다');
    expect(receipt?.barcodes).toEqual(['0001-01-000042']);
    expect(receipt?.qrCodes).toEqual(['https://omni.example/r/0001-01-000042']);
    // receiptline ends a job with GS r 1 (transmit status): it follows the cut.
    expect([...rest]).toEqual([0x1d, 0x72, 0x31]);
  });
});
