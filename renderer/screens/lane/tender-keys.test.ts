import { describe, expect, it } from 'vitest';
import { memberKeys, saleToolKeys, tenderCommandFor, tenderKeys, type KeyChord } from './lane-keys.ts';

const chord = (code: string, over: Partial<KeyChord> = {}): KeyChord => ({ key: 'x', code, altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, ...over });

describe('the tender keys', () => {
  it('read Alt+G and Alt+B from the physical key, so they work in Hangul mode too', () => {
    expect(tenderCommandFor(chord('KeyG', { key: 'ㅎ' }))).toBe('giftCard');
    expect(tenderCommandFor(chord('KeyB', { key: 'ㅠ' }))).toBe('mobile');
  });

  it('ignore the letters without Alt or with other modifiers, and share no key with the sale tools or the member keys', () => {
    expect(tenderCommandFor(chord('KeyG', { altKey: false }))).toBeUndefined();
    expect(tenderCommandFor(chord('KeyB', { shiftKey: true }))).toBeUndefined();
    expect(tenderCommandFor(chord('KeyM'))).toBeUndefined();
    const taken = new Set<string>([...Object.values(saleToolKeys), ...Object.values(memberKeys)]);
    for (const key of Object.values(tenderKeys)) expect(taken.has(key)).toBe(false);
  });
});
