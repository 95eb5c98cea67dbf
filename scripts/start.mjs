#!/usr/bin/env node
// `npm start`: the till on the embedded demo store with emulated devices.
// Electron where its binary can be had; otherwise browser mode, saying why. `npm run serve` = browser mode on purpose.
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureRendererBuilt() {
  const index = path.join(root, 'dist', 'renderer', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(path.join(root, 'renderer'))) return;
  console.log('Building the till UI (vite build)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  const pkg = path.join(root, 'node_modules', 'electron');
  if (!existsSync(pkg)) return { ok: false, why: 'the electron package is not installed' };
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, why: 'the Electron binary was not downloaded (install scripts for electron are not approved in package.json, or the download is blocked on this machine)' };
  const bin = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(bin)) return { ok: false, why: `the Electron binary is missing at ${bin}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { ok: false, why: 'there is no display (DISPLAY/WAYLAND_DISPLAY unset)' };
  return { ok: true, bin };
}

ensureRendererBuilt();
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const demo = path.join(root, 'fixtures', 'demo', 'run-demo.ts');
let mode = ['--browser'];
if (!browserOnly) {
  const electron = electronBinary();
  if (electron.ok) mode = ['--electron', electron.bin];
  else console.log(`Electron is not available here: ${electron.why}.\nStarting browser mode instead: the same UI and host, in your browser.`);
}
const child = spawn(process.execPath, [tsx, demo, ...mode, ...args.filter((a) => a !== '--browser')], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
