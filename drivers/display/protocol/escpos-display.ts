/**
 * ESC/POS customer display commands (the Epson DM-D command set, which most 2x20 VFD and LCD pole
 * displays sold with POS systems speak, the CD5220-style "PTC" ones in their ESC/POS mode too):
 *
 *   ESC @        0x1B 0x40        initialize: clear, cursor home, overwrite mode, default tables
 *   CLR          0x0C             clear the screen, cursor home
 *   CAN          0x18             clear the cursor's line
 *   US MD1       0x1F 0x01        overwrite mode (writing at the end of a line does not scroll)
 *   US $ n m     0x1F 0x24 n m    move the cursor to column n (1..20), row m (1..2)
 *   ESC t n      0x1B 0x74 n      character code table (0: PC437)
 *   FS & / FS .  0x1C 0x26 / 0x2E double-byte (KS C 5601) character mode on / off, on Korean models
 *
 * Korean only where the display has a Korean font (configured: codePage ksc5601): Hangul is sent
 * as KS C 5601 (EUC-KR) pairs inside FS & ... FS ., each taking two columns. Other displays get
 * ASCII; the caller passes names they can show (English, romanized). Pure: text in, bytes out.
 */
import iconv from 'iconv-lite';

export const DISPLAY_COLUMNS = 20;
export const DISPLAY_ROWS = 2;

export type DisplayCodePage = 'ascii' | 'ksc5601';

export const ESC = 0x1b;
export const FS = 0x1c;
export const US = 0x1f;
export const CLR = 0x0c;
export const CAN = 0x18;

export const INITIALIZE = Buffer.from([ESC, 0x40]);
export const CLEAR = Buffer.from([CLR]);
export const OVERWRITE_MODE = Buffer.from([US, 0x01]);
export const KANJI_ON = Buffer.from([FS, 0x26]);
export const KANJI_OFF = Buffer.from([FS, 0x2e]);

/** US $ n m: column and row from 1. */
export const moveCursor = (column: number, row: number): Buffer => Buffer.from([US, 0x24, column, row]);

const isWide = (ch: string): boolean => /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3000-\u303f\uff01-\uff60]/.test(ch);

/** Characters a display of this code page can show; others become '?'. */
export function displayable(text: string, codePage: DisplayCodePage): string {
  return [...text]
    .map((ch) => {
      if (ch >= ' ' && ch <= '~') return ch;
      if (codePage === 'ksc5601' && isWide(ch) && iconv.encode(ch, 'euc-kr').length === 2) return ch;
      return '?';
    })
    .join('');
}

/** How many columns the text takes (Hangul two each). */
export const displayWidth = (text: string): number => [...text].reduce((n, ch) => n + (isWide(ch) ? 2 : 1), 0);

/** Cuts the text to at most `columns` columns, never through a double-width character. */
export function fitWidth(text: string, columns: number): string {
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = isWide(ch) ? 2 : 1;
    if (width + w > columns) break;
    out += ch;
    width += w;
  }
  return out;
}

/** One display row: `left` cut to make room, `right` (an amount) flush right; padded to the full width. */
export function displayRow(left: string, right: string, columns = DISPLAY_COLUMNS): string {
  const r = fitWidth(right, columns);
  const room = columns - displayWidth(r);
  const l = fitWidth(left, r === '' ? columns : Math.max(0, room - 1));
  return l + ' '.repeat(columns - displayWidth(l) - displayWidth(r)) + r;
}

/** Centred on the row (for "감사합니다", "THANK YOU"). */
export function centredRow(text: string, columns = DISPLAY_COLUMNS): string {
  const t = fitWidth(text, columns);
  const pad = columns - displayWidth(t);
  return ' '.repeat(Math.floor(pad / 2)) + t + ' '.repeat(Math.ceil(pad / 2));
}

/** Text bytes for the code page: ASCII as is, Hangul runs as KS C 5601 pairs between FS & and FS . */
export function encodeText(text: string, codePage: DisplayCodePage): Buffer {
  const safe = displayable(text, codePage);
  if (codePage === 'ascii') return Buffer.from(safe, 'latin1');
  const parts: Buffer[] = [];
  for (const run of safe.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? []) {
    if (/^[\x20-\x7e]/.test(run)) parts.push(Buffer.from(run, 'latin1'));
    else parts.push(KANJI_ON, iconv.encode(run, 'euc-kr'), KANJI_OFF);
  }
  return Buffer.concat(parts);
}

/** Sent once when the display is opened: initialize, overwrite mode, PC437, a clear screen. */
export function encodeStart(): Buffer {
  return Buffer.concat([INITIALIZE, OVERWRITE_MODE, Buffer.from([ESC, 0x74, 0x00]), CLEAR]);
}

/**
 * Both rows, each written in full from its first column (a full row overwrites what was there, so
 * the screen never blanks between updates the way CLR then text would flicker).
 */
export function encodeLines(top: string, bottom: string, codePage: DisplayCodePage, columns = DISPLAY_COLUMNS): Buffer {
  const row = (text: string): string => {
    const t = fitWidth(displayable(text, codePage), columns);
    return t + ' '.repeat(columns - displayWidth(t));
  };
  return Buffer.concat([moveCursor(1, 1), encodeText(row(top), codePage), moveCursor(1, 2), encodeText(row(bottom), codePage)]);
}
