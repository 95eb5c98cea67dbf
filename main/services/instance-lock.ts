import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One host per till data directory: two hosts on one journal would race its sequences.
 * A lock left by a killed host (its process is gone) is taken over. Electron adds its own
 * single-instance lock on top of this.
 */
export function acquireInstanceLock(dataDir: string): { release(): void } {
  const file = path.join(dataDir, 'host.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new Error(`another till host (pid ${pid}) is already running on ${dataDir}`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the instance lock ${file}`);
}
