#!/usr/bin/env node
// `npm test`: sets up what the tests need, then type-checks, lints, and runs the unit,
// integration and end-to-end tests. Works on a fresh clone of a Debian machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Debian packages: Chromium drives the e2e tests, socat makes pseudo-terminals for serial devices,
// libusb and udev back node-hid and serial port listing, Noto CJK renders Korean in screenshots.
const DEBIAN_PACKAGES = ['chromium', 'socat', 'libusb-1.0-0', 'udev', 'fonts-noto-cjk'];
const NEEDED_COMMANDS = { '/usr/bin/chromium': 'chromium', '/usr/bin/socat': 'socat' };

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

function step(title) {
  console.log(`\n== ${title}`);
}

function ensureDebianPackages() {
  const missing = Object.entries(NEEDED_COMMANDS).filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`Missing Debian packages (${missing.join(', ')}). Run as root:\n\n  sudo sh -c '${command}'\n`);
    process.exit(1);
  }
  step(`installing Debian packages: ${DEBIAN_PACKAGES.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('sh', ['-c', command], { env }) !== 0) {
    console.error('apt-get failed; the tests need those packages.');
    process.exit(1);
  }
}

function ensureNodeModules() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  step('installing npm dependencies (npm ci)');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) process.exit(1);
}

function vitest(project) {
  const out = path.join(root, 'test-results', `${project}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  const status = run(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    counts = { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + (status !== 0 && r.numFailedTests === 0 ? 1 : 0), skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
  } else if (status !== 0) counts.failed = 1;
  return { status, counts };
}

ensureDebianPackages();
ensureNodeModules();

step('building the renderer');
if (run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']) !== 0) process.exit(1);

step('type-checking (tsc --noEmit)');
const tsc = run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json']);

step('linting (dependency direction, no any)');
const lint = run(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']);

step('unit and integration tests');
const unit = vitest('unit');

step('end-to-end tests (Chromium, browser mode, lab devices, central server)');
const e2e = vitest('e2e');

const passed = unit.counts.passed + e2e.counts.passed;
const failed = unit.counts.failed + e2e.counts.failed + (tsc === 0 ? 0 : 1) + (lint === 0 ? 0 : 1);
console.log(`\ntsc: ${tsc === 0 ? 'clean' : 'FAILED'}  lint: ${lint === 0 ? 'clean' : 'FAILED'}  unit: ${unit.counts.passed} passed  e2e: ${e2e.counts.passed} passed`);
console.log(`${passed} passed, ${failed} failed${unit.counts.skipped + e2e.counts.skipped ? `, ${unit.counts.skipped + e2e.counts.skipped} skipped` : ''}`);
process.exit(failed === 0 && unit.status === 0 && e2e.status === 0 ? 0 : 1);
