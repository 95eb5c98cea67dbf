import type { CentralApi } from './central-client.ts';
import { type PushErrorCode, type PushSummary, pushOutbox } from './outbox-pusher.ts';
import type { CatalogChange, OutboxPort, StaffChange, StreamSinkPort } from './ports.ts';
import { type PullSummary, pullCatalog, pullStaff } from './stream-puller.ts';

export type SyncErrorCode = PushErrorCode | 'internal';

export interface SyncStatus {
  /** The last round reached the central API and got answers (no unreachable, timeout or 5xx). */
  readonly online: boolean;
  /** When the outbox was last pushed empty without error. */
  readonly lastPushAt: string | null;
  /** When every stream was last pulled to its end without error. */
  readonly lastPullAt: string | null;
  /** The last round's first error; null after a clean round. */
  readonly lastError: { readonly code: SyncErrorCode; readonly message: string; readonly at: string } | null;
  readonly lastPush: PushSummary | null;
}

export interface SyncLoopOptions {
  readonly client: CentralApi;
  readonly outbox: OutboxPort;
  readonly sinks: { readonly catalog: StreamSinkPort<CatalogChange>; readonly staff: StreamSinkPort<StaffChange> };
  /** Between rounds, default 2000 ms. Polling is the truth; poke() only hurries it. */
  readonly intervalMs?: number;
  readonly batchSize?: number;
  readonly pageSize?: number;
  readonly onStatus?: (status: SyncStatus) => void;
  readonly now?: () => Date;
}

export interface SyncLoop {
  /** Run a round now (after the one in progress, if any). */
  poke(): void;
  status(): SyncStatus;
  /** Resolves when the round in progress (if any) has finished; no round starts afterwards. */
  stop(): Promise<void>;
}

const OFFLINE: ReadonlySet<SyncErrorCode> = new Set(['unreachable', 'timeout', 'http_5xx']);

/** Push, then pull, on a timer and on poke(). Never throws out of the loop: errors become status. */
export function startSyncLoop(options: SyncLoopOptions): SyncLoop {
  const intervalMs = options.intervalMs ?? 2000;
  const now = options.now ?? (() => new Date());
  let state: SyncStatus = { online: false, lastPushAt: null, lastPullAt: null, lastError: null, lastPush: null };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function round(): Promise<void> {
    const errors: { code: SyncErrorCode; message: string }[] = [];
    let reached = true;
    const push = await pushOutbox(options.client, options.outbox, { batchSize: options.batchSize ?? 100 });
    state = { ...state, lastPush: push };
    if (push.error) {
      errors.push(push.error);
      if (OFFLINE.has(push.error.code)) reached = false;
    } else {
      state = { ...state, lastPushAt: now().toISOString() };
    }
    // No point pulling from a server the push could not reach; the next round tries both again.
    if (reached) {
      const pulls: PullSummary[] = [];
      const pageSize = options.pageSize !== undefined ? { pageSize: options.pageSize } : {};
      pulls.push(await pullCatalog(options.client, options.sinks.catalog, pageSize));
      pulls.push(await pullStaff(options.client, options.sinks.staff, pageSize));
      const failed = pulls.filter((p) => p.error);
      for (const p of failed) if (p.error) errors.push(p.error);
      if (failed.some((p) => p.error && OFFLINE.has(p.error.code))) reached = false;
      if (failed.length === 0) state = { ...state, lastPullAt: now().toISOString() };
    }
    const first = errors[0];
    state = { ...state, online: reached, lastError: first ? { ...first, at: now().toISOString() } : null };
  }

  function report(): void {
    try {
      options.onStatus?.(state);
    } catch {
      // A listener's fault must not stop the till syncing.
    }
  }

  async function tick(): Promise<void> {
    timer = null;
    if (stopped) return;
    current = round().catch((error: unknown) => {
      state = { ...state, lastError: { code: 'internal', message: error instanceof Error ? error.message : String(error), at: now().toISOString() } };
    });
    await current;
    current = null;
    report();
    if (stopped) return;
    const delay = again ? 0 : intervalMs;
    again = false;
    timer = setTimeout(() => void tick(), delay);
  }

  timer = setTimeout(() => void tick(), 0);

  return {
    poke() {
      if (stopped) return;
      if (current) {
        again = true;
        return;
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void tick(), 0);
    },
    status: () => state,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
