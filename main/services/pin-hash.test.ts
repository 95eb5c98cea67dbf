import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin-hash.ts';

describe('staff PIN hashing', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const { salt, hash } = hashPin('1234');
    expect(hash).not.toContain('1234');
    await expect(verifyPin('1234', salt, hash)).resolves.toBe(true);
    await expect(verifyPin('4321', salt, hash)).resolves.toBe(false);
  });

  it('salts every hash, so two staff with the same PIN do not share a hash', () => {
    expect(hashPin('1234').hash).not.toBe(hashPin('1234').hash);
  });
});
