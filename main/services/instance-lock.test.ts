import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { acquireInstanceLock } from './instance-lock.ts';
import { tempDataDir } from '../store/test-helpers.ts';

let cleanup = () => {};
afterEach(() => cleanup());

describe('one host per till', () => {
  it('refuses a second host on the same data directory while the first runs', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    writeFileSync(path.join(t.dir, 'host.lock'), String(process.ppid));
    expect(() => acquireInstanceLock(t.dir)).toThrow(/already running/);
  });

  it('takes over the lock of a host that was killed', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    writeFileSync(path.join(t.dir, 'host.lock'), '999999999');
    const lock = acquireInstanceLock(t.dir);
    expect(() => acquireInstanceLock(t.dir)).toThrow();
    lock.release();
    acquireInstanceLock(t.dir).release();
  });
});
