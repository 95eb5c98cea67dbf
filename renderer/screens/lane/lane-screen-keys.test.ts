import { describe, expect, it } from 'vitest';
import { laneKeys, memberKeys, returnKey, saleToolKeys } from './lane-keys.ts';
import { laneScreenCommandFor, laneScreenKeys, quickKeyNumber } from './lane-screen-keys.ts';

const chord = (code: string, mods: { alt?: boolean; ctrl?: boolean; shift?: boolean } = {}) => ({
  key: code.slice(3).toLowerCase(),
  code,
  altKey: mods.alt ?? true,
  ctrlKey: mods.ctrl ?? false,
  metaKey: false,
  shiftKey: mods.shift ?? false,
});

describe('the lane screen\'s tool keys', () => {
  it('opens quick keys on Alt+Q and toggles the receipt language on Alt+L, by the physical key', () => {
    expect(laneScreenCommandFor(chord('KeyQ'))).toBe('quickKeys');
    expect(laneScreenCommandFor({ ...chord('KeyL'), key: 'ㅣ' })).toBe('receiptLanguage');
    expect(laneScreenCommandFor(chord('KeyQ', { alt: false }))).toBeUndefined();
    expect(laneScreenCommandFor(chord('KeyQ', { ctrl: true }))).toBeUndefined();
    expect(laneScreenCommandFor(chord('KeyP'))).toBeUndefined();
  });

  it('shares no key with the lane, the sale tools, returns or members', () => {
    const taken = new Set<string>([...Object.values(laneKeys), ...Object.values(saleToolKeys), ...Object.values(memberKeys), returnKey]);
    for (const key of Object.values(laneScreenKeys)) expect(taken.has(key)).toBe(false);
  });

  it('reads the panel\'s number keys 1 to 9', () => {
    expect(quickKeyNumber('1')).toBe(1);
    expect(quickKeyNumber('9')).toBe(9);
    expect(quickKeyNumber('0')).toBeUndefined();
    expect(quickKeyNumber('*')).toBeUndefined();
  });
});
