import { describe, expect, it } from 'vitest';
import { barcodeFrame, ean13Modules, frameRgba } from '../support/barcode-video.ts';
import { decodeLuminance, newFrameReader, toLuminance } from '../../renderer/camera/decode-frame.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';

describe('the kiosk camera decoder on real barcode pixels', () => {
  it('reads EAN-13 symbols drawn module by module, and nothing from an empty view', () => {
    const reader = newFrameReader();
    for (const p of [DEMO_PRODUCTS.ramen, DEMO_PRODUCTS.water, DEMO_PRODUCTS.banana]) {
      const frame = barcodeFrame(p.barcode, 320, 240);
      expect(decodeLuminance(reader, toLuminance(frameRgba(frame), 320, 240), 320, 240)).toBe(p.barcode);
    }
    const empty = barcodeFrame(null, 320, 240);
    expect(decodeLuminance(reader, toLuminance(frameRgba(empty), 320, 240), 320, 240)).toBeNull();
  });

  it('draws the 95 modules of an EAN-13 with its guard bars, and refuses a code that is not 13 digits', () => {
    const m = ean13Modules('8801234567893');
    expect(m).toHaveLength(95);
    expect(m.slice(0, 3)).toEqual([true, false, true]);
    expect(m.slice(45, 50)).toEqual([false, true, false, true, false]);
    expect(() => ean13Modules('123')).toThrow(/13 digits/);
  });
});
