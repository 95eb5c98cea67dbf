import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { waitFor } from '../support/wait-for.ts';

const { water } = DEMO_PRODUCTS;

const session = useLaneSession('1234');

const dialog = () => session.page.getByRole('alertdialog', { name: '동기화되지 않은 거래' });

describe('signing out with sales the central API has not received', () => {
  it('queues a sale while the central API is down', async () => {
    await expect.poll(() => session.page.getByText('계산원: 김민지').count()).toBe(1);
    await session.rig.central.close();
    await session.page.keyboard.type(water.barcode);
    await session.page.keyboard.press('Enter');
    await session.page.getByRole('table', { name: '장바구니' }).getByRole('row', { name: new RegExp(water.name['ko'] ?? '') }).waitFor();
    await session.page.keyboard.press('F2');
    await session.page.getByLabel('받은 금액').fill(String(water.price));
    await session.page.getByRole('button', { name: /현금 결제 확인/ }).click();
    await session.page.getByRole('button', { name: /새 거래/ }).click();
    await expect.poll(() => session.page.getByText(/대기 1건/).count()).toBe(1);
    // The header also says how old the oldest unsynced sale is.
    await expect.poll(() => session.page.getByText(/가장 오래된 건 \d+(초|분) 전/).count()).toBe(1);
  });

  it('lets the app close (Electron asks the host) only on a supervisor PIN while the sale is unsynced', async () => {
    const shell = await NodeTillClient.connect(session.rig.host.url);
    try {
      expect(await shell.call('app.quitCheck', {})).toEqual({ queued: 1 });
      const refused = await shell.invoke('app.approveQuit', { supervisorPin: '1234' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'unsynced_sales' } });
      expect(shell.eventsOf('app.quitApproved')).toEqual([]);
      expect(await shell.invoke('app.approveQuit', {})).toMatchObject({ ok: false, error: { code: 'unsynced_sales' } });
      expect(await shell.call('app.approveQuit', { supervisorPin: '5678' })).toEqual({});
      await waitFor('the shell hears the approval', async () => shell.eventsOf('app.quitApproved').length === 1 || undefined);
      // Approving a close changes nothing else: the cashier is still signed in and the sale still queued.
      expect((await shell.call('till.status', {})).sync.queued).toBe(1);
    } finally {
      shell.close();
    }
  });

  it('warns on F8 and refuses a cashier PIN, then signs out on a supervisor PIN', async () => {
    await session.page.keyboard.press('F8');
    await expect.poll(() => dialog().textContent()).toContain('1건');
    await dialog().getByLabel('관리자 PIN').fill('1234');
    await session.page.keyboard.press('Enter');
    await expect.poll(() => dialog().getByRole('alert').textContent()).toContain('관리자 승인이 필요합니다');
    expect(await session.page.getByRole('table', { name: '장바구니' }).count()).toBe(1);

    await dialog().getByLabel('관리자 PIN').fill('5678');
    await session.page.keyboard.press('Enter');
    await session.page.getByLabel('직원 PIN').waitFor();
    expect(await dialog().count()).toBe(0);
  });
});
