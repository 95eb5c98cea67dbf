import { afterEach, describe, expect, it } from 'vitest';
import { startLab } from '../../lab/lab.ts';
import { encodeRasterPng } from '../protocol/png.ts';
import { renderReceipt } from '../protocol/receipt-image.ts';
import { SAMPLE_KOREAN_RECEIPT } from '../protocol/sample-receipt.ts';
import { EscPosTcpPrinter } from '../transports/tcp-printer.ts';
import { LabPrinter } from './lab-printer.ts';
import { decodedReceiptImage } from './lab-receipt-image.ts';

/** Width and height from a PNG's IHDR. */
const pngSize = (png: Uint8Array): { width: number; height: number } => {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

/** A 64 x 32 logo: a black frame one dot wide around white. */
const LOGO = (() => {
  const widthBytes = 8;
  const bits = new Uint8Array(widthBytes * 32);
  for (let y = 0; y < 32; y++) for (let x = 0; x < 64; x++) if (y === 0 || y === 31 || x === 0 || x === 63) bits[y * widthBytes + (x >> 3)] = (bits[y * widthBytes + (x >> 3)] ?? 0) | (0x80 >> (x & 7));
  return encodeRasterPng(widthBytes, 32, bits);
})();

describe('the lab printer\'s picture of what it printed', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function printWith(options: { raster?: boolean; logo?: Uint8Array }) {
    const lab = await LabPrinter.start();
    cleanups.push(() => lab.close());
    const printer = new EscPosTcpPrinter({ host: '127.0.0.1', port: lab.port, ...options });
    cleanups.push(() => printer.close());
    await printer.open();
    expect(await printer.print(SAMPLE_KOREAN_RECEIPT)).toEqual({ ok: true });
    const [receipt] = lab.receipts();
    if (!receipt) throw new Error('nothing printed');
    return receipt;
  }

  it('decodes a receipt sent as raster images (a printer in raster mode) into one image the size of the drawing sent', async () => {
    const receipt = await printWith({ raster: true });
    // Nothing came as text: the Korean is in the pictures.
    expect(receipt.lines.join('')).toBe('');
    expect(receipt.rasters.length).toBeGreaterThan(1);
    const sent = renderReceipt(SAMPLE_KOREAN_RECEIPT);
    const image = decodedReceiptImage(receipt);
    expect({ width: image.width, height: image.height }).toEqual({ width: sent.width, height: sent.height });
    expect(pngSize(image.png)).toEqual({ width: 504, height: sent.height });
  });

  it('prints the store\'s logo as a raster image at the top of a text receipt, and draws it above the decoded lines', async () => {
    const receipt = await printWith({ logo: LOGO });
    expect(receipt.rasters.map((r) => [r.widthBytes * 8, r.height])).toEqual([[64, 32]]);
    expect(receipt.images).toBe(1);
    expect(receipt.lines.map((l) => l.trim())).toContain('옴니마트 강남점');
    expect(receipt.barcodes).toEqual(['0001-01-000042']);
    const image = decodedReceiptImage(receipt);
    expect(image.width).toBe(504);
    expect(image.height).toBeGreaterThan(32 + receipt.lines.length * 20);
  });

  it('prints the logo inside the picture in raster mode: the image grows by the logo\'s height', async () => {
    const plain = renderReceipt(SAMPLE_KOREAN_RECEIPT).height;
    const receipt = await printWith({ raster: true, logo: LOGO });
    expect(decodedReceiptImage(receipt).height).toBeGreaterThanOrEqual(plain + 32);
  });

  it('serves the last receipt as a PNG on the control page, and says when there is none', async () => {
    const lab = await startLab({});
    cleanups.push(() => lab.close());
    const none = await fetch(new URL('/printer/receipts/last.png', lab.control.url));
    expect(none.status).toBe(404);
    const printer = new EscPosTcpPrinter({ host: '127.0.0.1', port: lab.printer.port, raster: true });
    cleanups.push(() => printer.close());
    await printer.open();
    await printer.print(SAMPLE_KOREAN_RECEIPT);
    const res = await fetch(new URL('/printer/receipts/last.png', lab.control.url));
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 504, height: renderReceipt(SAMPLE_KOREAN_RECEIPT).height });
    const page = await (await fetch(lab.control.url)).text();
    expect(page).toContain('<img src="/printer/receipts/0.png" alt="receipt 1 as printed"');
  });
});
