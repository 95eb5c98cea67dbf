import { createCentralClient } from '../../sync/central-client.ts';
import type { BackoffPolicy } from '../../sync/circuit.ts';
import { startSyncLoop, type StreamPull, type SyncStatus } from '../../sync/sync-loop.ts';
import type { SqliteCatalog } from '../store/catalog-repository.ts';
import type { SqliteOutbox } from '../store/outbox-repository.ts';
import type { SqliteStaff } from '../store/staff-repository.ts';
import type { QuarantinedMutationView, SyncStatusView } from '../api/contract.ts';

export interface SyncServiceOptions {
  readonly url: string;
  readonly token: string;
  readonly intervalMs: number;
  readonly outbox: SqliteOutbox;
  readonly catalog: SqliteCatalog;
  readonly staff: SqliteStaff;
  readonly onStatus: (status: SyncStatusView) => void;
  /** Further streams pulled each round (prices, promotions, configuration). */
  readonly streams?: readonly StreamPull[];
  readonly backoff?: BackoffPolicy;
  /** Per request to the central API, default 10 s. */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

export interface SyncService {
  status(): SyncStatusView;
  /** Push and pull now (after a sale's commit), rather than at the next poll; not while the circuit is open. */
  poke(): void;
  /** A manager pressed "sync now": close the circuit and run a round now. */
  syncNow(): SyncStatusView;
  quarantine(limit: number): QuarantinedMutationView[];
  stop(): Promise<void>;
}

/** The till's side of sync: the outbox pushed and the streams pulled, shown as one status. */
export function startSync(options: SyncServiceOptions): SyncService {
  const now = options.now ?? (() => new Date());
  const client = createCentralClient({ endpoint: options.url, token: options.token, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });
  const view = (s: SyncStatus): SyncStatusView => {
    const box = options.outbox.stats();
    const oldest = box.oldestQueuedAt === null ? NaN : Date.parse(box.oldestQueuedAt);
    return {
      online: s.online,
      queued: box.queued,
      oldestQueuedAt: box.oldestQueuedAt,
      lastPushAt: s.lastPushAt,
      lastPullAt: s.lastPullAt,
      quarantined: box.quarantined,
      lastError: s.lastError ? `${s.lastError.code}: ${s.lastError.message}` : null,
      since: s.since,
      circuit: s.circuit,
      nextAttemptAt: s.nextAttemptAt,
      // A sale stamped by a clock that was ahead would look younger than nothing: never below 0.
      oldestQueuedAgeS: Number.isNaN(oldest) ? null : Math.max(0, Math.floor((now().getTime() - oldest) / 1000)),
    };
  };
  const loop = startSyncLoop({
    client,
    outbox: options.outbox,
    sinks: { catalog: options.catalog, staff: options.staff },
    ...(options.streams ? { streams: options.streams } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    intervalMs: options.intervalMs,
    now,
    onStatus: (s) => options.onStatus(view(s)),
  });
  return {
    status: () => view(loop.status()),
    poke() {
      options.onStatus(view(loop.status()));
      loop.poke();
    },
    syncNow() {
      loop.syncNow();
      return view(loop.status());
    },
    quarantine: (limit) => options.outbox.quarantine(limit),
    stop: () => loop.stop(),
  };
}
