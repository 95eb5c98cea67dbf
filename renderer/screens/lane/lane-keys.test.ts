import { describe, expect, it } from 'vitest';
import { laneCommandFor, moveSelection } from './lane-keys.ts';

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
