// The dependency direction of DESIGN.md section 2, enforced in code (as VS Code's layering rule does).
import tseslint from 'typescript-eslint';

const NODE_AND_IO = ['node:*', 'fs', 'path', 'os', 'net', 'child_process', 'electron', 'better-sqlite3', 'serialport', 'node-hid', 'ws', 'graphql', 'graphql-request', 'graphql-yoga', 'react', 'react-dom', 'receiptline'];
const layer = (name, message, patterns, extra = {}) => ({
  files: [`${name}/**/*.{ts,tsx}`],
  ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-helpers.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message, ...extra })) }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  layer('main/core', 'main/core is pure domain: no I/O, no outer layer (DESIGN.md 2).', [
    NODE_AND_IO,
    ['**/store/**', '**/services/**', '**/api/**', '**/electron/**', '**/drivers/**', '**/sync/**', '**/renderer/**', '**/fixtures/**'],
  ]),
  layer('main/store', 'main/store may use only main/core and SQLite (DESIGN.md 2).', [
    ['**/services/**', '**/api/**', '**/electron/**', '**/drivers/**', '**/sync/**', '**/renderer/**', '**/fixtures/**', 'electron', 'react'],
  ]),
  layer('main/api', 'main/api is the contract: it knows core types only (DESIGN.md 2).', [
    ['**/store/**', '**/services/**', '**/electron/**', '**/drivers/**', '**/sync/**', '**/renderer/**', '**/fixtures/**', 'electron', 'better-sqlite3', 'react'],
  ]),
  layer('main/services', 'main/services orchestrates core, store, drivers and sync; it never touches Electron, the renderer or the fixtures.', [
    ['**/electron/**', '**/renderer/**', '**/fixtures/**', 'electron', 'react', 'react-dom'],
  ]),
  layer('main/electron', 'main/electron is the thin shell: Electron, the api contract and the data-dir convention only.', [
    ['**/core/**', '**/store/**', '**/drivers/**', '**/sync/**', '**/renderer/**', '**/fixtures/**', 'better-sqlite3', '**/services/**', '!**/services/data-dir.ts'],
  ]),
  layer('drivers', 'drivers deal in bytes, barcodes and amounts: nothing of main, sync, renderer or fixtures.', [
    ['**/main/**', '**/sync/**', '**/renderer/**', '**/fixtures/**', 'electron', 'react'],
  ]),
  layer('sync', 'sync knows main/core types only.', [
    ['**/main/store/**', '**/main/services/**', '**/main/api/**', '**/main/electron/**', '**/drivers/**', '**/renderer/**', '**/fixtures/**', 'electron', 'react', 'better-sqlite3'],
  ]),
  layer('renderer', 'the renderer talks only to the contract (import type from main/api), never to Node or Electron.', [
    ['node:*', 'fs', 'path', 'os', 'child_process', 'electron', 'better-sqlite3', 'serialport', 'node-hid', 'ws', '**/main/core/**', '**/main/store/**', '**/main/services/**', '**/main/electron/**', '**/drivers/**', '**/sync/**', '**/fixtures/**'],
  ]),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      // main/api is allowed for types only: zod and the host's code stay out of the bundle.
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'electron', 'better-sqlite3', 'serialport', 'node-hid', 'ws', '**/main/core/**', '**/main/store/**', '**/main/services/**', '**/main/electron/**', '**/drivers/**', '**/sync/**', '**/fixtures/**'], message: 'the renderer talks only to the contract (DESIGN.md 2).' },
          { group: ['**/main/api/**'], allowTypeImports: true, message: 'the renderer imports main/api for types only.' },
        ],
      }],
    },
  },
);
