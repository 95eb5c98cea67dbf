import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { centralSales } from '../support/central-query.ts';
import { won } from '../support/lane-page.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { waitFor } from '../support/wait-for.ts';

const { ramen, water, banana } = DEMO_PRODUCTS;

const session = useLaneSession('1234');

const row = (name: string | undefined) => session.lane.basket().getByRole('row', { name: new RegExp(name ?? '') });

describe('suspending, resuming and cancelling sales at the lane', () => {
  it('suspends a sale, rings and finishes another, then resumes the first and finishes it', async () => {
    await session.lane.ring(ramen.barcode);
    await session.lane.ring(ramen.barcode);
    await session.page.keyboard.press('Alt+S');
    await expect.poll(() => session.page.getByRole('status').filter({ hasText: '거래를 보류했습니다' }).count()).toBe(1);
    await expect.poll(() => row(ramen.name['ko']).count()).toBe(0);

    await session.lane.ring(water.barcode);
    // Resuming over an open sale is refused, and says why; nothing is lost.
    await session.page.keyboard.press('Alt+R');
    const busy = session.page.getByRole('dialog', { name: '보류 거래' });
    await expect.poll(() => busy.getByRole('list', { name: '보류 거래 목록' }).getByRole('button').count()).toBe(1);
    // The dialog gives the first entry the focus once it has rendered; make sure it has before Enter.
    await busy.getByRole('list', { name: '보류 거래 목록' }).getByRole('button').first().focus();
    await session.page.keyboard.press('Enter');
    await expect.poll(() => busy.getByRole('alert').textContent()).toContain('진행 중인 거래가 있습니다');
    await session.page.keyboard.press('Escape');
    await busy.waitFor({ state: 'detached' });
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(water.price));

    await session.lane.payCash();
    const other = await session.lane.receiptNumber();

    await session.page.keyboard.press('Alt+R');
    const suspended = session.page.getByRole('dialog', { name: '보류 거래' });
    const entries = suspended.getByRole('list', { name: '보류 거래 목록' }).getByRole('button');
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().textContent()).toContain(`2개 · ${won(ramen.price * 2)}`);
    await entries.first().focus();
    await session.page.keyboard.press('Enter'); // the first suspended sale has the focus
    await suspended.waitFor({ state: 'detached' });
    await expect.poll(() => row(ramen.name['ko']).getByRole('cell').nth(1).textContent()).toBe('2');
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(ramen.price * 2));

    await session.lane.payCash();
    const resumed = await session.lane.receiptNumber();
    expect(resumed).not.toBe(other);
    const central = await waitFor('both sales in the central server', async () => {
      const [a, b] = await Promise.all([centralSales(session.rig.central.url, other), centralSales(session.rig.central.url, resumed)]);
      return a.length > 0 && b.length > 0 ? [a[0], b[0]] : undefined;
    });
    expect(central.map((s) => s?.totals.total)).toEqual([water.price, ramen.price * 2]);

    await session.page.keyboard.press('Alt+R');
    await expect.poll(() => session.page.getByRole('dialog', { name: '보류 거래' }).textContent()).toContain('보류된 거래가 없습니다');
    await session.page.keyboard.press('Escape');
    await session.page.getByRole('dialog', { name: '보류 거래' }).waitFor({ state: 'detached' });
  });

  it('cancels an open sale after asking, leaving nothing to pay', async () => {
    await session.lane.newSale();
    await session.lane.ring(banana.barcode);
    await session.page.keyboard.press('Alt+X');
    const ask = session.page.getByRole('alertdialog', { name: '거래 취소' });
    await ask.waitFor();
    await session.page.keyboard.press('Enter'); // the confirm button has the focus
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => session.page.getByRole('status').filter({ hasText: '거래를 취소했습니다' }).count()).toBe(1);
    await expect.poll(() => row(banana.name['ko']).count()).toBe(0);
    await expect.poll(() => session.lane.summary().getByLabel('합계').textContent()).toBe(won(0));
  });

  it('names every sale tool and its key in English too', async () => {
    await session.page.getByRole('button', { name: 'English' }).click();
    const tools = session.page.getByRole('group', { name: 'Sale tools' }).getByRole('button');
    await expect.poll(() => tools.allTextContents()).toEqual(['Discount F10', 'Change price Alt+P', 'Suspend Alt+S', 'Suspended sales Alt+R', 'Cancel sale Alt+X', 'Order instead Alt+O', 'Cash receipt Alt+C']);
    expect(await tools.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-keyshortcuts')))).toEqual(['F10', 'Alt+P', 'Alt+S', 'Alt+R', 'Alt+X', 'Alt+O', 'Alt+C']);
  });
});

