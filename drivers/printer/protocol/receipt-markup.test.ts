import { describe, expect, it } from 'vitest';
import { displayWidth, escapeMarkupProperty, escapeMarkupText, toReceiptMarkup } from './receipt-markup.ts';

describe('receipt markup', () => {
  it('escapes every ReceiptLine special character in text', () => {
    expect(escapeMarkupText('a|b{c}~_"`^\\')).toBe('a\\|b\\{c\\}\\~\\_\\"\\`\\^\\\\');
  });

  it('keeps a text of dashes from becoming a rule, and a text of equals from becoming a cut', () => {
    expect(escapeMarkupText('---')).toBe('\\---');
    expect(escapeMarkupText('==')).toBe('\\==');
  });

  it('keeps runs of spaces and drops control characters', () => {
    expect(escapeMarkupText('a  b\x07')).toBe('a~~b');
  });

  it('escapes property delimiters in barcode data', () => {
    expect(escapeMarkupProperty('a;b|c{d}\\')).toBe('a\\;b\\|c\\{d\\}\\\\');
  });

  it('counts Hangul as two columns when sizing the right column', () => {
    expect(displayWidth('1,200')).toBe(5);
    expect(displayWidth('계산원 김민지')).toBe(13);
  });

  it('aligns with pipes, decorates bold and size, and lays out columns', () => {
    const markup = toReceiptMarkup({
      blocks: [
        { kind: 'text', text: '옴니마트', align: 'center', bold: true, size: 'large' },
        { kind: 'text', text: 'left' },
        { kind: 'text', text: 'right', align: 'right', size: 'wide' },
        { kind: 'columns', left: '신라면', right: '1,200' },
        { kind: 'rule' },
        { kind: 'feed', lines: 2 },
        { kind: 'barcode', data: '0001-01-000042' },
        { kind: 'qr', data: 'ORDER:42' },
      ],
    });
    expect(markup.split('\n')).toEqual([
      '"^^^옴니마트',
      '|left',
      '^right|',
      '{width:*,5}',
      '|신라면 | 1,200|',
      '{width:auto}',
      '-',
      '',
      '',
      '{code:0001-01-000042;option:code128,2,72,hri}',
      '{code:ORDER:42;option:qrcode,4,m}',
      '',
    ]);
  });
});
