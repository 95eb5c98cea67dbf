/**
 * Hangul arithmetic for product search. A precomposed syllable (U+AC00..U+D7A3) is
 * 0xAC00 + (initial * 21 + medial) * 28 + final, so its initial consonant (초성) is a division away.
 */
const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const PER_INITIAL = 21 * 28;

/** The 19 initial consonants as Hangul compatibility jamo, the letters a keyboard types. */
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';

export function isHangulSyllable(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST;
}

/** True for a consonant a cashier can type as an initial: ㄱ..ㅎ, doubled ones included. */
export function isInitialConsonant(ch: string): boolean {
  return ch.length === 1 && INITIALS.includes(ch);
}

/** The initial consonant of a syllable; any other character comes back as it is. */
export function initialOf(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  if (c < SYLLABLE_FIRST || c > SYLLABLE_LAST) return ch;
  return INITIALS[Math.floor((c - SYLLABLE_FIRST) / PER_INITIAL)] ?? ch;
}

/** 신라면 -> ㅅㄹㅁ; characters that are not syllables (digits, Latin, spaces) are kept. */
export function chosungOf(text: string): string {
  const nfc = text.normalize('NFC');
  let out = '';
  // Syllables are all in the BMP, so walking UTF-16 units leaves other characters (surrogate pairs too) intact.
  for (let i = 0; i < nfc.length; i++) {
    const c = nfc.charCodeAt(i);
    out += c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST ? (INITIALS[Math.floor((c - SYLLABLE_FIRST) / PER_INITIAL)] as string) : nfc[i];
  }
  return out;
}
