import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './escpos-decoder.ts';
import { encodeRasterImage, encodeRasterReceipt, rasterBands, toRaster } from './raster.ts';
import { SAMPLE_KOREAN_RECEIPT } from './sample-receipt.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** An RGBA bitmap from rows of '#' (black) and '.' (white). */
function bitmap(rows: string[]) {
  const width = rows[0]?.length ?? 0;
  const rgba = new Uint8Array(width * rows.length * 4);
  rows.forEach((row, y) => [...row].forEach((c, x) => rgba.set(c === '#' ? [0, 0, 0, 255] : [255, 255, 255, 255], (y * width + x) * 4)));
  return { width, height: rows.length, rgba };
}

describe('raster bit images (GS v 0)', () => {
  it('packs pixels eight to a byte, most significant bit leftmost, 1 for black, and pads the row to a whole byte', () => {
    const raster = toRaster(bitmap(['#.........', '.#.......#', '########..']));
    expect(raster.widthBytes).toBe(2);
    expect(raster.height).toBe(3);
    expect(hex(raster.data)).toBe('8000' + '4040' + 'ff00');
  });

  it('takes grey darker than the threshold as a dot, and transparent as paper', () => {
    const rgba = Uint8Array.of(100, 100, 100, 255, 200, 200, 200, 255, 0, 0, 0, 0, 0, 0, 0, 255);
    expect(hex(toRaster({ width: 4, height: 1, rgba }).data)).toBe('90');
  });

  it('writes the header GS v 0 m xL xH yL yH with the width in bytes and the height in rows, little-endian', () => {
    const data = new Uint8Array(300 * 2).fill(0xaa);
    const bytes = encodeRasterImage({ widthBytes: 300, height: 2, data });
    expect(hex(bytes.subarray(0, 8))).toBe('1d763000' + '2c01' + '0200');
    expect(bytes.length).toBe(8 + 600);
    expect(bytes[8]).toBe(0xaa);
  });

  it('refuses data that does not fill the image, and an image of no rows', () => {
    expect(() => encodeRasterImage({ widthBytes: 2, height: 2, data: new Uint8Array(3) })).toThrow('raster data is 3 bytes, 2x2 needs 4');
    expect(() => encodeRasterImage({ widthBytes: 2, height: 0, data: new Uint8Array(0) })).toThrow(/cannot be sent/);
  });

  it('cuts a tall image into bands of at most 256 rows, in order, losing no row', () => {
    const data = Uint8Array.from({ length: 600 }, (_, k) => k & 0xff);
    const bands = rasterBands({ widthBytes: 1, height: 600, data });
    expect(bands.map((b) => [b[6], b[7]])).toEqual([[0, 1], [0, 1], [88, 0]]);
    expect(Buffer.concat(bands.map((b) => b.subarray(8)))).toEqual(Buffer.from(data));
  });

  it('prints a whole Korean receipt as bands 504 dots (63 bytes) wide, cut, ending with GS r 1, that decode back to the same image height', () => {
    const bytes = encodeRasterReceipt(SAMPLE_KOREAN_RECEIPT);
    expect(hex(bytes.subarray(0, 2 + 4))).toBe('1b40' + '1d763000');
    expect(hex(bytes.subarray(6, 8))).toBe('3f00');
    expect(hex(bytes.subarray(-10))).toBe('1b6403' + '1d564200' + '1d7231');
    // No text and no Korean font needed in the printer: the receipt is only pictures.
    const { receipts } = decodeEscPos(bytes);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.lines.every((l) => l === '')).toBe(true);
    const rasters = receipts[0]?.rasters ?? [];
    expect(rasters.every((r) => r.widthBytes === 63)).toBe(true);
    expect(rasters.reduce((h, r) => h + r.height, 0)).toBe(458);
  });
});
