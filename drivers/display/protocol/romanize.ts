/**
 * Hangul to Latin letters by the Revised Romanization of Korean, syllable by syllable (no sound
 * change rules across syllables): what a pole display without a Korean font shows for a name that
 * has no English one. 신라면 -> sinramyeon, 소주 -> soju. Other characters pass through.
 */
const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MEDIALS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

export function romanize(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0) - 0xac00;
    if (code < 0 || code > 11171) {
      out += ch;
      continue;
    }
    out += (INITIALS[Math.floor(code / 588)] ?? '') + (MEDIALS[Math.floor((code % 588) / 28)] ?? '') + (FINALS[code % 28] ?? '');
  }
  return out;
}
