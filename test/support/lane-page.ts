import type { Page } from 'playwright-core';
import type { TillRig } from './till-rig.ts';
import { waitFor } from './wait-for.ts';

/** How the lane e2e tests act on the page: as a cashier would, by the roles and names the screen shows. */
export function lanePage(page: Page, rig: TillRig) {
  const itemCount = async (): Promise<number> => {
    const text = (await page.getByRole('region', { name: '금액 요약' }).locator('.item-count').textContent({ timeout: 100 }).catch(() => null)) ?? '0';
    return Number(/\d+/.exec(text)?.[0] ?? '0');
  };
  const lane = {
    basket: () => page.getByRole('table', { name: '장바구니' }),
    summary: () => page.getByRole('region', { name: '금액 요약' }),
    done: () => page.getByRole('status', { name: '결제 완료' }),
    /**
     * Rings one item from the lab's device scanner and waits until the lane shows it. The device
     * scanner rings exactly like the wedge, and its timing does not depend on how busy the machine is
     * (the wedge tells a scan from typing by key timing).
     */
    async ring(code: string): Promise<void> {
      const before = await itemCount();
      rig.lab.scanner.scan(code);
      await waitFor(`${code} on the lane`, async () => (await itemCount()) > before);
    },
    async signIn(pin: string): Promise<void> {
      await page.getByLabel('직원 PIN').fill(pin);
      await page.keyboard.press('Enter');
      await lane.basket().waitFor();
      // The lane is live once the header names the cashier (the status reload after sign-in is in).
      await page.getByText(/^계산원: /).waitFor();
    },
    async signOut(): Promise<void> {
      await page.keyboard.press('F8');
      await page.getByLabel('직원 PIN').waitFor();
    },
    /** F2, the exact amount, confirm: the cash panel as a cashier uses it. */
    async payCash(received?: number): Promise<void> {
      await page.keyboard.press('F2');
      if (received === undefined) await page.getByRole('button', { name: '정확한 금액' }).click();
      else await page.getByLabel('받은 금액').fill(String(received));
      await page.getByRole('button', { name: /현금 결제 확인/ }).click();
    },
    /** The receipt number of the sale just completed (the completion panel shows it). */
    async receiptNumber(): Promise<string> {
      await lane.done().waitFor();
      return (await lane.done().getByLabel('영수증 번호').textContent())?.trim() ?? '';
    },
    async newSale(): Promise<void> {
      await page.getByRole('button', { name: /새 거래/ }).click();
    },
  };
  return lane;
}

export const won = (n: number): string => `${n < 0 ? '-' : ''}₩${Math.abs(n).toLocaleString('en-US')}`;
