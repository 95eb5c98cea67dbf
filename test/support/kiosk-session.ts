import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TillConfigInput } from '../../main/services/till-config.ts';
import { launchChromium } from './browser.ts';
import { startTillRig, type TillRig } from './till-rig.ts';
import { NodeTillClient } from './ws-till-client.ts';
import { waitFor } from './wait-for.ts';

export interface KioskSession {
  readonly rig: TillRig;
  readonly browser: Browser;
  readonly page: Page;
  readonly kiosk: ReturnType<typeof kioskPage>;
}

/**
 * A till configured as a self-checkout kiosk on real parts (central, lab, host process) and
 * Chromium on its screen, for one test file. `chromiumArgs` can give Chromium a fake camera.
 */
export function useKioskSession(options: { kiosk?: TillConfigInput['kiosk']; chromiumArgs?: () => readonly string[] } = {}): KioskSession {
  const session = {} as { -readonly [K in keyof KioskSession]: KioskSession[K] };
  beforeAll(async () => {
    session.rig = await startTillRig({ config: { role: 'kiosk', ...(options.kiosk ? { kiosk: options.kiosk } : {}) } });
    await session.rig.ready();
    session.browser = await launchChromium({ args: options.chromiumArgs?.() ?? [] });
    session.page = await session.browser.newPage();
    session.kiosk = kioskPage(session.page, session.rig);
    await session.page.goto(session.rig.host.url);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.rig?.close();
  });
  return session;
}

/** How the kiosk tests act: as a customer (or the staff member who comes), by roles and names on the screen. */
export function kioskPage(page: Page, rig: TillRig) {
  const itemRows = () => page.locator('.kiosk-basket tbody tr:not(.voided)');
  const k = {
    basket: (name: string) => page.getByRole('table', { name }),
    rows: itemRows,
    /** Rings an item from the lab's device scanner and waits for the basket to grow. */
    async ring(code: string): Promise<void> {
      const before = await page.locator('.kiosk-basket tbody tr').count();
      rig.lab.scanner.scan(code);
      await waitFor(`${code} in the kiosk basket`, async () => (await page.locator('.kiosk-basket tbody tr').count()) > before || undefined);
    },
    /** The kiosk's record of staff calls and answers, from the host. */
    async events() {
      const client = await NodeTillClient.connect(rig.host.url);
      try {
        return await client.call('kiosk.events', { limit: 100 });
      } finally {
        client.close();
      }
    },
  };
  return k;
}
