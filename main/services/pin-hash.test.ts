import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin-hash.ts';

describe('staff PIN hashing', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const { salt, hash } = hashPin('1234');
    expect(hash).not.toContain('1234');
    await expect(verifyPin('1234', salt, hash)).resolves.toBe(true);
    await expect(verifyPin('4321', salt, hash)).resolves.toBe(false);
  });

  it('matches the central server\'s hashing (the same test vector as fixtures/central)', async () => {
    const salt = '000102030405060708090a0b0c0d0e0f';
    const hash = '58dfbceef3ed18ee28d5fc04b6d96828d230b6a199aa7b1f91209634986ba4c8';
    expect(hashPin('1234', salt).hash).toBe(hash);
    await expect(verifyPin('1234', salt, hash)).resolves.toBe(true);
  });

  it('salts every hash, so two staff with the same PIN do not share a hash', () => {
    expect(hashPin('1234').hash).not.toBe(hashPin('1234').hash);
  });
});
