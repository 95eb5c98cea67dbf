import type { PrintDocument } from '../types.ts';
import { renderReceipt, type ReceiptBitmap } from './receipt-image.ts';

/** A 1-bit image as ESC/POS takes it: rows of `widthBytes` bytes, most significant bit leftmost, 1 = a black dot. */
export interface Raster {
  widthBytes: number;
  height: number;
  data: Uint8Array;
}

/** Rows per GS v 0 command: printers buffer a band at a time, and many refuse one taller than their buffer. */
export const RASTER_BAND_ROWS = 256;

/** Thresholds an RGBA bitmap: a pixel darker than `threshold` (0-255 luminance, on white) is a dot. Width padded to whole bytes. */
export function toRaster(bitmap: ReceiptBitmap, threshold = 160): Raster {
  const widthBytes = Math.ceil(bitmap.width / 8);
  const data = new Uint8Array(widthBytes * bitmap.height);
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      const p = (y * bitmap.width + x) * 4;
      const [r = 255, g = 255, b = 255, a = 255] = bitmap.rgba.subarray(p, p + 4);
      // Over white: a transparent pixel is paper.
      const luminance = 255 - (a / 255) * (255 - (r * 299 + g * 587 + b * 114) / 1000);
      if (luminance < threshold) data[y * widthBytes + (x >> 3)] = (data[y * widthBytes + (x >> 3)] ?? 0) | (0x80 >> (x & 7));
    }
  }
  return { widthBytes, height: bitmap.height, data };
}

/** GS v 0 m xL xH yL yH d1...dk (m = 0, normal density): one raster bit image, printed at once. */
export function encodeRasterImage(raster: Raster): Uint8Array {
  const { widthBytes, height, data } = raster;
  if (widthBytes < 1 || widthBytes > 0xffff || height < 1 || height > 0xffff) throw new Error(`a raster of ${widthBytes} bytes x ${height} rows cannot be sent`);
  if (data.length !== widthBytes * height) throw new Error(`raster data is ${data.length} bytes, ${widthBytes}x${height} needs ${widthBytes * height}`);
  const out = new Uint8Array(8 + data.length);
  out.set([0x1d, 0x76, 0x30, 0x00, widthBytes & 0xff, widthBytes >> 8, height & 0xff, height >> 8]);
  out.set(data, 8);
  return out;
}

/** The raster cut into bands of at most `rows` rows, each its own GS v 0. */
export function rasterBands(raster: Raster, rows = RASTER_BAND_ROWS): Uint8Array[] {
  const bands: Uint8Array[] = [];
  for (let top = 0; top < raster.height; top += rows) {
    const height = Math.min(rows, raster.height - top);
    bands.push(encodeRasterImage({ widthBytes: raster.widthBytes, height, data: raster.data.subarray(top * raster.widthBytes, (top + height) * raster.widthBytes) }));
  }
  return bands;
}

const INIT = Uint8Array.of(0x1b, 0x40);
/** ESC d 3: feed past the tear bar; GS V 66 0: feed and partial cut; GS r 1: the paper status, which ends the job. */
const FINISH = Uint8Array.of(0x1b, 0x64, 0x03, 0x1d, 0x56, 0x42, 0x00, 0x1d, 0x72, 0x31);

/**
 * The whole receipt as raster bit images, for printers with no Korean font or no text mode worth
 * the name: the same drawing as the preview, cut and ended like receiptline's jobs (GS r 1 last), so
 * the printer drivers wait for its completion the same way.
 */
export function encodeRasterReceipt(doc: PrintDocument): Buffer {
  const raster = toRaster(renderReceipt(doc));
  return Buffer.concat([INIT, ...rasterBands(raster), FINISH]);
}
