import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'omni-till';

/** The OS app-data folder, where a till keeps its SQLite files unless told otherwise (--data-dir). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env['APPDATA'] ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env['XDG_DATA_HOME'] ?? path.posix.join(home, '.local', 'share'), APP_NAME);
}
