import type { DecodedRaster, DecodedReceipt } from '../protocol/escpos-decoder.ts';
import { encodePng, encodeRasterPng } from '../protocol/png.ts';
import { displayWidth } from '../protocol/receipt-markup.ts';
import { renderSvg } from '../protocol/receipt-image.ts';

/** Dots per text column and per line, as the printer lays Font A out (12 x 24). */
const COLUMN = 12;
const LINE = 24;
const WIDTH = 504;

const escapeXml = (s: string): string => s.replace(/[&<>"]/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as const)[c as '&']};`);

/** Rasters one under the other, as the paper came out of a printer that was sent only bitmaps. */
function stack(rasters: readonly DecodedRaster[]): DecodedRaster {
  const widthBytes = Math.max(...rasters.map((r) => r.widthBytes));
  const height = rasters.reduce((h, r) => h + r.height, 0);
  const data = new Uint8Array(widthBytes * height);
  let row = 0;
  for (const r of rasters) {
    for (let y = 0; y < r.height; y++) data.set(r.data.subarray(y * r.widthBytes, (y + 1) * r.widthBytes), (row + y) * widthBytes);
    row += r.height;
  }
  return { widthBytes, height, data };
}

/**
 * What the lab printer printed, as a picture: a receipt sent as raster bit images is those images
 * stacked, dot for dot (its size is the image's); a text receipt is its decoded lines drawn in the
 * printer's columns, under the images it carried (a logo).
 */
export function decodedReceiptImage(receipt: DecodedReceipt): { width: number; height: number; png: Buffer } {
  const textless = receipt.lines.every((l) => l.trim() === '');
  if (textless && receipt.rasters.length > 0) {
    const all = stack(receipt.rasters);
    return { width: all.widthBytes * 8, height: all.height, png: encodeRasterPng(all.widthBytes, all.height, all.data) };
  }
  let top = 0;
  const images = receipt.rasters.map((r) => {
    const href = `data:image/png;base64,${encodeRasterPng(r.widthBytes, r.height, r.data).toString('base64')}`;
    const at = top;
    top += r.height;
    return `<image x="${Math.max(0, (WIDTH - r.widthBytes * 8) / 2)}" y="${at}" width="${r.widthBytes * 8}" height="${r.height}" href="${href}"/>`;
  });
  const lines = receipt.lines.map((line, k) => {
    let column = 0;
    const spans = [...line].map((c) => {
      const w = c === ' ' ? 1 : displayWidth(c);
      const span = c === ' ' ? '' : `<tspan x="${(column + w / 2) * COLUMN}">${escapeXml(c)}</tspan>`;
      column += w;
      return span;
    });
    return `<g transform="translate(0,${top + (k + 1) * LINE})"><text>${spans.join('')}</text></g>`;
  });
  const height = Math.max(1, top + receipt.lines.length * LINE + LINE / 2);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">${images.join('')}<g font-family="monospace" fill="#000" font-size="22" dominant-baseline="text-after-edge" text-anchor="middle">${lines.join('')}</g></svg>`;
  const bitmap = renderSvg(svg);
  return { width: bitmap.width, height: bitmap.height, png: encodePng(bitmap.width, bitmap.height, bitmap.rgba) };
}
