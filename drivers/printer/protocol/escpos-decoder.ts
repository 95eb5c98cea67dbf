import iconv from 'iconv-lite';
import { gtinCheckDigit } from '../../scanner/protocol/gtin.ts';
import { readRasterQr } from './raster-qr.ts';

/** One receipt as a person would read it off the paper. */
export interface DecodedReceipt {
  /** Printed lines; text is laid out in columns (a wide character takes two), trailing spaces trimmed. */
  lines: string[];
  barcodes: string[];
  qrCodes: string[];
  /** Raster images that were not a readable QR code (logos). */
  images: number;
  /** Every raster bit image as printed (GS v 0, GS ( L), top to bottom: a logo, or a whole receipt sent as bitmaps. */
  rasters: DecodedRaster[];
  /** True when the receipt was ended by a cut command (GS V, ESC i, ESC m). */
  cut: boolean;
}

/** A 1-bit image as the printer got it: rows of widthBytes bytes, MSB leftmost, 1 = black. */
export interface DecodedRaster {
  widthBytes: number;
  height: number;
  data: Uint8Array;
}

export interface DecodeResult {
  receipts: DecodedReceipt[];
  /** Bytes after the last cut: an unfinished receipt, or an unfinished command. Feed them again with more bytes. */
  rest: Uint8Array;
  /** Commands the decoder did not know, as hex (e.g. "1d 5a"); they were skipped by one byte. */
  unknown: string[];
  /** Offset just past each receipt's cut, in the input: receipt k spans receiptEnds[k-1] (or 0) .. receiptEnds[k]. */
  receiptEnds: number[];
}

const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;
const DLE = 0x10;
const LF = 0x0a;

/** Dots per character column: Font A 12, Font B 9 (ESC M / ESC !). */
const FONT_DOTS = [12, 9] as const;

/** receiptline draws rules with box-drawing bytes 0x8f-0x9f in code table 1; shown as ASCII. */
function ruleChar(byte: number): string {
  if (byte === 0x95) return '-';
  if (byte === 0x96) return '|';
  return '+';
}

class NeedMore extends Error {}

/** Decoder state for one receipt. */
class Page {
  lines: string[] = [];
  barcodes: string[] = [];
  qrCodes: string[] = [];
  images = 0;
  rasters: DecodedRaster[] = [];
  cells: string[] = [];
  dot = 0;
  positioned = false;
  font: 0 | 1 = 0;
  widthMul = 1;
  kanji = false;
  codeTable = 0;
  align = 0;
  qrData: Uint8Array | undefined;
  graphics: { widthBytes: number; height: number; data: Uint8Array } | undefined;

  get charDots(): number {
    return FONT_DOTS[this.font];
  }

  put(text: string, columns: number): void {
    const col = Math.floor(this.dot / this.charDots);
    for (let i = this.cells.length; i < col; i++) this.cells[i] = ' ';
    this.cells[col] = text;
    for (let i = 1; i < columns * this.widthMul; i++) this.cells[col + i] = '';
    this.dot += columns * this.widthMul * this.charDots;
  }

  flushLine(): void {
    let line = Array.from(this.cells, (c) => c ?? ' ').join('').trimEnd();
    if (!this.positioned && this.align !== 0 && line !== '') {
      const pad = Math.max(0, 42 - line.length);
      line = ' '.repeat(this.align === 1 ? Math.floor(pad / 2) : pad) + line;
    }
    this.lines.push(line);
    this.cells = [];
    this.dot = 0;
    this.positioned = false;
  }

  image(widthBytes: number, height: number, data: Uint8Array): void {
    this.rasters.push({ widthBytes, height, data: Uint8Array.from(data) });
    const qr = readRasterQr(data, widthBytes, height);
    if (qr === undefined) this.images++;
    else this.qrCodes.push(qr);
  }

  finish(cut: boolean): DecodedReceipt {
    if (this.cells.length > 0) this.flushLine();
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    return { lines: this.lines, barcodes: this.barcodes, qrCodes: this.qrCodes, images: this.images, rasters: this.rasters, cut };
  }
}

/** Decodes CODE128 data in the ESC/POS "{A {B {C" form (GS k 73) back to its characters. */
export function decodeCode128Data(data: Uint8Array): string {
  let set: 'A' | 'B' | 'C' = 'B';
  let out = '';
  for (let i = 0; i < data.length; i++) {
    const b = data[i] ?? 0;
    if (b === 0x7b && i + 1 < data.length) {
      const next = String.fromCharCode(data[i + 1] ?? 0);
      i++;
      if (next === 'A' || next === 'B' || next === 'C') set = next;
      else if (next === '{') out += '{';
      else if (next === 'S' && i + 1 < data.length) out += String.fromCharCode(data[++i] ?? 0);
      // {1..{4 are FNC1..FNC4: no printable character.
      continue;
    }
    out += set === 'C' ? String(b).padStart(2, '0') : String.fromCharCode(b);
  }
  return out;
}

function barcodeText(m: number, data: Uint8Array): string {
  if (m === 73) return decodeCode128Data(data);
  const text = Buffer.from(data).toString('latin1');
  // EAN-13 / UPC-A sent without their check digit are completed by the printer.
  if ((m === 67 || m === 2) && /^\d{12}$/.test(text)) return text + String(gtinCheckDigit(text));
  if ((m === 65 || m === 0) && /^\d{11}$/.test(text)) return text + String(gtinCheckDigit(text));
  return text;
}

/**
 * Decodes an ESC/POS byte stream into receipts, one per cut. Understands and skips the commands
 * receiptline emits (and the common rest of the Epson ESC/POS set) so the text comes out clean;
 * Korean double-byte text is decoded from KS C 5601 (EUC-KR) while Kanji mode (FS &) is on.
 */
export function decodeEscPos(bytes: Uint8Array): DecodeResult {
  const receipts: DecodedReceipt[] = [];
  const receiptEnds: number[] = [];
  const unknown: string[] = [];
  let page = new Page();
  let receiptStart = 0;
  let i = 0;

  const need = (n: number): void => {
    if (i + n > bytes.length) throw new NeedMore();
  };
  const at = (k: number): number => bytes[k] ?? 0;
  const u16 = (k: number): number => at(k) | (at(k + 1) << 8);

  try {
    while (i < bytes.length) {
      const b = at(i);
      if (b === ESC) {
        need(2);
        const c = at(i + 1);
        switch (c) {
          case 0x40: // ESC @ initialize
            page.font = 0;
            page.widthMul = 1;
            page.kanji = false;
            page.codeTable = 0;
            page.align = 0;
            i += 2;
            break;
          case 0x32: // ESC 2 default line spacing
          case 0x3c: // ESC < return home
            i += 2;
            break;
          case 0x69: // ESC i partial cut (legacy)
          case 0x6d: // ESC m
            i += 2;
            receipts.push(page.finish(true));
            receiptEnds.push(i);
            page = new Page();
            receiptStart = i;
            break;
          case 0x61: // ESC a n justification
            need(3);
            page.align = at(i + 2) % 48;
            i += 3;
            break;
          case 0x4d: // ESC M n font
            need(3);
            page.font = at(i + 2) % 48 === 1 ? 1 : 0;
            i += 3;
            break;
          case 0x21: // ESC ! n print mode
            need(3);
            page.font = at(i + 2) & 0x01 ? 1 : 0;
            page.widthMul = at(i + 2) & 0x20 ? 2 : 1;
            i += 3;
            break;
          case 0x74: // ESC t n code table
            need(3);
            page.codeTable = at(i + 2);
            i += 3;
            break;
          case 0x64: // ESC d n print and feed n lines
          case 0x4a: // ESC J n print and feed n dots
            need(3);
            page.flushLine();
            if (c === 0x64) for (let k = 1; k < at(i + 2); k++) page.lines.push('');
            i += 3;
            break;
          case 0x24: // ESC $ nL nH absolute position
            need(4);
            page.dot = u16(i + 2);
            page.positioned = true;
            i += 4;
            break;
          case 0x5c: // ESC \ nL nH relative position (signed)
            need(4);
            page.dot = Math.max(0, page.dot + ((u16(i + 2) << 16) >> 16));
            page.positioned = true;
            i += 4;
            break;
          case 0x45: case 0x2d: case 0x33: case 0x20: case 0x7b: case 0x52: case 0x47: case 0x56:
          case 0x72: case 0x55: case 0x3d: case 0x4b: case 0x65: case 0x54: case 0x25:
            // ESC E/-/3/SP/{/R/G/V/r/U/=/K/e/T/% n: one parameter, no effect on the text
            need(3);
            i += 3;
            break;
          case 0x4c: case 0x53: case 0x0c: // ESC L / ESC S / ESC FF (page mode): no parameter
            i += 2;
            break;
          case 0x63: // ESC c 3|4|5 n
            need(4);
            i += 4;
            break;
          case 0x70: // ESC p m t1 t2 drawer kick
            need(5);
            i += 5;
            break;
          case 0x44: { // ESC D n1 ... NUL tab stops
            let k = i + 2;
            while (k < bytes.length && at(k) !== 0) k++;
            need(k - i + 1);
            i = k + 1;
            break;
          }
          case 0x2a: { // ESC * m nL nH d1..dk bit image
            need(5);
            const m = at(i + 2);
            const n = u16(i + 3);
            const len = m >= 32 ? n * 3 : n;
            need(5 + len);
            page.images++;
            i += 5 + len;
            break;
          }
          case 0x57: // ESC W page-mode print area: 8 params
            need(10);
            i += 10;
            break;
          default:
            unknown.push(`1b ${c.toString(16).padStart(2, '0')}`);
            i += 2;
        }
      } else if (b === FS) {
        need(2);
        const c = at(i + 1);
        switch (c) {
          case 0x26: // FS & Kanji mode on
            page.kanji = true;
            i += 2;
            break;
          case 0x2e: // FS . Kanji mode off
            page.kanji = false;
            i += 2;
            break;
          case 0x43: case 0x2d: case 0x21: case 0x57: // FS C / - / ! / W n
            need(3);
            i += 3;
            break;
          case 0x53: case 0x70: // FS S n1 n2, FS p n m
            need(4);
            i += 4;
            break;
          case 0x28: // FS ( fn pL pH ...
            need(5);
            need(5 + u16(i + 3));
            i += 5 + u16(i + 3);
            break;
          default:
            unknown.push(`1c ${c.toString(16).padStart(2, '0')}`);
            i += 2;
        }
      } else if (b === GS) {
        need(2);
        const c = at(i + 1);
        switch (c) {
          case 0x21: // GS ! n character size
            need(3);
            page.widthMul = ((at(i + 2) >> 4) & 0x07) + 1;
            i += 3;
            break;
          case 0x56: { // GS V m [n] cut
            need(3);
            const m = at(i + 2);
            const withFeed = m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104;
            need(withFeed ? 4 : 3);
            i += withFeed ? 4 : 3;
            receipts.push(page.finish(true));
            receiptEnds.push(i);
            page = new Page();
            receiptStart = i;
            break;
          }
          case 0x61: case 0x42: case 0x48: case 0x68: case 0x77: case 0x66: case 0x72: case 0x62: case 0x49:
          case 0x2f: case 0x45: case 0x54: case 0x5a: case 0x4a:
            // GS a/B/H/h/w/f/r/b/I, /, E/T/Z/J n: one parameter
            need(3);
            i += 3;
            break;
          case 0x4c: case 0x57: case 0x24: case 0x5c: case 0x50: // GS L/W/$/\/P: two parameters
            need(4);
            i += 4;
            break;
          case 0x6b: { // GS k barcode
            need(3);
            const m = at(i + 2);
            if (m <= 6) {
              let k = i + 3;
              while (k < bytes.length && at(k) !== 0) k++;
              need(k - i + 1);
              page.barcodes.push(barcodeText(m, bytes.subarray(i + 3, k)));
              i = k + 1;
            } else {
              need(4);
              const n = at(i + 3);
              need(4 + n);
              page.barcodes.push(barcodeText(m, bytes.subarray(i + 4, i + 4 + n)));
              i += 4 + n;
            }
            break;
          }
          case 0x28: { // GS ( X pL pH cn fn ...
            need(5);
            const x = at(i + 2);
            const len = u16(i + 3);
            need(5 + len);
            const body = bytes.subarray(i + 5, i + 5 + len);
            if (x === 0x6b && body[0] === 49) {
              // QR: fn 80 stores the data, fn 81 prints it.
              if (body[1] === 80) page.qrData = body.subarray(3);
              if (body[1] === 81 && page.qrData) page.qrCodes.push(Buffer.from(page.qrData).toString('utf8'));
            } else if (x === 0x4c) {
              graphicsCommand(page, body);
            }
            i += 5 + len;
            break;
          }
          case 0x38: { // GS 8 L p1 p2 p3 p4 m fn ... (long graphics command)
            need(7);
            const len = (at(i + 3) | (at(i + 4) << 8) | (at(i + 5) << 16)) + at(i + 6) * 0x1000000;
            need(7 + len);
            if (at(i + 2) === 0x4c) graphicsCommand(page, bytes.subarray(i + 7, i + 7 + len));
            i += 7 + len;
            break;
          }
          case 0x76: { // GS v 0 m xL xH yL yH data: raster bit image, printed at once
            need(8);
            const widthBytes = u16(i + 4);
            const height = u16(i + 6);
            need(8 + widthBytes * height);
            page.image(widthBytes, height, bytes.subarray(i + 8, i + 8 + widthBytes * height));
            i += 8 + widthBytes * height;
            break;
          }
          case 0x2a: { // GS * x y data: define downloaded bit image
            need(4);
            const len = at(i + 2) * at(i + 3) * 8;
            need(4 + len);
            i += 4 + len;
            break;
          }
          default:
            unknown.push(`1d ${c.toString(16).padStart(2, '0')}`);
            i += 2;
        }
      } else if (b === DLE) {
        need(2);
        const c = at(i + 1);
        if (c === 0x04 || c === 0x05) {
          need(3); // DLE EOT n / DLE ENQ n: real-time; the link layer answers them, the page ignores them
          i += 3;
        } else if (c === 0x14) {
          need(3);
          const fn = at(i + 2);
          const len = fn === 8 ? 10 : 5;
          need(len);
          i += len;
        } else {
          i += 1; // a lone DLE is not printable
        }
      } else if (b === LF) {
        page.flushLine();
        i++;
      } else if (b === 0x09) {
        page.put(' '.repeat(8 - (Math.floor(page.dot / page.charDots) % 8)), 8 - (Math.floor(page.dot / page.charDots) % 8));
        i++;
      } else if (b < 0x20 || b === 0x7f) {
        i++; // CR and other controls print nothing
      } else if (page.kanji && b >= 0xa1 && b <= 0xfe) {
        need(2);
        page.put(iconv.decode(Buffer.from([b, at(i + 1)]), 'euc-kr'), 2);
        i += 2;
      } else if (b >= 0x80) {
        page.put(page.codeTable === 1 && b >= 0x8f && b <= 0x9f ? ruleChar(b) : iconv.decode(Buffer.from([b]), 'cp437'), 1);
        i++;
      } else {
        page.put(String.fromCharCode(b), 1);
        i++;
      }
    }
  } catch (error) {
    if (!(error instanceof NeedMore)) throw error;
  }
  return { receipts, rest: bytes.subarray(receiptStart), unknown, receiptEnds };
}

/** GS ( L / GS 8 L body: m fn ...; fn 112 stores a raster, fn 50 prints it. */
function graphicsCommand(page: Page, body: Uint8Array): void {
  const fn = body[1];
  if (fn === 112 && body.length >= 10) {
    // m fn a bx by c xL xH yL yH d1...dk (dots)
    const widthDots = (body[6] ?? 0) | ((body[7] ?? 0) << 8);
    const height = (body[8] ?? 0) | ((body[9] ?? 0) << 8);
    page.graphics = { widthBytes: Math.ceil(widthDots / 8), height, data: body.subarray(10) };
  } else if (fn === 50 && page.graphics) {
    page.image(page.graphics.widthBytes, page.graphics.height, page.graphics.data);
    page.graphics = undefined;
  }
}
