import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeEscPos, toSvg } from './escpos-encoder.ts';
import { SAMPLE_KOREAN_RECEIPT } from './sample-receipt.ts';

describe('ESC/POS encoder', () => {
  const bytes = encodeEscPos(SAMPLE_KOREAN_RECEIPT);

  it('starts by initializing the printer (ESC @) and ends with a cut (GS V) and a status request (GS r 1)', () => {
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    expect([...bytes.subarray(-7)]).toEqual([0x1d, 0x56, 0x42, 0x00, 0x1d, 0x72, 0x31]);
  });

  it('sends Korean in KS C 5601 with the printer switched to Korean mode (ESC t 0, FS &, ESC R 13)', () => {
    const korean = iconv.encode('신라면', 'euc-kr');
    const at = bytes.indexOf(korean);
    expect(at).toBeGreaterThan(0);
    expect([...bytes.subarray(at - 8, at)]).toEqual([0x1b, 0x74, 0x00, 0x1c, 0x26, 0x1b, 0x52, 0x0d]);
    expect(bytes.includes(Buffer.from('신라면', 'utf8'))).toBe(false);
  });

  it('prints the receipt number as a CODE128 barcode (GS k 73)', () => {
    expect(bytes.indexOf(Buffer.from([0x1d, 0x6b, 73]))).toBeGreaterThan(0);
  });

  it('renders the same receipt as SVG for the preview', () => {
    const svg = toSvg(SAMPLE_KOREAN_RECEIPT);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>신<');
    expect(svg).toContain('>면<');
  });
});
