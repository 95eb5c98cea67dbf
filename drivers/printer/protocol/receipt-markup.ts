import type { PrintBlock, PrintDocument } from '../types.ts';

/** Escapes text for a ReceiptLine text column: every special character gets a backslash. */
export function escapeMarkupText(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').replace(/[\x00-\x1f\x7f]/g, '');
  const escaped = flat.replace(/[\\|{}~_"`^]/g, (c) => `\\${c}`);
  // A column made only of '-' or '=' would be a rule or a cut; spaces are kept by turning runs into '~'.
  return escaped.replace(/^([-=])/, '\\$1').replace(/ {2,}/g, (run) => '~'.repeat(run.length));
}

/** Escapes a property value (barcode or QR data). */
export function escapeMarkupProperty(value: string): string {
  return value.replace(/[\r\n]+/g, '').replace(/[\\|{};]/g, (c) => `\\${c}`);
}

/** Columns a text takes on a receipt printer: East Asian wide characters (Hangul, CJK) take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return Math.max(1, w);
}

function decorate(text: string, bold: boolean | undefined, size: 'normal' | 'wide' | 'large' | undefined): string {
  const sized = size === 'wide' ? `^${text}` : size === 'large' ? `^^^${text}` : text;
  return bold ? `"${sized}` : sized;
}

function blockMarkup(block: PrintBlock): string {
  switch (block.kind) {
    case 'text': {
      const body = decorate(escapeMarkupText(block.text), block.bold, block.size);
      if (body === '') return '';
      // ReceiptLine aligns a column towards its pipe: '|text' left, 'text|' right, bare text centred.
      return block.align === 'center' ? body : block.align === 'right' ? `${body}|` : `|${body}`;
    }
    case 'columns': {
      const left = decorate(escapeMarkupText(block.left), block.bold, 'normal');
      const right = decorate(escapeMarkupText(block.right), block.bold, 'normal');
      // Without widths ReceiptLine splits the line in equal halves and wraps a long left side;
      // give the right column exactly what it needs and the left one the rest.
      return `{width:*,${displayWidth(block.right)}}\n|${left} | ${right}|\n{width:auto}`;
    }
    case 'rule':
      return '-';
    case 'barcode':
      return `{code:${escapeMarkupProperty(block.data)};option:code128,2,72,hri}`;
    case 'qr':
      return `{code:${escapeMarkupProperty(block.data)};option:qrcode,4,m}`;
    case 'image':
      // Base64 has no markup characters but '/', '+' and '=', none of them special in a property.
      return `{image:${block.png.replace(/[^A-Za-z0-9+/=]/g, '')}}`;
    case 'feed':
      return Array.from({ length: Math.max(0, Math.floor(block.lines)) }, () => '').join('\n');
  }
}

/** Turns a PrintDocument into ReceiptLine markup (https://receiptline.github.io). */
export function toReceiptMarkup(doc: PrintDocument): string {
  return doc.blocks.map(blockMarkup).join('\n') + '\n';
}
