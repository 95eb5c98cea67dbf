import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, NotFoundException, RGBLuminanceSource } from '@zxing/library';

/** What a kiosk camera reads: retail barcodes on items, and QR codes (orders, members) on phones. */
const FORMATS = [BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E, BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE];

export function newFrameReader(): MultiFormatReader {
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, FORMATS],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  reader.setHints(hints);
  return reader;
}

/** Grey levels (one byte per pixel) from RGBA pixels, as zxing's luminance source wants them. */
export function toLuminance(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    // Integer BT.601 weights: green counts most, as the eye (and a printed barcode's contrast) does.
    out[i] = ((rgba[p] ?? 0) * 77 + (rgba[p + 1] ?? 0) * 150 + (rgba[p + 2] ?? 0) * 29) >> 8;
  }
  return out;
}

/** The barcode in one camera frame (grey levels), or null when there is none to read. */
export function decodeLuminance(reader: MultiFormatReader, luminance: Uint8ClampedArray, width: number, height: number): string | null {
  try {
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
    return reader.decodeWithState(bitmap).getText();
  } catch (e) {
    // No barcode in this frame is the usual case, not an error; checksum and format misses are too.
    if (e instanceof NotFoundException || (e instanceof Error && /Checksum|Format|NotFound/i.test(e.name + e.message))) return null;
    throw e;
  } finally {
    reader.reset();
  }
}
