import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Staff PINs are stored only as salted scrypt hashes, on the central server and on the till
 * (so a cashier can sign in offline). Parameters are part of the stored format: change them
 * only with a new format tag.
 */
const PARAMS = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

export function hashPin(pin: string, salt: string = randomBytes(16).toString('hex')): { salt: string; hash: string } {
  const hash = scryptSync(pin, Buffer.from(salt, 'hex'), PARAMS.keylen, { N: PARAMS.N, r: PARAMS.r, p: PARAMS.p }).toString('hex');
  return { salt, hash };
}

/** Async, so a sign-in never blocks the host's event loop (and the scans behind it). */
export function verifyPin(pin: string, salt: string, hash: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    scrypt(pin, Buffer.from(salt, 'hex'), PARAMS.keylen, { N: PARAMS.N, r: PARAMS.r, p: PARAMS.p }, (err, key) => {
      if (err) return reject(err);
      const expected = Buffer.from(hash, 'hex');
      resolve(expected.length === key.length && timingSafeEqual(expected, key));
    });
  });
}
