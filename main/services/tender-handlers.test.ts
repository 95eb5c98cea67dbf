import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { demoProducts, DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { MOBILE_PAY_TEST_CODES } from '../../fixtures/central/mobile-pay-store.ts';
import { createHost, type Host } from './host.ts';
import { parseTillConfig } from './till-config.ts';
import { tempDataDir } from '../store/test-helpers.ts';

// Gift cards, mobile payments and card instalments through the host, in-process, on real parts: the
// till's SQLite files in a temp dir, the reference central server (its mock PSP) and the lab on loopback.
let central: Central;
let lab: Lab;
let host: Host;
let cleanup: () => void;

const { ramen } = DEMO_PRODUCTS;
const cushion = demoProducts.find((p) => p.name['ko'] === '쿠션 팩트');
if (!cushion) throw new Error('no demo cushion');

async function call<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function until(what: string, test: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const ring = async (code: string, times = 1) => {
  for (let i = 0; i < times; i++) await call(host.handlers['sale.scan']({ code, source: 'wedge' }));
};
const status = async () => call(host.handlers['till.status']({}));
const lastReceipt = () => lab.printer.receipts().at(-1)?.lines.join('\n') ?? '';

beforeEach(async () => {
  const t = tempDataDir('tenders-');
  cleanup = t.cleanup;
  // The PSP sits on a "lost" answer a little longer than the till's 5 s wait.
  central = await startCentral({ dbPath: path.join(t.dir, 'central.db'), mobilePay: { lostAnswerMs: 5600 } });
  lab = await startLab({});
  host = await createHost({ config: parseTillConfig(demoTillConfig({ centralUrl: central.url, endpoints: lab.endpoints, pollIntervalMs: 200 })), dataDir: t.dir });
  await until('the first pull', () => host.sync.status().lastPullAt !== null);
  await call(host.handlers['session.signIn']({ pin: '1234' }));
});

afterEach(async () => {
  await host.close();
  await lab.close();
  await central.close();
  cleanup();
});

describe('a gift card at the till', () => {
  it('pays part of a sale through a claim, cash pays the rest, and the centre takes the card once', async () => {
    central.admin.loadStoredValue('9410000000009999', 'GIFT_CARD', 2000);
    await ring(ramen.barcode, 3); // 3,300
    const card = await call(host.handlers['giftCard.lookup']({ number: '9410-0000-0000-9999' }));
    // The till sees the card masked; the amount offered is the lesser of what is due and the balance.
    expect(card).toMatchObject({ kind: 'giftCard', maskedNumber: '****9999', balance: 2000, suggested: 2000 });
    const paid = await call(host.handlers['giftCard.redeem']({ accountId: card.accountId, amount: card.suggested, expectedVersion: card.version }));
    expect(paid.sale?.payment).toEqual({ paid: 2000, due: 1300, change: 0 });
    expect(paid.sale?.tenders).toEqual([{ kind: 'giftCard', amount: 2000, detail: '****9999', balanceAfter: 0 }]);
    const done = await call(host.handlers['sale.payCash']({ received: 2000 }));
    expect(done.completed).toMatchObject({ total: 3300, change: 700 });
    expect(lastReceipt()).toMatch(/상품권 \*\*\*\*9999\s+2,000/);
    expect(lastReceipt()).toMatch(/잔액\s+0/);

    await until('the sale at the centre', () => central.admin.salesCount() === 1);
    host.sync.syncNow();
    await until('another sync round', () => host.sync.status().queued === 0);
    const ledger = central.admin.storedValue('9410000000009999');
    expect(ledger?.account.balance).toBe(0);
    // Loaded once, redeemed once: the claim held it, and the sale's arrival settled the same claim.
    expect(ledger?.entries.map((e) => [e.kind, e.amount])).toEqual([['load', 2000], ['redeem', -2000]]);
    expect(central.db.prepare("SELECT state FROM stored_value_claim").pluck().all()).toEqual(['settled']);
  });

  it('refuses a claim made at a balance that moved since the lookup, leaving the sale as it was, and shows the new balance', async () => {
    central.admin.loadStoredValue('9410000000008888', 'GIFT_CARD', 5000);
    await ring(ramen.barcode);
    const card = await call(host.handlers['giftCard.lookup']({ number: '9410000000008888' }));
    central.admin.loadStoredValue('9410000000008888', 'GIFT_CARD', 1000); // spent or loaded elsewhere meanwhile
    const r = await host.handlers['giftCard.redeem']({ accountId: card.accountId, amount: 1100, expectedVersion: card.version });
    expect(r).toMatchObject({ ok: false, error: { code: 'stored_value_conflict', message: expect.stringContaining('6000') } });
    expect((await status()).sale?.tenders).toEqual([]);
    expect(await call(host.handlers['giftCard.lookup']({ number: '9410000000008888' }))).toMatchObject({ balance: 6000, suggested: 1100 });
    expect(central.admin.storedValue('9410000000008888')?.entries.map((e) => e.kind)).toEqual(['load', 'load']);
  });

  it('refuses an unknown number, one that is not a number, and more than the card holds', async () => {
    central.admin.loadStoredValue('9420000000006666', 'STORE_CREDIT', 500);
    await ring(ramen.barcode);
    expect(await host.handlers['giftCard.lookup']({ number: '9410000000000000' })).toMatchObject({ ok: false, error: { code: 'stored_value_unknown' } });
    expect(await host.handlers['giftCard.lookup']({ number: 'abc' })).toMatchObject({ ok: false, error: { code: 'stored_value_number' } });
    const credit = await call(host.handlers['giftCard.lookup']({ number: '9420000000006666' }));
    expect(credit).toMatchObject({ kind: 'storeCredit', suggested: 500 });
    const r = await host.handlers['giftCard.redeem']({ accountId: credit.accountId, amount: 1000, expectedVersion: credit.version });
    expect(r).toMatchObject({ ok: false, error: { code: 'stored_value_over_balance' } });
    expect((await status()).sale?.payment.due).toBe(ramen.price);
  });
});

describe('a return of a sale paid by gift card', () => {
  it('refunds what the card paid as store credit onto its account, never cash, credited once at the centre', async () => {
    central.admin.loadStoredValue('9410000000007777', 'GIFT_CARD', 1000);
    await ring(ramen.barcode, 2); // 2,200
    const card = await call(host.handlers['giftCard.lookup']({ number: '9410000000007777' }));
    await call(host.handlers['giftCard.redeem']({ accountId: card.accountId, amount: 1000, expectedVersion: card.version }));
    const sold = await call(host.handlers['sale.payCash']({ received: 1200 }));
    const receiptNumber = sold.completed?.receiptNumber ?? '';
    const original = await call(host.handlers['return.find']({ code: receiptNumber }));
    expect(original.tenders).toEqual([{ kind: 'giftCard', amount: 1000, detail: '****7777' }, { kind: 'cash', amount: 1200 }]);
    const line = original.lines[0];
    if (!line) throw new Error('no line');
    // Both ramen back: the gift card's share goes back to the card as store credit first, the rest in cash.
    const done = await call(host.handlers['return.commit']({ saleId: original.saleId, lines: [{ lineId: line.lineId, quantity: 2, condition: 'unopened', disposition: 'restock' }] }));
    expect(done.tenders).toEqual([{ kind: 'storeCredit', amount: 1000, detail: '****7777' }, { kind: 'cash', amount: 1200 }]);
    expect(lastReceipt()).toMatch(/적립금 환불 \*\*\*\*7777\s+-1,000/);
    await until('the return at the centre', () => central.admin.returns(receiptNumber).length === 1);
    host.sync.syncNow();
    await until('another sync round', () => host.sync.status().queued === 0);
    const ledger = central.admin.storedValue('9410000000007777');
    expect(ledger?.entries.map((e) => [e.kind, e.amount])).toEqual([['load', 1000], ['redeem', -1000], ['refund', 1000]]);
    expect(ledger?.account.balance).toBe(1000);
  });
});

describe('a mobile payment by the customer\'s barcode', () => {
  it('is approved through the central PSP and printed with its provider and approval number', async () => {
    await ring(ramen.barcode, 2);
    const done = await call(host.handlers['mobile.pay']({ barcode: '281234567890123456' }));
    expect(done.completed?.tenders).toEqual([{ kind: 'mobile', amount: 2200, detail: 'KAKAOPAY ****3456', approvalCode: expect.stringMatching(/^\d{8}$/) }]);
    expect(lastReceipt()).toMatch(/간편결제 KAKAOPAY \*\*\*\*3456\s+2,200/);
    expect(lastReceipt()).toMatch(/승인\s+\d{8}/);
    await until('the sale at the centre', () => central.admin.salesCount() === 1);
    expect(central.admin.sales()[0]?.flag).toBeNull();
  });

  it('leaves the sale open and unchanged when the pay app declines', async () => {
    await ring(ramen.barcode);
    const r = await host.handlers['mobile.pay']({ barcode: MOBILE_PAY_TEST_CODES.decline });
    expect(r).toMatchObject({ ok: false, error: { code: 'payment_declined' } });
    const sale = (await status()).sale;
    expect(sale?.tenders).toEqual([]);
    expect(sale?.payment.due).toBe(ramen.price);
  });

  it('asks again under the same key when the answer is lost, and the customer is charged once', async () => {
    await ring(ramen.barcode);
    const saleId = (await status()).sale?.id ?? '';
    const done = await call(host.handlers['mobile.pay']({ barcode: MOBILE_PAY_TEST_CODES.timeout }));
    expect(done.completed?.tenders.map((t) => t.kind)).toEqual(['mobile']);
    expect(central.db.prepare('SELECT count(*) FROM mobile_payment WHERE sale_id = ?').pluck().get(saleId)).toBe(1);
  }, 20_000);
});

describe('card instalments (할부)', () => {
  it('offers 2-12 months from 50,000, records 3 months on the card tender and prints 할부 3개월', async () => {
    await ring(cushion.barcode, 2); // 56,000
    expect(await call(host.handlers['tender.cardOptions']({}))).toMatchObject({ due: 56_000, minimum: 50_000, choices: [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
    const done = await call(host.handlers['sale.payCard']({ instalmentMonths: 3 }));
    expect(done.completed?.tenders[0]).toMatchObject({ kind: 'card', amount: 56_000, instalmentMonths: 3 });
    expect(lastReceipt()).toContain('할부 3개월');
  });

  it('refuses instalments under the minimum, charging nothing, and prints 일시불 for a single payment', async () => {
    await ring(ramen.barcode);
    expect(await call(host.handlers['tender.cardOptions']({}))).toMatchObject({ choices: [0] });
    expect(await host.handlers['sale.payCard']({ instalmentMonths: 3 })).toMatchObject({ ok: false, error: { code: 'instalment_below_minimum' } });
    expect((await status()).sale?.tenders).toEqual([]);
    await call(host.handlers['sale.payCard']({}));
    expect(lastReceipt()).toContain('일시불');
  });
});

describe('offline', () => {
  it('refuses gift cards and mobile payments with a clear message while the centre cannot be reached', async () => {
    await ring(ramen.barcode);
    await central.close();
    host.sync.syncNow();
    await until('the till to see it is offline', () => !host.sync.status().online);
    expect(await host.handlers['giftCard.lookup']({ number: '9410000000001234' })).toMatchObject({ ok: false, error: { code: 'stored_value_offline', message: expect.stringContaining('cannot be reached') } });
    expect(await host.handlers['mobile.pay']({ barcode: '281234567890123456' })).toMatchObject({ ok: false, error: { code: 'mobile_offline' } });
    expect((await status()).sale?.tenders).toEqual([]);
    // afterEach closes it again: start a throwaway one in its place.
    central = await startCentral({ dbPath: ':memory:' });
  });
});
