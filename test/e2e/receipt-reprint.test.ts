import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { launchChromium } from '../support/browser.ts';
import { lanePage } from '../support/lane-page.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { waitFor } from '../support/wait-for.ts';

const { ramen, water } = DEMO_PRODUCTS;

let rig: TillRig;
let browser: Browser;
let page: Page;
let client: NodeTillClient;

beforeAll(async () => {
  rig = await startTillRig();
  await rig.ready();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(rig.host.url);
  client = await NodeTillClient.connect(rig.host.url);
});

afterAll(async () => {
  client?.close();
  await browser?.close();
  await rig?.close();
});

describe('a receipt that fails for paper-out (browser mode, lab printer)', () => {
  it('completes the sale, shows the fault, and reprints the receipt as a copy once the paper is back', async () => {
    const lane = lanePage(page, rig);
    await lane.signIn('1234');

    // The paper runs out in the middle of this customer's receipt.
    rig.lab.printer.runOutOfPaperAfter(300);
    await lane.ring(ramen.barcode);
    await lane.payCash();
    const receiptNumber = await lane.receiptNumber();
    expect(receiptNumber).toMatch(/^0001-01-\d{6}$/);
    await expect.poll(() => lane.done().textContent()).toContain('영수증 출력 실패');
    await expect.poll(() => lane.done().textContent()).toMatch(/paper/i);
    // The customer sees the receipt on screen meanwhile, drawn as it prints (504 dots wide).
    const preview = lane.done().getByRole('img', { name: '영수증 미리보기' });
    await preview.waitFor();
    expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(504);
    expect(rig.lab.printer.receipts()).toHaveLength(0);
    expect(rig.lab.printer.tornReceipts()).toHaveLength(1);

    // The sale is in the journal, and its receipt is owed.
    const recent = await client.call('journal.recent', { limit: 1 });
    expect(recent[0]?.receiptNumber).toBe(receiptNumber);
    expect(await client.call('receipts.queued', {})).toMatchObject([{ receiptNumber, reason: 'paper_out' }]);

    // New paper in: the queued receipt prints, marked as a copy.
    rig.lab.printer.setPaper('ok');
    expect(await client.call('receipts.reprintQueued', {})).toEqual({ printed: [receiptNumber], remaining: 0 });
    const reprint = await waitFor('the reprinted receipt', () => rig.lab.printer.receipts().at(-1));
    expect(reprint.barcodes).toEqual([receiptNumber]);
    expect(reprint.lines.join('\n')).toContain('재발행');
    expect(reprint.lines.join('\n')).toContain(ramen.name['ko']);
    expect(await client.call('receipts.queued', {})).toEqual([]);
  });

  it('lists a sale\'s and a return\'s receipt the paper-out left owed, and prints both as copies with F4 once the paper is back', async () => {
    // The same till, after the first test: its copy printed, the cashier still signed in.
    const lane = lanePage(page, rig);
    await lane.newSale();
    await lane.ring(water.barcode);
    await lane.payCash();
    const sold = await lane.receiptNumber();
    await lane.newSale();

    // The paper runs out; the customer brings the water back (a return at this till), then a new sale is rung.
    rig.lab.printer.setPaper('out');
    const found = await client.call('return.find', { code: sold });
    const returned = await client.call('return.commit', { saleId: found.saleId, lines: [{ lineId: found.lines[0]?.lineId ?? '', quantity: 1, condition: 'unopened', disposition: 'restock' }] });
    expect(returned.receipt.printed).toBe(false);
    await lane.ring(ramen.barcode);
    await lane.payCash();
    const later = await lane.receiptNumber();
    await lane.newSale();

    await page.keyboard.press('F7');
    const journal = page.getByRole('main', { name: '전자 저널' });
    const owed = journal.getByRole('region', { name: '출력 대기 영수증 2장' });
    await owed.waitFor();
    const items = owed.getByRole('listitem');
    expect(await items.allTextContents()).toEqual([expect.stringContaining(`반품 ${returned.returnNumber} · paper_out`), expect.stringContaining(`${later} · paper_out`)]);

    // New paper in: F4 prints both, oldest first, marked as copies.
    rig.lab.printer.setPaper('ok');
    const before = rig.lab.printer.receipts().length;
    await page.keyboard.press('F4');
    await expect.poll(() => journal.textContent()).toContain('대기 영수증 2장을 출력했습니다.');
    const copies = await waitFor('the two copies', () => (rig.lab.printer.receipts().length >= before + 2 ? rig.lab.printer.receipts().slice(before) : undefined));
    expect(copies.map((r) => r.barcodes)).toEqual([[returned.returnNumber], [later]]);
    expect(copies.every((r) => r.lines.some((l) => l.includes('재발행')))).toBe(true);
    expect(await journal.getByRole('listitem').count()).toBe(0);
    expect(await client.call('receipts.queued', {})).toEqual([]);
  });
});
