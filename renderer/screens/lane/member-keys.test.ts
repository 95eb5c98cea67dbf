import { describe, expect, it } from 'vitest';
import { memberCommandFor, type KeyChord } from './lane-keys.ts';

const chord = (code: string, over: Partial<KeyChord> = {}): KeyChord => ({ key: 'x', code, altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, ...over });

describe('the member keys', () => {
  it('reads Alt+M and Alt+U from the physical key, so they work in Hangul mode too', () => {
    expect(memberCommandFor(chord('KeyM', { key: 'ㅡ' }))).toBe('member');
    expect(memberCommandFor(chord('KeyU', { key: 'ㅕ' }))).toBe('points');
  });

  it('ignores the letters without Alt, with other modifiers, and other Alt keys', () => {
    expect(memberCommandFor(chord('KeyM', { altKey: false }))).toBeUndefined();
    expect(memberCommandFor(chord('KeyM', { ctrlKey: true }))).toBeUndefined();
    expect(memberCommandFor(chord('KeyS'))).toBeUndefined();
    expect(memberCommandFor(chord('Digit1'))).toBeUndefined();
  });
});
