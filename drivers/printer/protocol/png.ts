import zlib from 'node:zlib';

/** A minimal PNG writer (RGBA, or 1-bit for rasters): zlib's deflate and CRC-32, nothing else needed. */

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function png(width: number, height: number, bitDepth: number, colorType: number, rows: readonly Uint8Array[]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colorType;
  // Filter type 0 (none) before every row.
  const raw = Buffer.concat(rows.flatMap((row) => [Uint8Array.of(0), row]));
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/** RGBA pixels (4 bytes each, rows top to bottom) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes for ${width}x${height} RGBA`);
  return png(width, height, 8, 6, Array.from({ length: height }, (_, y) => rgba.subarray(y * width * 4, (y + 1) * width * 4)));
}

/** A 1-bit printer raster (MSB first, 1 = a black dot) as a black-on-white PNG. */
export function encodeRasterPng(widthBytes: number, height: number, bits: Uint8Array): Buffer {
  if (bits.length < widthBytes * height) throw new Error(`encodeRasterPng: ${bits.length} bytes for ${widthBytes}x${height}`);
  // PNG grayscale: 1 is white, so the printer's bits are inverted.
  return png(widthBytes * 8, height, 1, 0, Array.from({ length: height }, (_, y) => bits.subarray(y * widthBytes, (y + 1) * widthBytes).map((b) => ~b & 0xff)));
}
