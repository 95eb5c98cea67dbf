import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { centralSales } from '../support/central-query.ts';
import { won } from '../support/lane-page.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';

const { ramen } = DEMO_PRODUCTS;
const twoPlusOne = { id: 'promo-ramen-2+1', name: { ko: '라면 2+1', en: 'Ramen 2+1' }, rule: { kind: 'buy_n_get_m', buy: 2, free: 1, productIds: [ramen.id] } };

const session = useLaneSession('1234');

/** Waits for a pull round that began after now: one that ends after now may have started before. */
async function tillPulledSinceNow(): Promise<void> {
  const client = await NodeTillClient.connect(session.rig.host.url);
  try {
    const lastPull = async () => (await client.call('till.status', {})).sync.lastPullAt ?? '';
    const now = new Date().toISOString();
    const first = await waitFor('a pull round ending after the publish', async () => {
      const at = await lastPull();
      return at > now ? at : undefined;
    });
    await waitFor('a pull round starting after the publish', async () => (await lastPull()) > first);
  } finally {
    client.close();
  }
}

describe('a promotion from the central server at the lane', () => {
  it('gives the third ramen free on a 2+1 published by the back office, shows the saving, prints it, and the central server gets the net sale', async () => {
    // The back office publishes over the central API's admin side; the till pulls it on its promotions stream.
    session.rig.central.admin.publishPromotion({ id: twoPlusOne.id, document: JSON.stringify(twoPlusOne), startsAt: null, endsAt: null });
    await tillPulledSinceNow();

    for (let i = 0; i < 3; i++) await session.lane.ring(ramen.barcode);
    const total = ramen.price * 2;
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(total));
    const savings = session.lane.summary().getByRole('region', { name: '할인 내역' }).getByRole('listitem');
    await expect.poll(() => savings.count()).toBe(1);
    expect(await savings.getAttribute('aria-label')).toBe(`라면 2+1  ${won(-ramen.price)}`);
    await expect.poll(() => session.lane.summary().getByLabel('총 할인').textContent()).toBe(won(-ramen.price));
    const row = session.lane.basket().getByRole('row', { name: new RegExp(ramen.name['ko'] ?? '') });
    await expect.poll(() => row.textContent()).toContain(`할인 ${won(-ramen.price)}`);

    await session.lane.payCash(5000);
    const receiptNumber = await session.lane.receiptNumber();
    const receipt = await waitFor('the printed receipt', () => session.rig.lab.printer.receipts().at(-1));
    const text = receipt.lines.join('\n');
    expect(text).toMatch(new RegExp(`라면 2\\+1\\s+-${ramen.price.toLocaleString('en-US')}`));
    expect(text).toMatch(new RegExp(`할인 합계\\s+-${ramen.price.toLocaleString('en-US')}`));

    const [central] = await waitFor('the sale in the central server', async () => {
      const s = await centralSales(session.rig.central.url, receiptNumber);
      return s.length > 0 ? s : undefined;
    });
    expect(central?.totals).toMatchObject({ total, itemCount: 3 });
    // The centre sees the saving on the line, so the net sale is not flagged as a totals mismatch.
    expect(central?.flag).toBeNull();
    expect(central?.lines.map((l) => l.discount)).toEqual([ramen.price]);
  });
});
