import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const SOCAT = '/usr/bin/socat';

export const PTY_MESSAGES = {
  noSocat: (socat: string) => `socat is not installed (${socat}): serial devices are emulated on pseudo-terminals made by socat; install it with "apt-get install socat"`,
  failed: (detail: string) => `socat could not make a pseudo-terminal pair: ${detail}`,
} as const;

/** Two linked pseudo-terminals: what is written to one is read from the other, like a null-modem cable. */
export interface PtyPair {
  /** The end the till opens (as it would open /dev/ttyUSB0). */
  till: string;
  /** The end the emulated device opens. */
  device: string;
  /** Pulls the cable: both ends go away. */
  close(): Promise<void>;
}

/**
 * Makes a pty pair with socat (raw, no echo). Throws a clear message when socat is missing.
 * `dir` reuses the link paths of an earlier pair: a device plugged back in at the same place.
 */
export async function createPtyPair(options: { dir?: string; socat?: string } = {}): Promise<PtyPair & { dir: string }> {
  const socat = options.socat ?? SOCAT;
  if (!existsSync(socat)) throw new Error(PTY_MESSAGES.noSocat(socat));
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'omni-pty-')));
  const till = path.join(dir, 'till');
  const device = path.join(dir, 'device');
  await mkdir(dir, { recursive: true });
  // socat will not replace the links an earlier pair left behind.
  await Promise.all([rm(till, { force: true }), rm(device, { force: true })]);
  const child: ChildProcess = spawn(socat, ['-d', '-d', `pty,raw,echo=0,link=${till}`, `pty,raw,echo=0,link=${device}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (log.includes('starting data transfer loop')) resolve();
    };
    child.stderr?.on('data', check);
    child.once('error', (error) => reject(new Error(PTY_MESSAGES.failed(error.message))));
    child.once('exit', (code) => reject(new Error(PTY_MESSAGES.failed(`exited with ${code ?? 'a signal'}: ${log.trim()}`))));
  });
  return {
    till,
    device,
    dir,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      if (!options.dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
