import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoProducts } from '../../fixtures/demo-store/products.ts';
import { DEMO_COUPON_CODES } from '../../fixtures/demo-store/coupons.ts';
import { demoTills } from '../../fixtures/demo-store/store.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import { ean13 } from '../../drivers/scanner/protocol/gtin.ts';
import { centralSales } from '../support/central-query.ts';
import { startHostProcess, type RunningHost } from '../support/host-process.ts';
import { won } from '../support/lane-page.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';

// Coupons by barcode at the lane, on real parts: the demo store's coupon definitions come down the
// promotions stream; the cashier scans a coupon like an item with the lab scanner; the pricing engine
// applies it on top of the store's promotions and the receipt shows the saving; the central server
// records each redemption once. A single-use coupon used at a second till (a second host on the same
// central server) is taken off at this till's first tender, and the cashier told.

const product = (name: string) => {
  const p = demoProducts.find((x) => x.name['ko'] === name);
  if (!p) throw new Error(`no demo product ${name}`);
  return p;
};
const cushion = product('쿠션 팩트'); // 28,000
const toner = product('토너 200ml'); // 18,000

const session = useLaneSession('1234');
const page = () => session.page;
const total = () => session.lane.summary().getByLabel('합계').textContent();
const coupons = () => page().getByRole('region', { name: '쿠폰' });
let secondTill: { host: RunningHost; dataDir: string } | null = null;

afterAll(async () => {
  await secondTill?.host.kill('SIGTERM');
  if (secondTill) rmSync(secondTill.dataDir, { recursive: true, force: true });
});

/** A coupon scanned from the lab's device scanner, as a cashier scans the customer's paper. */
const scanCoupon = (code: string) => session.rig.lab.scanner.scan(code);

describe('coupons by barcode at the lane', () => {
  it('refuses an unknown coupon barcode and an expired coupon with a clear message, and rings nothing', async () => {
    await session.lane.ring(cushion.barcode);
    // EAN-13 prefix 99 is GS1's coupon range: a code in it the store does not know is no product either.
    const unknown = ean13('990000777777');
    scanCoupon(unknown);
    await expect.poll(() => page().getByRole('alert').textContent()).toContain(`스캔 오류 (${unknown}): 이 매장에 없는 쿠폰 바코드입니다`);
    scanCoupon(DEMO_COUPON_CODES.autumn);
    await expect.poll(() => page().getByRole('alert').textContent()).toContain('유효기간이 지난 쿠폰입니다');
    // The basket is as it was: one item, its shelf price, no coupon on the sale.
    await expect.poll(total).toBe(won(cushion.price));
    expect(await coupons().count()).toBe(0);
    expect(await session.lane.basket().getByRole('row').count()).toBe(2); // header + the cushion
  });

  it('applies a multi-use basket coupon scanned like an item, prints the saving, and the central server records the redemption', async () => {
    scanCoupon(DEMO_COUPON_CODES.flyer);
    await expect.poll(() => coupons().getByRole('listitem').first().getAttribute('aria-label')).toBe(`전단 쿠폰 2,000원 ${won(-2_000)}`);
    await expect.poll(total).toBe(won(cushion.price - 2_000));
    const saving = session.lane.summary().getByRole('region', { name: '할인 내역' }).getByRole('listitem');
    expect(await saving.getAttribute('aria-label')).toBe(`전단 쿠폰 2,000원  ${won(-2_000)}`);
    // A second scan of the same coupon is refused: one per sale.
    scanCoupon(DEMO_COUPON_CODES.flyer);
    await expect.poll(() => page().getByRole('alert').textContent()).toContain('이 쿠폰은 이미 거래에 있습니다');
    await expect.poll(total).toBe(won(cushion.price - 2_000));

    await session.lane.payCash();
    const receiptNumber = await session.lane.receiptNumber();
    const printed = await waitFor('the receipt', () => session.rig.lab.printer.receipts().at(-1)?.lines.join('\n'));
    expect(printed).toMatch(/전단 쿠폰 2,000원\s+-2,000/);
    expect(printed).toMatch(/합계\s+26,000/);

    const [central] = await waitFor('the sale at the centre', async () => {
      const s = await centralSales(session.rig.central.url, receiptNumber);
      return s.length > 0 ? s : undefined;
    });
    expect(central?.totals.total).toBe(cushion.price - 2_000);
    expect(central?.flag).toBeNull();
    expect(session.rig.central.admin.couponRedemptions('coupon-flyer-2000')).toEqual([
      expect.objectContaining({ code: DEMO_COUPON_CODES.flyer, saved: 2_000, singleUse: false, voidedAt: null }),
    ]);
    await session.lane.newSale();
  });

  it('keeps a coupon under its minimum spend on the sale without a saving, and applies the same flyer coupon again on the next sale', async () => {
    await session.lane.ring(toner.barcode); // 18,000: over the flyer's 15,000
    scanCoupon(DEMO_COUPON_CODES.welcome1); // 5,000 off from 30,000: not yet
    await expect.poll(() => coupons().getByRole('listitem').first().getAttribute('aria-label')).toBe('웰컴 쿠폰 5,000원: 조건 미충족');
    await expect.poll(total).toBe(won(toner.price));
    await coupons().getByRole('button', { name: '쿠폰 빼기: 웰컴 쿠폰 5,000원' }).click();
    await expect.poll(() => coupons().count()).toBe(0);
    scanCoupon(DEMO_COUPON_CODES.flyer);
    await expect.poll(total).toBe(won(toner.price - 2_000));
    await session.lane.payCash();
    await session.lane.receiptNumber();
    await waitFor('the second flyer redemption at the centre', () => (session.rig.central.admin.couponRedemptions('coupon-flyer-2000').length === 2 ? true : undefined));
    await session.lane.newSale();
  });

  it('takes a single-use coupon another till already used off at the first tender, tells the cashier, and the centre records it once', async () => {
    // A second till of the store on the same central server, rung through its own host.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'till-e2e-second-'));
    const host = await startHostProcess(dataDir, demoTillConfig({ centralUrl: session.rig.central.url, endpoints: {}, till: demoTills[1], pollIntervalMs: 500 }));
    secondTill = { host, dataDir };
    const other = await NodeTillClient.connect(host.url);
    try {
      await waitFor('the second till pulled its staff and coupons', async () => ((await other.call('till.status', {})).sync.lastPullAt !== null ? true : undefined));
      await other.call('session.signIn', { pin: '1234' });
      await other.call('sale.scan', { code: cushion.barcode, source: 'manual' });
      await other.call('sale.scan', { code: toner.barcode, source: 'manual' });
      const withCoupon = await other.call('sale.scan', { code: DEMO_COUPON_CODES.welcome1, source: 'manual' });
      expect(withCoupon.totals.total).toBe(cushion.price + toner.price - 5_000);
      const paid = await other.call('sale.payCash', { received: 50_000 });
      expect(paid.completed?.total).toBe(cushion.price + toner.price - 5_000);
    } finally {
      other.close();
    }
    await waitFor('the second till\'s redemption at the centre', () => (session.rig.central.admin.couponRedemptions('coupon-welcome-5000').length === 1 ? true : undefined));

    // The same customer hands the same coupon over at this till.
    await session.lane.ring(cushion.barcode);
    await session.lane.ring(toner.barcode);
    scanCoupon(DEMO_COUPON_CODES.welcome1);
    await expect.poll(total).toBe(won(cushion.price + toner.price - 5_000));
    await session.lane.payCash();
    await expect.poll(() => page().getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('다른 거래에서 이미 사용'));
    // Taken off: the sale is open at the full price, nothing was paid.
    await expect.poll(total).toBe(won(cushion.price + toner.price));
    expect(await coupons().count()).toBe(0);
    await session.lane.payCash();
    const receiptNumber = await session.lane.receiptNumber();
    const [central] = await waitFor('this till\'s sale at the centre', async () => {
      const s = await centralSales(session.rig.central.url, receiptNumber);
      return s.length > 0 ? s : undefined;
    });
    expect(central?.totals.total).toBe(cushion.price + toner.price);
    expect(central?.flag).toBeNull();
    const redemptions = session.rig.central.admin.couponRedemptions('coupon-welcome-5000');
    expect(redemptions).toEqual([expect.objectContaining({ code: DEMO_COUPON_CODES.welcome1, tillId: demoTills[1]?.tillId, saved: 5_000 })]);
    await session.lane.newSale();
  });
});
