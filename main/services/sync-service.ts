import { createCentralClient } from '../../sync/central-client.ts';
import type { BackoffPolicy } from '../../sync/circuit.ts';
import { startPokeListener, type PokeListener } from '../../sync/poke-listener.ts';
import type { ConfigChange, PromotionData, StreamSinkPort } from '../../sync/ports.ts';
import { pullConfig, pullPrices, pullPromotions } from '../../sync/stream-puller.ts';
import { startSyncLoop, type StreamPull, type SyncStatus } from '../../sync/sync-loop.ts';
import type { SqlitePriceSchedule } from '../store/price-schedule-repository.ts';
import { type PromotionChange, parsePromotion } from '../store/promotion-repository.ts';
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
  /** The price stream's sink; due prices are switched every round, online or not. */
  readonly prices?: SqlitePriceSchedule;
  /** The promotions stream's sink (main/store's SqlitePromotions). */
  readonly promotions?: StreamSinkPort<PromotionChange>;
  /** The config stream's sink: the store's configuration and offline policies. */
  readonly config?: StreamSinkPort<ConfigChange>;
  /** Listen for the central API's pokes (SSE) and pull at once when one comes (default true). */
  readonly pokes?: boolean;
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

/**
 * The promotions stream carries rules as data; the store's schema decides what is a rule. One that
 * does not parse is not applied (any older version of it is removed): a bad document must not stop
 * the stream, and a half-understood promotion must not price a sale.
 */
export function promotionSink(sink: StreamSinkPort<PromotionChange>): StreamSinkPort<PromotionData> {
  return {
    cursor: (stream) => sink.cursor(stream),
    applyPage(stream, items, cursor, reset) {
      const changes = items.map((item): PromotionChange => {
        if (item.deleted) return { id: item.id, deleted: true, promotion: null };
        const parsed = parsePromotion(item.document);
        return { id: item.id, deleted: false, promotion: parsed.ok ? parsed.promotion : null };
      });
      sink.applyPage(stream, changes, cursor, reset);
    },
  };
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
      skipped: s.skipped.map((w) => ({ stream: w.stream, id: w.id, reason: w.reason, at: w.at })),
    };
  };
  const streams: StreamPull[] = [...(options.streams ?? [])];
  const { prices, promotions } = options;
  if (prices) streams.push(() => pullPrices(client, prices));
  if (promotions) {
    const sink = promotionSink(promotions);
    streams.push(() => pullPromotions(client, sink));
  }
  const { config } = options;
  if (config) streams.push(() => pullConfig(client, config));
  const loop = startSyncLoop({
    client,
    outbox: options.outbox,
    sinks: { catalog: options.catalog, staff: options.staff },
    streams,
    ...(options.backoff ? { backoff: options.backoff } : {}),
    intervalMs: options.intervalMs,
    now,
    onStatus: (s) => {
      // Every round, reached or not: a price whose instant came switches offline too.
      try {
        prices?.activateDue();
      } catch {
        // The next round tries again; the scan path keeps the price it has.
      }
      options.onStatus(view(s));
    },
  });
  const pokes: PokeListener | null =
    options.pokes === false ? null : startPokeListener({ endpoint: options.url, token: options.token, onPoke: () => loop.poke() });
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
    async stop() {
      await pokes?.stop();
      await loop.stop();
    },
  };
}
