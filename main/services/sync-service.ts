import { createCentralClient } from '../../sync/central-client.ts';
import { startSyncLoop, type SyncStatus } from '../../sync/sync-loop.ts';
import type { SqliteCatalog } from '../store/catalog-repository.ts';
import type { SqliteOutbox } from '../store/outbox-repository.ts';
import type { SqliteStaff } from '../store/staff-repository.ts';
import type { SyncStatusView } from '../api/contract.ts';

export interface SyncServiceOptions {
  readonly url: string;
  readonly token: string;
  readonly intervalMs: number;
  readonly outbox: SqliteOutbox;
  readonly catalog: SqliteCatalog;
  readonly staff: SqliteStaff;
  readonly onStatus: (status: SyncStatusView) => void;
}

export interface SyncService {
  status(): SyncStatusView;
  /** Push and pull now (after a sale's commit), rather than at the next poll. */
  poke(): void;
  stop(): Promise<void>;
}

/** The till's side of sync: the outbox pushed and the catalog and staff streams pulled, shown as one status. */
export function startSync(options: SyncServiceOptions): SyncService {
  const client = createCentralClient({ endpoint: options.url, token: options.token });
  const view = (s: SyncStatus): SyncStatusView => {
    const box = options.outbox.stats();
    return {
      online: s.online,
      queued: box.queued,
      oldestQueuedAt: box.oldestQueuedAt,
      lastPushAt: s.lastPushAt,
      lastPullAt: s.lastPullAt,
      quarantined: box.quarantined,
      lastError: s.lastError ? `${s.lastError.code}: ${s.lastError.message}` : null,
    };
  };
  const loop = startSyncLoop({
    client,
    outbox: options.outbox,
    sinks: { catalog: options.catalog, staff: options.staff },
    intervalMs: options.intervalMs,
    onStatus: (s) => options.onStatus(view(s)),
  });
  return {
    status: () => view(loop.status()),
    poke() {
      options.onStatus(view(loop.status()));
      loop.poke();
    },
    stop: () => loop.stop(),
  };
}
