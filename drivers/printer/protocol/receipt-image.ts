import { existsSync } from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { PrintDocument } from '../types.ts';
import { toSvg } from './escpos-encoder.ts';
import { encodePng } from './png.ts';

/**
 * The receipt as an image: the SVG receiptline draws (the same layout as the ESC/POS bytes) rendered
 * by resvg. Used for the on-screen preview, digital receipts, the lab's decoded view, and printers
 * that take only bitmaps (raster mode: Korean prints even without a Korean font in the printer).
 */

export const RECEIPT_IMAGE_MESSAGES = {
  noFont: (paths: readonly string[]) => `no Korean font for receipt images: install fonts-noto-cjk (looked for ${paths.join(', ')}) or set TILL_RECEIPT_FONT`,
} as const;

/** Debian's fonts-noto-cjk; TILL_RECEIPT_FONT names another font file (a Korean monospace face). */
const FONT_FILES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc'];
const FONT_FAMILY = 'Noto Sans Mono CJK KR';

function fontOptions(): NonNullable<ResvgRenderOptions['font']> {
  const custom = process.env['TILL_RECEIPT_FONT'];
  const file = custom ?? FONT_FILES.find((f) => existsSync(f));
  if (!file) throw new Error(RECEIPT_IMAGE_MESSAGES.noFont(FONT_FILES));
  return { loadSystemFonts: false, fontFiles: [file], ...(custom ? {} : { defaultFontFamily: FONT_FAMILY, monospaceFamily: FONT_FAMILY }) };
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? whole),
  );
const escapeXml = (s: string): string => s.replace(/[&<>"]/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as const)[c as '&']};`);

/**
 * Glyph outlines by character, made once per process. resvg reads the whole font file again for every
 * glyph it lays out (about 20 MB for Noto CJK: a receipt took 3 s); drawing cached outlines takes
 * milliseconds. Outlines are for receiptline's text style: 22 px, anchored at the middle of the cell,
 * baseline at the bottom edge.
 */
const glyphs = new Map<string, { d: string; x: number }>();
const SPACING = 64;

function learnGlyphs(chars: readonly string[]): void {
  const todo = [...new Set(chars)].filter((c) => !glyphs.has(c) && c.trim() !== '' && c !== '\u00a0');
  if (todo.length === 0) return;
  const spans = todo.map((c, k) => `<tspan x="${SPACING * (k + 1)}">${escapeXml(c)}</tspan>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SPACING * (todo.length + 2)}" height="64"><g font-family="monospace" fill="#000" font-size="22" dominant-baseline="text-after-edge" text-anchor="middle"><text>${spans}</text></g></svg>`;
  const flat = new Resvg(svg, { font: fontOptions() }).toString();
  const paths = [...flat.matchAll(/<path [^>]*\bd="([^"]*)"/g)].map((m) => m[1] ?? '');
  if (paths.length === todo.length) {
    todo.forEach((c, k) => glyphs.set(c, { d: paths[k] ?? '', x: SPACING * (k + 1) }));
    return;
  }
  // A character that draws nothing (a control, a space-like one) shifts the others: learn one at a time.
  if (todo.length > 1) for (const c of todo) learnGlyphs([c]);
  else glyphs.set(todo[0] ?? '', { d: paths[0] ?? '', x: SPACING });
}

const TEXT = /<text([^>]*)>((?:<tspan[^>]*>[^<]*<\/tspan>)*)<\/text>/g;
const TSPAN = /<tspan x="([-\d.]+)"[^>]*>([^<]*)<\/tspan>/g;

/** Replaces receiptline's text (one tspan per character) by cached glyph outlines, so no font is read while drawing. */
export function outlineText(svg: string): string {
  const chars: string[] = [];
  for (const text of svg.matchAll(TEXT)) for (const span of (text[2] ?? '').matchAll(TSPAN)) chars.push(decodeEntities(span[2] ?? ''));
  learnGlyphs(chars);
  return svg.replace(TEXT, (_whole, attrs: string, spans: string) => {
    const y = /\by="([-\d.]+)"/.exec(attrs)?.[1];
    const kept = attrs.replace(/\s(y|x|lang|text-decoration)="[^"]*"/g, '');
    const paths = [...spans.matchAll(TSPAN)]
      .map(([, x = '0', raw = '']) => {
        const glyph = glyphs.get(decodeEntities(raw));
        return glyph && glyph.d !== '' ? `<path transform="translate(${Number(x) - glyph.x},0)" d="${glyph.d}"/>` : '';
      })
      .join('');
    const inner = y === undefined ? paths : `<g transform="translate(0,${y})">${paths}</g>`;
    return `<g${kept}>${inner}</g>`;
  });
}

export interface ReceiptBitmap {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, on white. */
  rgba: Uint8Array;
}

/** Draws an SVG (receiptline's, or one made the same way) on white, text from cached outlines. */
export function renderSvg(svg: string): ReceiptBitmap {
  const image = new Resvg(outlineText(svg), { font: { loadSystemFonts: false }, background: '#ffffff', shapeRendering: 1 }).render();
  return { width: image.width, height: image.height, rgba: Uint8Array.from(image.pixels) };
}

/** The receipt drawn as it prints: 42 columns of 12 dots, 504 dots wide. */
export function renderReceipt(doc: PrintDocument): ReceiptBitmap {
  return renderSvg(toSvg(doc));
}

/** The receipt as a PNG, for the on-screen preview and digital receipts. */
export function receiptPng(doc: PrintDocument): Buffer {
  const { width, height, rgba } = renderReceipt(doc);
  return encodePng(width, height, rgba);
}
