import type { SaleView } from '../../../main/api/contract.ts';

type Line = SaleView['lines'][number];

/** A line's name in the UI language, falling back to Korean, then to anything, then the barcode. */
export function lineName(line: Line, lang: string): string {
  return line.name[lang] ?? line.name.ko ?? Object.values(line.name)[0] ?? line.barcode;
}
