import { describe, expect, it } from 'vitest';
import { classifySearchQuery, normalizeSearchText, searchableTexts, shortSearchTokens } from './search-text.ts';

describe('search text', () => {
  it('normalises full-width letters, capitals and runs of spaces', () => {
    expect(normalizeSearchText('  ＣＨＥＥＳＥ   라면 ')).toBe('cheese 라면');
  });

  it('keeps typed initial consonants as the compatibility jamo the index holds', () => {
    expect(normalizeSearchText('ㅅㄹㅁ')).toBe('ㅅㄹㅁ');
  });

  it('classifies a query of initial consonants only as an initials search', () => {
    expect(classifySearchQuery('ㅅㄹㅁ')).toEqual({ kind: 'initials', text: 'ㅅㄹㅁ', length: 3 });
    expect(classifySearchQuery('ㅅㄹ ㅁ')).toEqual({ kind: 'initials', text: 'ㅅㄹ ㅁ', length: 3 });
  });

  it('classifies syllables, mixed text and English as a substring search, counting characters without spaces', () => {
    expect(classifySearchQuery('라면')).toEqual({ kind: 'substring', text: '라면', length: 2 });
    expect(classifySearchQuery('신ㄹ')).toEqual({ kind: 'substring', text: '신ㄹ', length: 2 });
    expect(classifySearchQuery('Cup Ramen')).toEqual({ kind: 'substring', text: 'cup ramen', length: 8 });
  });

  it('treats a blank query as empty', () => {
    expect(classifySearchQuery('   ')).toEqual({ kind: 'empty' });
  });

  it('finds a product by its names and by its initials written without spaces', () => {
    expect(searchableTexts('농심 신라면 5입', 'Nongshim Shin Ramyun')).toEqual({
      ko: '농심 신라면 5입',
      en: 'nongshim shin ramyun',
      initials: 'ㄴㅅㅅㄹㅁ5ㅇ',
    });
  });

  it('makes two-character tokens inside words, keeps one-syllable words, and passes the English name on', () => {
    const tokens = shortSearchTokens(searchableTexts('신라면 묵', 'Shin Ramyun')).split(' ');
    expect(tokens).toEqual(expect.arrayContaining(['신라', '라면', '묵', 'ㅅㄹ', 'ㄹㅁ', 'ㅁㅁ', 'shin', 'ramyun']));
    // No token spans the space between two Korean words.
    expect(tokens).not.toContain('면묵');
  });

  it('writes each token once', () => {
    const tokens = shortSearchTokens(searchableTexts('라면라면', '')).split(' ').filter(Boolean);
    expect(tokens.filter((t) => t === '라면')).toHaveLength(1);
  });
});
