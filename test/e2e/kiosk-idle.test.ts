import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { centralSales } from '../support/central-query.ts';
import { useKioskSession } from '../support/kiosk-session.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { waitFor } from '../support/wait-for.ts';

const { water, ramen } = DEMO_PRODUCTS;

// Short idle times so the test waits seconds, not minutes; the rule is the same.
const session = useKioskSession({ kiosk: { idleWarnMs: 2500, idleResetMs: 6000 } });

const attract = () => session.page.getByRole('main', { name: '어서 오세요' });
const stillThere = () => session.page.getByRole('alertdialog', { name: '계속 이용하시나요?' });

describe('an idle self-checkout kiosk', () => {
  it('warns, keeps the basket for a customer who answers, and otherwise goes back to the start with nothing of theirs on screen', async () => {
    const { page, kiosk } = session;
    await attract().waitFor();
    await kiosk.ring(water.barcode);
    await stillThere().waitFor({ timeout: 10_000 });
    expect(await stillThere().textContent()).toMatch(/\d초 후 처음 화면으로 돌아갑니다/);
    await stillThere().getByRole('button', { name: '계속 이용하기' }).click();
    await stillThere().waitFor({ state: 'detached' });
    expect(await kiosk.basket('장바구니').textContent()).toContain(water.name['ko']);

    // Nobody answers this time: back to the start, the basket cancelled (nothing was paid).
    await stillThere().waitFor({ timeout: 10_000 });
    await attract().waitFor({ timeout: 10_000 });
    expect(await page.getByText(water.name['ko'] ?? '').count()).toBe(0);
    const client = await NodeTillClient.connect(session.rig.host.url);
    try {
      expect((await client.call('till.status', {})).sale).toBeNull();
      expect(await client.call('journal.recent', { limit: 10 })).toEqual([]);
    } finally {
      client.close();
    }
    const reset = (await kiosk.events()).find((e) => e.kind === 'idle_reset');
    expect(reset?.detail).toBe('scanning');
  });

  it('a customer who paid and walked away at the receipt choice: the kiosk resets, the sale is kept and reaches central', async () => {
    const { page, kiosk } = session;
    await kiosk.ring(ramen.barcode);
    await page.getByRole('button', { name: /카드로 결제/ }).click();
    const paid = page.getByRole('status', { name: '감사합니다! 결제가 끝났습니다' });
    await paid.waitFor();
    const receiptNumber = /영수증 ([\d-]+)/.exec((await paid.textContent()) ?? '')?.[1] ?? '';
    await attract().waitFor({ timeout: 15_000 });
    const sales = await waitFor('the paid sale in central', async () => {
      const s = await centralSales(session.rig.central.url, receiptNumber);
      return s.length > 0 ? s : undefined;
    });
    expect(sales[0]?.totals.total).toBe(ramen.price);
    const events = await kiosk.events();
    expect(events[0]).toMatchObject({ kind: 'idle_reset', saleId: sales[0]?.id, detail: 'receipt' });
    // Nobody chose paper: none was printed.
    expect(session.rig.lab.printer.receipts()).toHaveLength(0);
  });
});
