import { afterEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from './database.ts';
import { SqliteStoreConfig } from './config-repository.ts';
import { tempDataDir } from './test-helpers.ts';

let dbs: TillDatabases;
let cleanup: () => void = () => {};
afterEach(() => {
  dbs.close();
  cleanup();
});

function config(): SqliteStoreConfig {
  const t = tempDataDir();
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
  return new SqliteStoreConfig(dbs.till);
}

describe('the store configuration on the till', () => {
  it('keeps each key as the centre sent it, with the page cursor, and forgets a removed key', () => {
    const c = config();
    c.applyPage('config', [
      { key: 'offline.pickupHandout', value: { allowed: false }, deleted: false },
      { key: 'offline.pointsCap', value: 5000, deleted: false },
    ], 'k1', false);
    expect(c.get('offline.pickupHandout')).toEqual({ allowed: false });
    c.applyPage('config', [{ key: 'offline.pointsCap', value: null, deleted: true }], 'k2', false);
    expect(c.all()).toEqual({ 'offline.pickupHandout': { allowed: false } });
    expect(c.get('offline.pointsCap')).toBeUndefined();
    expect(c.cursor('config')).toBe('k2');
  });

  it('starts over on a reset', () => {
    const c = config();
    c.applyPage('config', [{ key: 'a', value: 1, deleted: false }], 'k1', false);
    c.applyPage('config', [{ key: 'b', value: 2, deleted: false }], 'k2', true);
    expect(c.all()).toEqual({ b: 2 });
  });
});
