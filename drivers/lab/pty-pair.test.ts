import { open } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PTY_MESSAGES, createPtyPair } from './pty-pair.ts';

describe('pty pairs (socat)', () => {
  it('says clearly that socat is missing instead of failing later', async () => {
    await expect(createPtyPair({ socat: '/nonexistent/socat' })).rejects.toThrow(PTY_MESSAGES.noSocat('/nonexistent/socat'));
  });

  it('links two pseudo-terminals like a null-modem cable', async () => {
    const pty = await createPtyPair();
    try {
      const device = await open(pty.device, 'r');
      const till = await open(pty.till, 'w');
      await till.write(Buffer.from('ping\r'));
      const buffer = Buffer.alloc(5);
      const { bytesRead } = await device.read(buffer, 0, 5);
      expect(buffer.subarray(0, bytesRead).toString()).toBe('ping\r');
      await till.close();
      await device.close();
    } finally {
      await pty.close();
    }
  });
});
