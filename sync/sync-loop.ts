import type { CentralApi, SkippedItem } from './central-client.ts';
import { type BackoffPolicy, type CircuitState, createCircuit } from './circuit.ts';
import { type PushErrorCode, type PushSummary, pushOutbox } from './outbox-pusher.ts';
import type { CatalogChange, OutboxPort, StaffChange, StreamSinkPort } from './ports.ts';
import { type PullSummary, pullCatalog, pullStaff } from './stream-puller.ts';

export type SyncErrorCode = PushErrorCode | 'internal';

export interface SyncStatus {
  /** The last round reached the central API and got answers (no unreachable, timeout or 5xx). */
  readonly online: boolean;
  /** Since when `online` has been what it is (the loop's start while it has never been reached); null before the first round. */
  readonly since: string | null;
  /** closed: syncing normally; open: the central API is not called until nextAttemptAt; half-open: probing. */
  readonly circuit: CircuitState;
  /** Failed rounds in a row. */
  readonly failures: number;
  /** When the next round is due (after a failure: the backoff's end). */
  readonly nextAttemptAt: string | null;
  /** When the outbox was last pushed empty without error. */
  readonly lastPushAt: string | null;
  /** When every stream was last pulled to its end without error. */
  readonly lastPullAt: string | null;
  /** The last round's first error; null after a clean round. */
  readonly lastError: { readonly code: SyncErrorCode; readonly message: string; readonly at: string } | null;
  readonly lastPush: PushSummary | null;
  /** Stream items left out as not the contract (newest first, the last SKIPPED_KEPT): a warning for the back office. */
  readonly skipped: readonly SkippedWarning[];
}

/** A stream item skipped by a pull: which stream, which item, why, when. */
export interface SkippedWarning extends SkippedItem {
  readonly stream: string;
  readonly at: string;
}

/** Skipped items the status keeps (the log has every one). */
export const SKIPPED_KEPT = 20;

/** A further stream to pull each round after catalog and staff (prices, promotions, configuration...). */
export type StreamPull = () => Promise<PullSummary>;

export interface SyncLoopOptions {
  readonly client: CentralApi;
  readonly outbox: OutboxPort;
  readonly sinks: { readonly catalog: StreamSinkPort<CatalogChange>; readonly staff: StreamSinkPort<StaffChange> };
  readonly streams?: readonly StreamPull[];
  /** Between rounds, default 2000 ms. Polling is the truth; poke() only hurries it. */
  readonly intervalMs?: number;
  readonly batchSize?: number;
  readonly pageSize?: number;
  /** Retry waits and the circuit (defaults: 1 s doubling to 60 s, open after 3 failures). */
  readonly backoff?: BackoffPolicy;
  readonly onStatus?: (status: SyncStatus) => void;
  /** The wall clock, for the times shown to people. */
  readonly now?: () => Date;
  /** A monotonic clock in ms, for waits (default performance.now): immune to the wall clock being set. */
  readonly monotonic?: () => number;
}

export interface SyncLoop {
  /** Run a round now (after the one in progress, if any), unless the circuit is open. */
  poke(): void;
  /** A person asked for a sync: close the circuit and run a round now. */
  syncNow(): void;
  status(): SyncStatus;
  /** Resolves when the round in progress (if any) has finished; no round starts afterwards. */
  stop(): Promise<void>;
}

const OFFLINE: ReadonlySet<SyncErrorCode> = new Set(['unreachable', 'timeout', 'http_5xx']);

/**
 * Push, then pull, on a timer and on poke(). Never throws out of the loop: errors become status.
 * A round that cannot reach the server (unreachable, timeout, 5xx) backs off with jitter, and after
 * a few in a row the circuit opens: pokes (a sale committed) do not call a dead server; the sale
 * waits in the outbox, and the next probe goes out when the backoff says.
 */
export function startSyncLoop(options: SyncLoopOptions): SyncLoop {
  const intervalMs = options.intervalMs ?? 2000;
  const now = options.now ?? (() => new Date());
  const mono = options.monotonic ?? (() => performance.now());
  const circuit = createCircuit(options.backoff);
  const startedAt = now().toISOString();
  let state: SyncStatus = {
    online: false, since: null, circuit: 'closed', failures: 0, nextAttemptAt: null,
    lastPushAt: null, lastPullAt: null, lastError: null, lastPush: null, skipped: [],
  };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  /** How long after this round the next one starts. */
  let nextDelay = intervalMs;

  async function round(): Promise<void> {
    if (!circuit.allow(mono())) {
      nextDelay = Math.max(0, (circuit.retryAt ?? mono()) - mono());
      return;
    }
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
      for (const pull of options.streams ?? []) pulls.push(await pull());
      const at = now().toISOString();
      const skipped = pulls.flatMap((p) => (p.skipped ?? []).map((item) => ({ ...item, stream: p.stream, at })));
      if (skipped.length > 0) state = { ...state, skipped: [...skipped.reverse(), ...state.skipped].slice(0, SKIPPED_KEPT) };
      const failed = pulls.filter((p) => p.error);
      for (const p of failed) if (p.error) errors.push(p.error);
      if (failed.some((p) => p.error && OFFLINE.has(p.error.code))) reached = false;
      if (failed.length === 0) state = { ...state, lastPullAt: now().toISOString() };
    }
    if (reached) {
      circuit.succeed();
      nextDelay = intervalMs;
    } else {
      nextDelay = circuit.fail(mono());
    }
    const first = errors[0];
    const changed = state.since === null || state.online !== reached;
    const since = changed ? (state.since === null && !reached ? startedAt : now().toISOString()) : state.since;
    state = { ...state, online: reached, since, lastError: first ? { ...first, at: now().toISOString() } : null };
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
      nextDelay = intervalMs;
      state = { ...state, lastError: { code: 'internal', message: error instanceof Error ? error.message : String(error), at: now().toISOString() } };
    });
    await current;
    current = null;
    if (stopped) return;
    const delay = again && circuit.state !== 'open' ? 0 : nextDelay;
    again = false;
    state = { ...state, circuit: circuit.state, failures: circuit.failures, nextAttemptAt: new Date(now().getTime() + delay).toISOString() };
    report();
    timer = setTimeout(() => void tick(), delay);
  }

  timer = setTimeout(() => void tick(), 0);

  function hurry(): void {
    if (stopped) return;
    if (current) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), 0);
  }

  return {
    poke() {
      // While the circuit is open a poke changes nothing: the sale is safe in the outbox.
      if (circuit.state === 'open' && (circuit.retryAt ?? 0) > mono()) return;
      hurry();
    },
    syncNow() {
      circuit.reset();
      hurry();
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
