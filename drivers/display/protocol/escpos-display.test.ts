import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DisplayScreen } from './display-decoder.ts';
import { centredRow, displayRow, displayWidth, encodeLines, encodeStart, encodeText } from './escpos-display.ts';

const screenOf = (...chunks: Buffer[]): [string, string] => {
  const screen = new DisplayScreen();
  for (const c of chunks) screen.push(c);
  return screen.lines();
};

describe('ESC/POS customer display encoder', () => {
  it('starts with ESC @, overwrite mode (US MD1), code table 0 and CLR', () => {
    expect(encodeStart()).toEqual(Buffer.from([0x1b, 0x40, 0x1f, 0x01, 0x1b, 0x74, 0x00, 0x0c]));
  });

  it('writes each row from its first column with US $ n m, padded to 20 columns', () => {
    const bytes = encodeLines('WATER 500ML', 'TOTAL 900', 'ascii');
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x1f, 0x24, 1, 1]));
    expect(bytes.subarray(4, 24).toString('latin1')).toBe('WATER 500ML         ');
    expect(bytes.subarray(24, 28)).toEqual(Buffer.from([0x1f, 0x24, 1, 2]));
    expect(bytes.subarray(28).toString('latin1')).toBe('TOTAL 900           ');
    expect(bytes).toHaveLength(48);
  });

  it('sends Hangul as KS C 5601 pairs between FS & and FS . on a Korean display', () => {
    expect(encodeText('라면 2', 'ksc5601')).toEqual(Buffer.concat([Buffer.from([0x1c, 0x26]), iconv.encode('라면', 'euc-kr'), Buffer.from([0x1c, 0x2e]), Buffer.from(' 2')]));
  });

  it('shows "?" for what an ASCII display cannot show (the caller passes English or romanized names)', () => {
    expect(encodeText('라면 ramen', 'ascii').toString('latin1')).toBe('?? ramen');
  });

  it('puts an amount flush right and cuts the name to fit, never through a Hangul character', () => {
    expect(displayRow('Shin Ramyun Multipack', '4,500')).toBe('Shin Ramyun Mu 4,500');
    const korean = displayRow('농심 신라면 멀티팩', '4,500');
    expect(displayWidth(korean)).toBe(20);
    expect(korean).toBe('농심 신라면 멀 4,500');
    expect(centredRow('감사합니다')).toBe('     감사합니다     ');
  });
});

describe('the lab pole display decoder', () => {
  it('shows what the encoder wrote: both rows, Korean included', () => {
    expect(screenOf(encodeStart(), encodeLines('신라면       4,500', '합계        13,500', 'ksc5601'))).toEqual(['신라면       4,500  ', '합계        13,500  ']);
  });

  it('keeps a command and a Hangul pair split across chunks (a serial line delivers bytes one by one)', () => {
    const bytes = Buffer.concat([encodeStart(), encodeLines('감사합니다', 'THANK YOU', 'ksc5601')]);
    const screen = new DisplayScreen();
    for (const b of bytes) screen.push(Buffer.from([b]));
    expect(screen.lines()).toEqual([`감사합니다${' '.repeat(10)}`, `THANK YOU${' '.repeat(11)}`]);
  });

  it('clears on CLR and on ESC @, clears a row on CAN, and counts bytes it does not know', () => {
    const screen = new DisplayScreen();
    screen.push(encodeLines('AAAA', 'BBBB', 'ascii'));
    screen.push(Buffer.from([0x1f, 0x24, 1, 2, 0x18]));
    expect(screen.lines()).toEqual([`AAAA${' '.repeat(16)}`, ' '.repeat(20)]);
    screen.push(Buffer.from([0x0c, 0x01, 0x1b, 0x7a]));
    expect(screen.lines()).toEqual([' '.repeat(20), ' '.repeat(20)]);
    expect(screen.unknown).toBe(3);
  });

  it('wraps text that runs past a row onto the next, and drops what runs past the last', () => {
    const screen = new DisplayScreen();
    screen.push(Buffer.from('0123456789ABCDEFGHIJklmnopqrstuvwxyz0123456789', 'latin1'));
    expect(screen.lines()).toEqual(['0123456789ABCDEFGHIJ', 'klmnopqrstuvwxyz0123']);
  });
});
