import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir.ts';

describe('the default data directory', () => {
  it('follows each OS convention for app data', () => {
    expect(defaultDataDir('linux', {}, '/home/kim')).toBe('/home/kim/.local/share/omni-till');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data' }, '/home/kim')).toBe('/data/omni-till');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\kim\\AppData\\Roaming' }, 'C:\\Users\\kim')).toBe('C:\\Users\\kim\\AppData\\Roaming\\omni-till');
    expect(defaultDataDir('darwin', {}, '/Users/kim')).toBe('/Users/kim/Library/Application Support/omni-till');
  });
});
