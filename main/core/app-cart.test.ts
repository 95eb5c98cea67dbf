import { describe, expect, it } from 'vitest';
import { appCartCodeOf, looksLikeAppCart } from './app-cart.ts';

describe('app cart QR codes', () => {
  it('reads the cart code, whatever the case the scanner sent', () => {
    expect(appCartCodeOf('OMNI-CART:0A1B2C3D4E5F')).toBe('0A1B2C3D4E5F');
    expect(appCartCodeOf(' omni-cart:0a1b2c3d4e5f\n')).toBe('0A1B2C3D4E5F');
  });

  it('tells a garbled cart from something that is not a cart at all', () => {
    expect(appCartCodeOf('OMNI-CART:XYZ')).toBeNull();
    expect(looksLikeAppCart('OMNI-CART:XYZ')).toBe(true);
    expect(looksLikeAppCart('8801234567893')).toBe(false);
    expect(appCartCodeOf('8801234567893')).toBeNull();
  });
});
