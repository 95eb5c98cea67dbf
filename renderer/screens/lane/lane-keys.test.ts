import { describe, expect, it } from 'vitest';
import { laneCommandFor, laneKeys, moveSelection, saleToolCommandFor, saleToolKeys } from './lane-keys.ts';

describe('lane keys', () => {
  it('maps function keys to commands, anywhere', () => {
    expect(laneCommandFor('F2', false)).toBe('cash');
    expect(laneCommandFor('F3', true)).toBe('card');
    expect(laneCommandFor('a', false)).toBeUndefined();
  });

  it('leaves arrow keys to text fields', () => {
    expect(laneCommandFor('ArrowUp', true)).toBeUndefined();
    expect(laneCommandFor('ArrowUp', false)).toBe('previousLine');
  });

  it('moves the selection among live lines, starting from the last', () => {
    const ids = ['a', 'b', 'c'];
    expect(moveSelection(ids, null, -1)).toBe('c');
    expect(moveSelection(ids, 'c', -1)).toBe('b');
    expect(moveSelection(ids, 'a', -1)).toBe('a');
    expect(moveSelection(ids, 'c', 1)).toBe('c');
    expect(moveSelection([], null, 1)).toBeNull();
  });
});

describe('sale tool keys', () => {
  const chord = (key: string, code: string, mods: { alt?: boolean; ctrl?: boolean; shift?: boolean } = {}) => ({
    key,
    code,
    altKey: mods.alt ?? false,
    ctrlKey: mods.ctrl ?? false,
    metaKey: false,
    shiftKey: mods.shift ?? false,
  });

  it('opens the discount dialog on F10', () => {
    expect(saleToolCommandFor(chord('F10', 'F10'))).toBe('discount');
  });

  it('reads Alt+letter by the physical key, so Hangul mode works too', () => {
    expect(saleToolCommandFor(chord('p', 'KeyP', { alt: true }))).toBe('priceOverride');
    expect(saleToolCommandFor(chord('ㅔ', 'KeyP', { alt: true }))).toBe('priceOverride');
    expect(saleToolCommandFor(chord('s', 'KeyS', { alt: true }))).toBe('suspend');
    expect(saleToolCommandFor(chord('r', 'KeyR', { alt: true }))).toBe('resumeList');
    expect(saleToolCommandFor(chord('x', 'KeyX', { alt: true }))).toBe('cancelSale');
  });

  it('ignores the letters without Alt, other modifiers, and keys the lane or the browser own', () => {
    expect(saleToolCommandFor(chord('p', 'KeyP'))).toBeUndefined();
    expect(saleToolCommandFor(chord('p', 'KeyP', { alt: true, ctrl: true }))).toBeUndefined();
    expect(saleToolCommandFor(chord('F10', 'F10', { shift: true }))).toBeUndefined();
    expect(saleToolCommandFor(chord('f', 'KeyF', { alt: true }))).toBeUndefined();
    expect(saleToolCommandFor(chord('F2', 'F2'))).toBeUndefined();
  });

  it('never shares a key with the lane', () => {
    const lane = new Set<string>(Object.values(laneKeys));
    for (const key of Object.values(saleToolKeys)) expect(lane.has(key)).toBe(false);
  });
});
