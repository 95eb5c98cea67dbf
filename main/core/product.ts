/** Text in several languages, keyed by BCP 47 language ('ko', 'en'). */
export type LocalizedText = Readonly<Record<string, string>>;

/** A product as the till sells it: what the catalog stream delivers. */
export interface Product {
  readonly id: string;
  /** GTIN (EAN-13/8, UPC-A) or in-store code, digits only. */
  readonly barcode: string;
  readonly name: LocalizedText;
  /** Shelf price in minor units of the store currency, tax included where the rules say so. */
  readonly price: number;
  readonly currency: string;
  readonly taxClass: string;
  readonly category: string;
}

export function nameIn(text: LocalizedText, language: string, fallback = 'ko'): string {
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
