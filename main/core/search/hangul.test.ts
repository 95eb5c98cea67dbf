import { describe, expect, it } from 'vitest';
import { chosungOf, initialOf, isHangulSyllable, isInitialConsonant } from './hangul.ts';

describe('hangul', () => {
  it('takes the initial consonant (초성) of each syllable', () => {
    expect(chosungOf('신라면')).toBe('ㅅㄹㅁ');
    expect(chosungOf('까르보 불닭')).toBe('ㄲㄹㅂ ㅂㄷ');
  });

  it('covers the first and last syllables of the Hangul block', () => {
    expect(initialOf('가')).toBe('ㄱ');
    expect(initialOf('힣')).toBe('ㅎ');
  });

  it('keeps digits, Latin letters, spaces and characters outside the BMP as they are', () => {
    expect(chosungOf('햇반 210g x3 🍚')).toBe('ㅎㅂ 210g x3 🍚');
  });

  it('composes decomposed (NFD) syllables before taking their initials', () => {
    expect(chosungOf('신라면'.normalize('NFD'))).toBe('ㅅㄹㅁ');
  });

  it('tells syllables and typeable initial consonants apart', () => {
    expect(isHangulSyllable('라')).toBe(true);
    expect(isHangulSyllable('ㄹ')).toBe(false);
    expect(isInitialConsonant('ㄹ')).toBe(true);
    expect(isInitialConsonant('ㅆ')).toBe(true);
    // A vowel or a final-only cluster is never an initial.
    expect(isInitialConsonant('ㅏ')).toBe(false);
    expect(isInitialConsonant('ㄳ')).toBe(false);
    expect(isInitialConsonant('라')).toBe(false);
  });
});
