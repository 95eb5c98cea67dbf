import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { centralSales } from '../support/central-query.ts';
import { won } from '../support/lane-page.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';

const { ramen, water } = DEMO_PRODUCTS;

const session = useLaneSession('1234');

describe('a split tender at the lane', () => {
  it('takes part in cash, charges the card only the rest, and the central server receives both tenders', async () => {
    await session.lane.ring(ramen.barcode);
    await session.lane.ring(ramen.barcode);
    await session.lane.ring(water.barcode);
    const total = ramen.price * 2 + water.price;
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(total));

    const cash = 1000;
    await session.lane.payCash(cash);
    // Cash short of the total is a tender taken, not a sale finished: the rest is due.
    await expect.poll(() => session.lane.summary().getByLabel('결제액').textContent()).toBe(won(cash));
    await expect.poll(() => session.lane.summary().getByLabel('남은 금액').textContent()).toBe(won(total - cash));

    await session.page.keyboard.press('F3'); // the lab terminal approves
    const receiptNumber = await session.lane.receiptNumber();
    await expect.poll(() => session.lane.done().getByLabel('거스름돈').textContent()).toBe(won(0));

    const [central] = await waitFor('the split sale in the central server', async () => {
      const s = await centralSales(session.rig.central.url, receiptNumber);
      return s.length > 0 ? s : undefined;
    });
    expect(central?.totals.total).toBe(total);
    expect(central?.tenders.map((t) => [t.kind, t.amount])).toEqual([
      ['CASH', cash],
      ['CARD', total - cash],
    ]);
    expect(central?.tenders[1]?.card?.maskedPan).toMatch(/^\*+\d{4}$/);
  });
});
