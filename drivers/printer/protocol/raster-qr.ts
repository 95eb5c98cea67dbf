import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';

/** White border added around a raster so the QR finder patterns have their quiet zone. */
const QUIET = 16;

/**
 * Reads a QR code out of a 1-bit ESC/POS raster (MSB first, 1 = black dot), the way a customer's phone
 * would read it off the paper. Returns undefined when the image is not a readable QR code (a logo).
 */
export function readRasterQr(raster: Uint8Array, widthBytes: number, height: number): string | undefined {
  const width = widthBytes * 8;
  const w = width + 2 * QUIET;
  const h = height + 2 * QUIET;
  const luminance = new Uint8ClampedArray(w * h).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const byte = raster[y * widthBytes + (x >> 3)] ?? 0;
      if (byte & (0x80 >> (x & 7))) luminance[(y + QUIET) * w + x + QUIET] = 0;
    }
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, w, h)));
  const reader = new QRCodeReader();
  for (const hints of [new Map([[DecodeHintType.PURE_BARCODE, true]]), new Map([[DecodeHintType.TRY_HARDER, true]])]) {
    try {
      return reader.decode(bitmap, hints).getText();
    } catch {
      reader.reset();
    }
  }
  return undefined;
}
