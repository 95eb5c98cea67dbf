#!/usr/bin/env node
// Bundles the Electron shell for packaging: main (ESM), preload (CommonJS, as sandboxed preloads must be),
// and the host entry for the utilityProcess; copies the files they read at run time next to them.
import { build } from 'esbuild';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'electron');
const external = ['electron', 'better-sqlite3', 'node-hid', 'serialport', '@serialport/*', 'receiptline'];
const common = { bundle: true, platform: 'node', target: 'node22', external, sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: [path.join(root, 'main/electron/main.ts')], outfile: path.join(out, 'main.js'), format: 'esm' });
await build({ ...common, entryPoints: [path.join(root, 'main/host-process.ts')], outfile: path.join(out, 'host-process.js'), format: 'esm' });
await build({ ...common, entryPoints: [path.join(root, 'main/electron/preload.ts')], outfile: path.join(out, 'preload.cjs'), format: 'cjs' });
// Files read at run time relative to the module: SQL migrations and the GraphQL operations.
cpSync(path.join(root, 'main/store/migrations'), path.join(out, 'migrations'), { recursive: true });
cpSync(path.join(root, 'sync/operations'), path.join(out, 'operations'), { recursive: true });
cpSync(path.join(root, 'sync/schema.graphql'), path.join(out, 'schema.graphql'));
console.log(`Electron shell built in ${path.relative(root, out)}/`);
