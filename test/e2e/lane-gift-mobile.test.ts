import { describe, expect, it } from 'vitest';
import { demoProducts, DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { DEMO_ADMIN_TOKEN } from '../../fixtures/demo-store/store.ts';
import { MOBILE_PAY_TEST_CODES } from '../../fixtures/central/mobile-pay-store.ts';
import { centralGql, centralSales } from '../support/central-query.ts';
import { won } from '../support/lane-page.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';

// Tenders whose money is held centrally, at the lane on real parts (Chromium, the lab scanner, printer
// and ZVT terminal, the reference central server with its mock PSP): a gift card scanned while its
// dialog is open pays part of a sale and cash the rest, the centre's balance going down exactly once;
// a pay app's barcode approved, another declined leaving the sale open and unchanged; a card paid in
// 3 instalments, printed on the receipt.

const { ramen } = DEMO_PRODUCTS;
const cushion = demoProducts.find((p) => p.name['ko'] === '쿠션 팩트'); // 28,000
if (!cushion) throw new Error('no demo cushion');

const session = useLaneSession('1234');
const page = () => session.page;
const dialog = (name: string) => page().getByRole('dialog', { name });
const receiptOf = (receiptNumber: string) =>
  waitFor('the printed receipt', () => session.rig.lab.printer.receipts().find((r) => r.lines.some((l) => l.includes(receiptNumber)))?.lines.join('\n'));

interface Ledger { account: { balance: number; maskedNumber: string }; entries: { kind: string; amount: number; saleId: string | null }[] }
async function ledgerOf(number: string): Promise<Ledger> {
  const r = await centralGql(session.rig.central.url, DEMO_ADMIN_TOKEN, 'query ($n: String!) { storedValueLedger(number: $n) { account { balance maskedNumber } entries { kind amount saleId } } }', { n: number });
  const ledger = r.data?.['storedValueLedger'] as Ledger | null | undefined;
  if (!ledger) throw new Error(`no ledger for ${number}: ${JSON.stringify(r.errors)}`);
  return ledger;
}

let giftSaleReceipt = '';

describe('a gift card at the lane', () => {
  it('is scanned in its dialog, pays 5,000 of the sale, cash pays the rest, and the centre takes the card once', async () => {
    // The back office issues the card (admin mutation over GraphQL).
    const number = '9410000000004321';
    const issued = await centralGql(session.rig.central.url, DEMO_ADMIN_TOKEN, 'mutation ($i: LoadStoredValueInput!) { loadStoredValue(input: $i) { maskedNumber balance } }', {
      i: { number, kind: 'GIFT_CARD', amount: 5000 },
    });
    expect(issued.data).toEqual({ loadStoredValue: { maskedNumber: '****4321', balance: 5000 } });

    for (let i = 0; i < 6; i++) await session.lane.ring(ramen.barcode); // 6,600
    await page().keyboard.press('Alt+KeyG');
    const d = dialog('상품권·적립금 결제');
    await d.getByLabel('상품권·적립금 번호 (스캔 또는 입력)').waitFor();
    session.rig.lab.scanner.scan(number);
    await expect.poll(() => d.getByLabel('조회한 카드').textContent()).toBe('상품권 ****4321 · 잔액 ₩5,000');
    // The lesser of what is due (6,600) and the balance is offered.
    expect(await d.getByLabel('사용할 금액').inputValue()).toBe('5000');
    await d.getByRole('button', { name: /상품권 결제/ }).click();
    await d.waitFor({ state: 'detached' });
    await expect.poll(() => session.lane.summary().getByLabel('남은 금액').textContent()).toBe(won(1600));

    await session.lane.payCash(2000);
    const receiptNumber = await session.lane.receiptNumber();
    await expect.poll(() => session.lane.done().getByLabel('거스름돈').textContent()).toBe(won(400));
    const receipt = await receiptOf(receiptNumber);
    expect(receipt).toMatch(/상품권 \*\*\*\*4321\s+5,000/);
    expect(receipt).toMatch(/잔액\s+0/);
    expect(receipt).not.toContain(number);

    const [central] = await waitFor('the sale at the centre', async () => {
      const s = await centralSales(session.rig.central.url, receiptNumber);
      return s.length > 0 ? s : undefined;
    });
    expect(central?.tenders.map((t) => [t.kind, t.amount])).toEqual([['GIFT_CARD', 5000], ['CASH', 2000]]);
    expect(central?.flag).toBeNull();
    const ledger = await ledgerOf(number);
    expect(ledger.account.balance).toBe(0);
    // Down exactly once: the claim at the lane, settled (not taken again) when the sale arrived.
    expect(ledger.entries.map((e) => [e.kind, e.amount])).toEqual([['load', 5000], ['redeem', -5000]]);
    giftSaleReceipt = receiptNumber;
    await session.lane.newSale();
  });

  it('refunds a returned item of that sale as store credit onto the card, not cash, and the centre credits it once', async () => {
    await page().keyboard.press('Alt+KeyT');
    const d = dialog('반품');
    const field = d.getByLabel('영수증 또는 주문 번호');
    await field.waitFor();
    await field.pressSequentially(giftSaleReceipt, { delay: 5 });
    await page().keyboard.press('Enter');
    await d.getByLabel(`${ramen.name['ko'] ?? ''} 반품 수량`).fill('1');
    await d.getByRole('button', { name: /^환불/ }).click();
    const done = d.getByRole('status', { name: '반품 완료' });
    await done.waitFor({ timeout: 15_000 });
    // Gift card money goes back where it came from: the card's account, as store credit.
    await expect.poll(() => done.textContent()).toContain(`적립금 ****4321: ${won(ramen.price)}`);
    const printed = await waitFor('the return receipt', async () => session.rig.lab.printer.receipts().find((r) => r.lines.some((l) => l.includes('[반품]')))?.lines.join('\n'));
    expect(printed).toMatch(new RegExp(`적립금 환불 \\*\\*\\*\\*4321\\s+-${ramen.price.toLocaleString('en-US')}`));
    const ledger = await waitFor('the refund at the centre', async () => {
      const l = await ledgerOf('9410000000004321');
      return l.entries.some((e) => e.kind === 'refund') ? l : undefined;
    });
    expect(ledger.entries.map((e) => [e.kind, e.amount])).toEqual([['load', 5000], ['redeem', -5000], ['refund', ramen.price]]);
    expect(ledger.account.balance).toBe(ramen.price);
    await page().keyboard.press('Escape');
    await d.waitFor({ state: 'detached' });
  });
});

describe('a mobile payment by the customer\'s barcode', () => {
  it('is approved when the pay app\'s barcode is scanned at Alt+B, with the provider and approval number on the receipt', async () => {
    await session.lane.ring(ramen.barcode);
    await session.lane.ring(ramen.barcode);
    await page().keyboard.press('Alt+KeyB');
    await dialog('간편결제 (고객 바코드)').getByLabel('결제 바코드 (고객 휴대폰을 스캔)').waitFor();
    session.rig.lab.scanner.scan('281234567890123456');
    const receiptNumber = await session.lane.receiptNumber();
    const receipt = await receiptOf(receiptNumber);
    expect(receipt).toMatch(/간편결제 KAKAOPAY \*\*\*\*3456\s+2,200/);
    expect(receipt).toMatch(/승인\s+\d{8}/);
    expect(receipt).not.toContain('281234567890123456');
    await session.lane.newSale();
  });

  it('leaves the sale open and unchanged when the pay app declines, and says why', async () => {
    await session.lane.ring(ramen.barcode);
    await page().keyboard.press('Alt+KeyB');
    const d = dialog('간편결제 (고객 바코드)');
    await d.getByLabel('결제 바코드 (고객 휴대폰을 스캔)').fill(MOBILE_PAY_TEST_CODES.decline);
    await d.getByRole('button', { name: /결제 요청/ }).click();
    await expect.poll(() => d.getByRole('alert').textContent()).toContain('insufficient balance');
    // Nothing was taken: still all due, no tender on the sale, the item still in the basket.
    expect(await session.lane.summary().getByLabel('결제액').textContent()).toBe(won(0));
    expect(await session.lane.summary().getByLabel('남은 금액').textContent()).toBe(won(ramen.price));
    await page().keyboard.press('Escape');
    await d.waitFor({ state: 'detached' });
    await session.lane.payCash();
    await session.lane.receiptNumber();
    await session.lane.newSale();
  });
});

describe('card instalments (할부)', () => {
  it('asks 일시불 or months for 56,000, charges the card in 3 months and prints 할부 3개월', async () => {
    await session.lane.ring(cushion.barcode);
    await session.lane.ring(cushion.barcode);
    await page().keyboard.press('F3');
    const d = dialog('할부 선택');
    await d.getByLabel('할부 개월').selectOption({ label: '3개월' });
    await d.getByRole('button', { name: /카드 결제 시작/ }).click();
    const receiptNumber = await session.lane.receiptNumber(); // the lab terminal approves
    const receipt = await receiptOf(receiptNumber);
    expect(receipt).toMatch(/카드 \S+ \*+\d{4}\s+56,000/);
    expect(receipt).toContain('할부 3개월');
    await expect.poll(() => session.lane.done().textContent()).toContain('할부 3개월');
  });
});
