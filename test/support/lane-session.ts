import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { lanePage } from './lane-page.ts';
import { startTillRig, type TillRig } from './till-rig.ts';

export interface LaneSession {
  readonly rig: TillRig;
  readonly browser: Browser;
  readonly page: Page;
  readonly lane: ReturnType<typeof lanePage>;
}

/**
 * One till on real parts (central server, lab, host process) and Chromium on its lane, signed in
 * with the PIN, for the tests of one file; everything is stopped after them. Read the session's
 * fields inside tests (they are set before the first one runs).
 */
export function useLaneSession(pin = '1234', rig: Parameters<typeof startTillRig>[0] = {}): LaneSession {
  const session = {} as { -readonly [K in keyof LaneSession]: LaneSession[K] };
  beforeAll(async () => {
    session.rig = await startTillRig(rig);
    await session.rig.ready();
    session.browser = await launchChromium();
    session.page = await session.browser.newPage();
    session.lane = lanePage(session.page, session.rig);
    await session.page.goto(session.rig.host.url);
    await session.lane.signIn(pin);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.rig?.close();
  });
  return session;
}
