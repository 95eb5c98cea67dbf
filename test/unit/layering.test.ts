import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The dependency direction of DESIGN.md section 2 lives in eslint.config.js; these pin that it bites.
const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('the layering rule', () => {
  it('keeps main/core free of I/O and of outer layers', async () => {
    expect(await restricted('main/core/x.ts', "import fs from 'node:fs'; export const a = fs;")).toHaveLength(1);
    expect(await restricted('main/core/x.ts', "import { SqliteJournal } from '../store/journal-repository.ts'; export const a = SqliteJournal;")).toHaveLength(1);
    expect(await restricted('main/core/x.ts', "import { money } from './money.ts'; export const a = money;")).toHaveLength(0);
  });

  it('lets the renderer import the contract for types only', async () => {
    expect(await restricted('renderer/x.ts', "import type { SaleView } from '../main/api/contract.ts'; export type A = SaleView;")).toHaveLength(0);
    expect(await restricted('renderer/x.ts', "import { methods } from '../main/api/contract.ts'; export const a = methods;")).toHaveLength(1);
    expect(await restricted('renderer/x.ts', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;")).toHaveLength(1);
  });

  it('keeps drivers out of main and fixtures, and the Electron shell out of the services', async () => {
    expect(await restricted('drivers/x.ts', "import { Lane } from '../main/services/lane.ts'; export const a = Lane;")).toHaveLength(1);
    expect(await restricted('drivers/x.ts', "import { demoProducts } from '../fixtures/demo-store/products.ts'; export const a = demoProducts;")).toHaveLength(1);
    expect(await restricted('main/electron/x.ts', "import { createHost } from '../services/host.ts'; export const a = createHost;")).toHaveLength(1);
    expect(await restricted('main/electron/x.ts', "import { defaultDataDir } from '../services/data-dir.ts'; export const a = defaultDataDir;")).toHaveLength(0);
  });

  it('keeps the fixtures out of the product code', async () => {
    expect(await restricted('main/services/x.ts', "import { demoStore } from '../../fixtures/demo-store/store.ts'; export const a = demoStore;")).toHaveLength(1);
    expect(await restricted('sync/x.ts', "import { startCentral } from '../fixtures/central/server.ts'; export const a = startCentral;")).toHaveLength(1);
  });
});
