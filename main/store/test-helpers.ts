import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TillIdentity } from '../core/ports.ts';

/** A fresh data directory for one test, removed by the returned cleanup. */
export function tempDataDir(prefix = 'till-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const TEST_IDENTITY: TillIdentity = {
  storeId: 'store-test',
  storeCode: '0001',
  storeName: '테스트점',
  tillId: 'till-test-01',
  tillNumber: '01',
  timeZone: 'Asia/Seoul',
  currency: 'KRW',
  locale: 'ko-KR',
  businessNumber: '123-45-67890',
  address: '서울',
  phone: '02-000-0000',
};
