import type { Handlers } from '../api/dispatch.ts';
import type { Reply } from '../api/contract.ts';
import type { laneScreenMethods } from '../api/lane-screen-contract.ts';
import type { Catalog } from '../core/ports.ts';
import type { Result } from '../core/result.ts';
import type { Lane } from './lane.ts';
import type { SuspendedSaleService } from './suspended-sale-service.ts';
import { SHIFT_MESSAGES } from './shift-service.ts';
import { type QuickKeyConfig, QUICK_KEYS_CONFIG_KEY, quickKeyViews, quickKeysOf } from './quick-keys.ts';

type LaneScreenMethodName = keyof typeof laneScreenMethods;

const reply = <T>(r: Result<T>): Reply<T> => (r.ok ? { ok: true, value: r.value } : { ok: false, error: { code: r.code, message: r.message } });

export interface LaneScreenDeps {
  readonly lane: Lane;
  readonly suspendedSales: SuspendedSaleService;
  readonly catalog: Catalog;
  readonly currency: string;
  /** till.json's own panel; the store's `lane.quickKeys` (config stream) replaces it. */
  readonly quickKeys: readonly QuickKeyConfig[];
  readonly storeConfig: { get(key: string): unknown };
  /** Mutations not yet pushed (the sync status's count). */
  readonly unsynced: () => number;
  /** Whether the PIN is a supervisor's or manager's. */
  readonly approve: (pin: string | undefined) => Promise<boolean>;
  readonly quitApproved: () => void;
}

/** The lane screen's methods: suspended sales across tills, the keypad's next quantity, quick keys, receipt language. */
export function laneScreenHandlers(deps: LaneScreenDeps): Pick<Handlers, LaneScreenMethodName> {
  return {
    'sale.suspendedInStore': async () => {
      const listed = await deps.suspendedSales.list();
      return { ok: true, value: { offline: listed.offline, sales: [...listed.entries] } };
    },
    'sale.nextQuantity': async ({ quantity }) => reply(await deps.lane.setNextQuantity(quantity)),
    'quickKeys.list': async () => ({ ok: true, value: quickKeyViews(quickKeysOf(deps.storeConfig.get(QUICK_KEYS_CONFIG_KEY), deps.quickKeys), deps.catalog, deps.currency) }),
    'sale.receiptLanguage': async ({ language }) => reply(await deps.lane.setReceiptLanguage(language)),
    'app.quitCheck': async () => ({ ok: true, value: { queued: deps.unsynced() } }),
    'app.approveQuit': async ({ supervisorPin }) => {
      // Closing the till with sales it has not synced is a supervisor's call (as signing out is).
      const queued = deps.unsynced();
      if (queued > 0 && !(await deps.approve(supervisorPin))) return { ok: false, error: { code: 'unsynced_sales', message: SHIFT_MESSAGES.unsyncedSales(queued) } };
      deps.quitApproved();
      return { ok: true, value: {} };
    },
  };
}
