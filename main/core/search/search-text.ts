/**
 * How a product name becomes searchable text, and a query a search: one normalisation for both,
 * so a query typed with an IME (NFD jamo, full-width Latin, capitals) finds what the catalog says.
 */
import { chosungOf, isInitialConsonant } from './hangul.ts';

/**
 * Composed Hangul (NFC), full-width ASCII folded to ASCII, lower case, single spaces.
 * Not NFKC: it would turn the compatibility jamo a keyboard types (ㅅ) into conjoining jamo (ᄉ).
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export type SearchQuery =
  /** Only initial consonants (ㅅㄹㅁ): matched against the names' initials. */
  | { readonly kind: 'initials'; readonly text: string; readonly length: number }
  /** Anything else: a substring of the Korean or the English name. */
  | { readonly kind: 'substring'; readonly text: string; readonly length: number }
  | { readonly kind: 'empty' };

/** Classifies what the cashier typed. `length` counts characters without spaces (a syllable is one). */
export function classifySearchQuery(raw: string): SearchQuery {
  const text = normalizeSearchText(raw);
  const letters = [...text.replace(/ /g, '')];
  if (letters.length === 0) return { kind: 'empty' };
  const kind = letters.every(isInitialConsonant) ? 'initials' : 'substring';
  return { kind, text, length: letters.length };
}

/**
 * The texts a product is found by: its normalised Korean and English names, and the Korean name's
 * initials without spaces (cashiers type ㅅㄹㅁ, not the name's word breaks).
 */
export function searchableTexts(nameKo: string, nameEn: string): { ko: string; en: string; initials: string } {
  const ko = normalizeSearchText(nameKo);
  return { ko, en: normalizeSearchText(nameEn), initials: chosungOf(ko).replace(/ /g, '') };
}

/**
 * The short tokens for queries too short for a trigram index: every two-character run inside
 * a word of the Korean name and of its initials, one-character words whole, and the English name
 * (its words found by prefix). SQLite's unicode61 tokenizer splits them at spaces and punctuation.
 */
export function shortSearchTokens(texts: { ko: string; en: string; initials: string }): string {
  const tokens: string[] = [];
  for (const source of [texts.ko, texts.initials]) {
    for (const word of source.split(' ')) {
      // Code points, not UTF-16 units, so a character outside the BMP is never cut in half.
      const chars = /[\uD800-\uDFFF]/.test(word) ? Array.from(word) : word;
      if (chars.length === 1) tokens.push(word);
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(`${chars[i]}${chars[i + 1]}`);
    }
  }
  tokens.push(texts.en);
  // Repeats cost index space and find nothing more.
  return [...new Set(tokens)].join(' ');
}
