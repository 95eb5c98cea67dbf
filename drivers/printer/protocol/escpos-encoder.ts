import receiptline from 'receiptline';
import type { PrintDocument } from '../types.ts';
import { toReceiptMarkup } from './receipt-markup.ts';

/** 80 mm paper, Font A: 42 columns on most Korean thermal printers (576 dots / 12 = 48 would be Font A on 80 mm at 203 dpi with no margin; 42 leaves the usual margin). */
export const RECEIPT_COLUMNS = 42;

/**
 * Encodes a receipt as ESC/POS bytes. Korean text goes out in KS C 5601 (EUC-KR) with the printer in
 * Korean (Kanji) mode; the paper is cut at the end.
 */
export function encodeEscPos(doc: PrintDocument): Buffer {
  const commands = receiptline.transform(toReceiptMarkup(doc), {
    cpl: RECEIPT_COLUMNS,
    encoding: 'ksc5601',
    command: 'escpos',
    cutting: true,
  });
  // receiptline returns a binary string: one char per byte.
  return Buffer.from(commands, 'latin1');
}

/** Renders the same receipt as SVG, for the on-screen preview and digital receipts. */
export function toSvg(doc: PrintDocument): string {
  return receiptline.transform(toReceiptMarkup(doc), { cpl: RECEIPT_COLUMNS, encoding: 'ksc5601', command: 'svg' });
}
