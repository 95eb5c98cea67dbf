import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { launchChromium } from '../support/browser.ts';
import { startHostProcess, type RunningHost } from '../support/host-process.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { waitFor } from '../support/wait-for.ts';

const { water } = DEMO_PRODUCTS;

let dataDir: string;
let central: Central;
let lab: Lab;
let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'till-e2e-card-'));
  central = await startCentral({ dbPath: path.join(dataDir, 'central.db'), port: 0 });
  lab = await startLab({});
  // The till gives the terminal 1.5 s for a payment, so an approval that takes 4 s arrives after the till gave up.
  const endpoints = { ...lab.endpoints, payment: `${lab.endpoints.payment}?timeout=1500&ackTimeout=1000` };
  host = await startHostProcess(dataDir, demoTillConfig({ centralUrl: central.url, endpoints, pollIntervalMs: 500 }));
  const client = await NodeTillClient.connect(host.url);
  try {
    await waitFor('the first catalog and staff pull', async () => ((await client.call('till.status', {})).sync.lastPullAt !== null ? true : undefined));
  } finally {
    client.close();
  }
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.kill('SIGTERM');
  await lab?.close();
  await central?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a card payment whose response is lost (browser mode, lab ZVT terminal)', () => {
  it('fails as unknown, then is resolved as approved by asking the terminal, and the card is charged once', async () => {
    await page.getByLabel('직원 PIN').fill('1234');
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: '장바구니' }).waitFor();
    await page.getByText(/^계산원: /).waitFor();
    lab.scanner.scan(water.barcode);
    await expect.poll(() => page.getByRole('table', { name: '장바구니' }).getByRole('row').count()).toBe(2);

    lab.terminal.nextOutcome('late', { lateMs: 4000 });
    await page.keyboard.press('F3');
    // The till gave up waiting: it says the outcome is unknown and keeps the sale open.
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('결제 실패');
    expect(lab.terminal.transactions()).toMatchObject([{ kind: 'payment', amount: water.price, outcome: 'late' }]);

    // The cashier tries the card again: the till first asks the terminal, which by now has booked the late approval.
    await page.keyboard.press('F3');
    const done = page.getByRole('status', { name: '결제 완료' });
    await done.waitFor({ timeout: 15_000 });
    await expect.poll(() => done.textContent()).toContain('****1234');

    // One payment reached the terminal and was booked once.
    await lab.terminal.settled();
    expect(lab.terminal.transactions()).toMatchObject([{ kind: 'payment', amount: water.price, trace: '000001' }]);
    expect(lab.terminal.transactions()).toHaveLength(1);
  });
});
