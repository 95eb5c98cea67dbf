import { describe, expect, it } from 'vitest';
import { CameraScanDedupe } from './scan-dedupe.ts';

describe('camera scan dedupe', () => {
  it('rings an item held in view once, a different item at once, and the same item again after it left the view', () => {
    const d = new CameraScanDedupe(1000);
    // Ten frames of the same barcode, 100 ms apart: one scan.
    const held = Array.from({ length: 10 }, (_, i) => d.sighted('8801', i * 100));
    expect(held.filter(Boolean)).toHaveLength(1);
    expect(d.sighted('8802', 1000)).toBe(true);
    expect(d.sighted('8802', 1500)).toBe(false);
    // Out of sight for longer than the gap, then shown again: a second scan of the same item.
    expect(d.sighted('8802', 2600)).toBe(true);
    d.reset();
    expect(d.sighted('8802', 2700)).toBe(true);
  });
});
