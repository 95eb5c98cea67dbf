import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { won } from '../support/lane-page.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { waitFor } from '../support/wait-for.ts';

const { ramen, water } = DEMO_PRODUCTS;
const ramenName = ramen.name['ko'] ?? '';
const waterName = water.name['ko'] ?? '';

const session = useLaneSession('1234');

/** Alt+T, then the receipt number typed into the field as a keyboard-wedge scanner types it, and Enter. */
async function findForReturn(receiptNumber: string): Promise<void> {
  const { page } = session;
  await page.keyboard.press('Alt+KeyT');
  const field = page.getByRole('dialog', { name: '반품' }).getByLabel('영수증 또는 주문 번호');
  await field.waitFor();
  await field.pressSequentially(receiptNumber, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.getByRole('table', { name: '반품할 상품' }).waitFor();
}

async function closeDialog(): Promise<void> {
  await session.page.keyboard.press('Escape');
  await session.page.getByRole('dialog', { name: '반품' }).waitFor({ state: 'detached' });
}

describe('returns at the lane (browser mode, lab terminal and printer, real central server)', () => {
  let receiptNumber = '';

  it('returns an item of an in-store card sale found by its receipt barcode, refunded on the terminal, and the central server records it', async () => {
    const { page, rig, lane } = session;
    await lane.ring(ramen.barcode);
    await lane.ring(ramen.barcode);
    await lane.ring(water.barcode);
    await page.keyboard.press('F3');
    receiptNumber = await lane.receiptNumber();
    await lane.newSale();
    // The receipt carries its number as its barcode: that is what the customer brings back.
    expect(rig.lab.printer.receipts().at(-1)?.barcodes).toContain(receiptNumber);

    await findForReturn(receiptNumber);
    const dialog = page.getByRole('dialog', { name: '반품' });
    await expect.poll(() => dialog.getByText('이 계산대의 거래').count()).toBe(1);
    await dialog.getByLabel(`${ramenName} 반품 수량`).fill('1');
    await dialog.getByRole('button', { name: /^환불/ }).click();

    const done = dialog.getByRole('status', { name: '반품 완료' });
    await done.waitFor({ timeout: 15_000 });
    await expect.poll(() => done.textContent()).toContain(won(ramen.price));
    await expect.poll(() => done.textContent()).toContain('****1234');

    // The terminal refunded the card once, for the one ramen.
    expect(rig.lab.terminal.transactions().filter((t) => t.kind === 'refund')).toMatchObject([{ amount: ramen.price, outcome: 'approve' }]);
    // A return receipt with supply value and VAT reversed, and its own number as its barcode.
    const printed = await waitFor('the return receipt', async () => rig.lab.printer.receipts().find((r) => r.lines.some((l) => l.includes('[반품]'))));
    expect(printed.lines.join('\n')).toContain(receiptNumber);
    expect(printed.lines.join('\n')).toMatch(new RegExp(`부가세\\s+-${Math.floor(ramen.price / 11).toLocaleString('en-US')}\\n`));

    const [central] = await waitFor('the return at the central server', async () => {
      const r = rig.central.admin.returns(receiptNumber);
      return r.length > 0 ? r : undefined;
    });
    expect(central).toMatchObject({ flag: null, total: ramen.price, lines: [{ quantity: 1, refund: ramen.price, disposition: 'restock' }], tenders: [{ kind: 'CARD', amount: ramen.price }] });
    await closeDialog();
  });

  it('refuses a second return of an item already returned: the lane shows nothing left, and the host refuses it and records nothing', async () => {
    const { page, rig } = session;
    // The water comes back first, in full.
    await findForReturn(receiptNumber);
    const dialog = page.getByRole('dialog', { name: '반품' });
    await dialog.getByLabel(`${waterName} 반품 수량`).fill('1');
    await dialog.getByRole('button', { name: /^환불/ }).click();
    await dialog.getByRole('status', { name: '반품 완료' }).waitFor({ timeout: 15_000 });
    await closeDialog();

    // Scanned again: the water shows 0 of 1 returnable and cannot be chosen; one ramen is left.
    await findForReturn(receiptNumber);
    await expect.poll(() => dialog.getByLabel(`${waterName} 반품 수량`).isDisabled()).toBe(true);
    await expect.poll(() => dialog.getByRole('row').filter({ hasText: waterName }).textContent()).toContain('0 / 1');
    await expect.poll(() => dialog.getByRole('row').filter({ hasText: ramenName }).textContent()).toContain('1 / 2');
    await closeDialog();

    // Tried: the water again straight through the contract. Kept: the two returns already made, nothing refunded twice.
    const client = await NodeTillClient.connect(rig.host.url);
    try {
      const found = await client.call('return.find', { code: receiptNumber });
      const waterLine = found.lines.find((l) => l.barcode === water.barcode);
      if (!waterLine) throw new Error('no water line');
      const again = await client.invoke('return.commit', { saleId: found.saleId, lines: [{ lineId: waterLine.lineId, quantity: 1, condition: 'unopened', disposition: 'restock' }] });
      expect(again).toMatchObject({ ok: false, error: { code: 'over_return' } });
    } finally {
      client.close();
    }
    await waitFor('both returns at the central server', async () => (rig.central.admin.returns(receiptNumber).length === 2 ? true : undefined));
    expect(rig.lab.terminal.transactions().filter((t) => t.kind === 'refund').map((t) => t.amount)).toEqual([ramen.price, water.price]);
  });

  it('returns an item of an online order at the lane, refunded to the online payment through the central server', async () => {
    const { page, rig } = session;
    const order = rig.central.admin.createOnlineOrder({
      storeId: 'store-gangnam', fulfilment: 'DELIVERY', customerName: '정하늘', phone: '010-3333-2468', paymentMethod: 'KAKAOPAY',
      lines: [{ barcode: ramen.barcode, quantity: 2 }, { barcode: water.barcode, quantity: 1 }],
    });
    const client = await NodeTillClient.connect(rig.host.url);
    try {
      await waitFor(`order ${order.number} on the till`, async () => ((await client.invoke('return.find', { code: order.number })).ok ? true : undefined));
    } finally {
      client.close();
    }
    const refundsBefore = rig.lab.terminal.transactions().filter((t) => t.kind === 'refund').length;

    // The customer shows the order QR; the lab's device scanner reads it while the dialog waits.
    await page.keyboard.press('Alt+KeyT');
    const dialog = page.getByRole('dialog', { name: '반품' });
    await dialog.getByLabel('영수증 또는 주문 번호').waitFor();
    rig.lab.scanner.scan(`omni-order:${order.number}:${order.pickupCode}`);
    await dialog.getByRole('table', { name: '반품할 상품' }).waitFor();
    await expect.poll(() => dialog.getByText(`온라인 주문 ${order.number}`).count()).toBe(1);
    await dialog.getByLabel(`${ramenName} 반품 수량`).fill('1');
    await dialog.getByRole('button', { name: /^환불/ }).click();
    const done = dialog.getByRole('status', { name: '반품 완료' });
    await done.waitFor({ timeout: 15_000 });
    await expect.poll(() => done.textContent()).toContain(`온라인 결제 KAKAOPAY: ${won(ramen.price)}`);

    // The refund goes to the online payment at the centre, never to the card terminal.
    const refund = await waitFor('the online refund at the central server', async () =>
      rig.central.admin.onlineOrder(order.number)?.refunds.find((r) => r.reason.startsWith('return:')));
    expect(refund.amount).toBe(ramen.price);
    expect(rig.central.admin.returns(order.number)).toMatchObject([{ flag: null, tenders: [{ kind: 'ONLINE', amount: ramen.price }] }]);
    expect(rig.lab.terminal.transactions().filter((t) => t.kind === 'refund')).toHaveLength(refundsBefore);
    await closeDialog();
  });

  it('takes an item back without a receipt only with a supervisor, in cash at its lowest recent price', async () => {
    const { page, rig } = session;
    await page.keyboard.press('Alt+KeyT');
    const dialog = page.getByRole('dialog', { name: '반품' });
    await dialog.getByRole('button', { name: '영수증 없이 반품' }).click();
    await dialog.getByLabel('상품 바코드').fill(water.barcode);
    await dialog.getByRole('button', { name: /^현금 환불/ }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('영수증 없는 반품은 감독자 PIN이 필요합니다');

    // A cashier's PIN is not a supervisor's.
    await dialog.getByLabel('감독자 PIN').fill('2345');
    await dialog.getByRole('button', { name: /^현금 환불/ }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('PIN');
    await dialog.getByLabel('감독자 PIN').fill('5678');
    await dialog.getByRole('button', { name: /^현금 환불/ }).click();
    const done = dialog.getByRole('status', { name: '반품 완료' });
    await done.waitFor({ timeout: 15_000 });
    await expect.poll(() => done.textContent()).toContain(`현금: ${won(water.price)}`);

    const receiptless = await waitFor('the receipt-less return at the central server', async () =>
      rig.central.admin.returns().find((r) => r.originalSaleId === null));
    expect(receiptless).toMatchObject({ flag: 'receiptless', total: water.price, tenders: [{ kind: 'CASH', amount: water.price }] });
    expect(receiptless.approvedBy).not.toBeNull();
    await closeDialog();
  });
});
