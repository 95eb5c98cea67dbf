/**
 * What a 2x20 ESC/POS customer display shows for the bytes it received: the lab pole display
 * decodes with it, and tests read the two rows back. It keeps partial commands across chunks, as a
 * serial line delivers them byte by byte. Commands: see escpos-display.ts; also HOM (0x0B), CR,
 * LF, BS, HT; US MD2/MD3 are taken as overwrite (the lab shows the result, not the animation).
 */
import iconv from 'iconv-lite';
import { CAN, CLR, DISPLAY_COLUMNS, DISPLAY_ROWS, ESC, FS, US } from './escpos-display.ts';

/** One cell per column; a double-width character fills its cell and marks the next as its tail. */
type Cell = string;
const TAIL = '';

export class DisplayScreen {
  private rows: Cell[][] = [];
  private column = 0;
  private row = 0;
  private kanji = false;
  private pending = Buffer.alloc(0);
  /** Bytes that were not a known command or text (counted, for the lab page). */
  unknown = 0;

  constructor(private readonly columns = DISPLAY_COLUMNS) {
    this.clear();
  }

  /** The rows as text, trailing spaces kept (a display always shows all 20 columns). */
  lines(): [string, string] {
    const text = (r: Cell[] | undefined): string => (r ?? []).filter((c) => c !== TAIL).join('');
    return [text(this.rows[0]), text(this.rows[1])];
  }

  push(chunk: Uint8Array): void {
    let buf = this.pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.pending, chunk]);
    let i = 0;
    const wait = (n: number): boolean => i + n > buf.length;
    while (i < buf.length) {
      const b = buf[i] ?? 0;
      if (b === ESC) {
        if (wait(2)) break;
        const c = buf[i + 1];
        if (c === 0x40) {
          this.clear();
          this.kanji = false;
          i += 2;
        } else if (c === 0x74 || c === 0x52) {
          if (wait(3)) break; // ESC t n (code table), ESC R n (international set): nothing to show
          i += 3;
        } else {
          this.unknown += 2;
          i += 2;
        }
      } else if (b === US) {
        if (wait(2)) break;
        const c = buf[i + 1];
        if (c === 0x24) {
          if (wait(4)) break;
          this.column = Math.min(this.columns, Math.max(1, buf[i + 2] ?? 1)) - 1;
          this.row = Math.min(DISPLAY_ROWS, Math.max(1, buf[i + 3] ?? 1)) - 1;
          i += 4;
        } else if (c === 0x01 || c === 0x02 || c === 0x03) {
          i += 2;
        } else {
          this.unknown += 2;
          i += 2;
        }
      } else if (b === FS) {
        if (wait(2)) break;
        const c = buf[i + 1];
        if (c === 0x26) this.kanji = true;
        else if (c === 0x2e) this.kanji = false;
        else this.unknown += 2;
        i += 2;
      } else if (b === CLR) {
        this.clear();
        i++;
      } else if (b === CAN) {
        this.rows[this.row] = this.blankRow();
        this.column = 0;
        i++;
      } else if (b === 0x0b) {
        this.row = 0;
        this.column = 0;
        i++;
      } else if (b === 0x0d) {
        this.column = 0;
        i++;
      } else if (b === 0x0a) {
        this.row = Math.min(DISPLAY_ROWS - 1, this.row + 1);
        i++;
      } else if (b === 0x08) {
        this.column = Math.max(0, this.column - 1);
        i++;
      } else if (b === 0x09) {
        this.advance(1);
        i++;
      } else if (this.kanji && b >= 0xa1 && b <= 0xfe) {
        if (wait(2)) break;
        this.put(iconv.decode(buf.subarray(i, i + 2), 'euc-kr'), 2);
        i += 2;
      } else if (b >= 0x20 && b <= 0x7e) {
        this.put(String.fromCharCode(b), 1);
        i++;
      } else if (b >= 0x80) {
        this.put(iconv.decode(Buffer.from([b]), 'cp437'), 1);
        i++;
      } else {
        this.unknown++;
        i++;
      }
    }
    buf = buf.subarray(i);
    this.pending = Buffer.from(buf);
  }

  private blankRow(): Cell[] {
    return Array.from({ length: this.columns }, () => ' ');
  }

  private clear(): void {
    this.rows = Array.from({ length: DISPLAY_ROWS }, () => this.blankRow());
    this.row = 0;
    this.column = 0;
  }

  private put(ch: string, width: 1 | 2): void {
    // Overwrite mode: a character that does not fit continues on the next row; past the last row it is lost.
    if (this.column + width > this.columns) this.advance(this.columns - this.column);
    const row = this.rows[this.row];
    if (!row || this.column + width > this.columns) return;
    row[this.column] = ch;
    if (width === 2) row[this.column + 1] = TAIL;
    this.advance(width);
  }

  private advance(n: number): void {
    this.column += n;
    if (this.column >= this.columns) {
      if (this.row < DISPLAY_ROWS - 1) {
        this.row++;
        this.column = 0;
      } else this.column = this.columns;
    }
  }
}
