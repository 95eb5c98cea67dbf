import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TillConfigInput } from '../../main/services/till-config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningHost {
  readonly url: string;
  readonly pid: number;
  readonly output: () => string;
  /** Resolves with the exit signal or code. */
  readonly exited: Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<string>;
}

/**
 * Starts the till host in its own Node process, exactly as `npm run serve` does (browser mode),
 * so a test can SIGKILL it like a power cut. One process: node --import tsx, no wrapper.
 */
export async function startHostProcess(dataDir: string, config: TillConfigInput): Promise<RunningHost> {
  const configFile = path.join(dataDir, 'till.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'main', 'server.ts'), '--data-dir', dataDir, '--config', configFile, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? String(code))));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not get ready in 30 s:\n${log}`)), 30_000);
    const onData = (): void => {
      const m = /READY (\{.*\})/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve((JSON.parse(m[1]) as { url: string }).url);
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${how}) before it was ready:\n${log}`));
    });
  });
  return {
    url,
    pid: child.pid ?? 0,
    output: () => log,
    exited,
    kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
