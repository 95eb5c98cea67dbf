/**
 * When the central API is unreachable, the till keeps selling and stops hammering it: each failed
 * round waits longer (exponential backoff with full jitter, so a store's tills do not retry in step),
 * and after `threshold` failures in a row the circuit opens: no call at all until the wait is over,
 * then one probing round (half-open) decides whether it closes again.
 * Times are monotonic milliseconds (performance.now()), never the wall clock: a till clock set
 * hours wrong, or corrected while offline, must not hold the circuit open.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface BackoffPolicy {
  /** The first retry's ceiling, default 1000 ms. */
  readonly baseMs?: number;
  /** The longest wait between tries, default 60 000 ms. */
  readonly maxMs?: number;
  /** Failures in a row that open the circuit, default 3. */
  readonly threshold?: number;
  /** A number in [0, 1); Math.random by default (tests pass their own). */
  readonly random?: () => number;
}

/**
 * Equal jitter: a uniform wait in [c/2, c], c = min(max, base * 2^(failures - 1)). Half of it is
 * random so tills that failed together spread out; the other half guarantees the wait grows.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy = {}): number {
  const base = policy.baseMs ?? 1000;
  const max = policy.maxMs ?? 60_000;
  const random = policy.random ?? Math.random;
  if (failures <= 0) return 0;
  const ceiling = Math.min(max, base * 2 ** Math.min(failures - 1, 30));
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

export interface Circuit {
  readonly state: CircuitState;
  /** Failures in a row since the last success. */
  readonly failures: number;
  /** While open: the instant (ms since epoch) from which one probe is allowed. */
  readonly retryAt: number | null;
  /** May a round call the server at `now`? Moves open -> half-open when the wait is over. */
  allow(now: number): boolean;
  /** The server answered: closed again. */
  succeed(): void;
  /** The server could not be reached (or failed with 5xx / timeout). Returns how long to wait. */
  fail(now: number): number;
  /** A person asked to sync now: forget the failures (the next round is a real try). */
  reset(): void;
}

export function createCircuit(policy: BackoffPolicy = {}): Circuit {
  const threshold = policy.threshold ?? 3;
  let state: CircuitState = 'closed';
  let failures = 0;
  let retryAt: number | null = null;
  return {
    get state() {
      return state;
    },
    get failures() {
      return failures;
    },
    get retryAt() {
      return retryAt;
    },
    allow(now) {
      if (state !== 'open') return true;
      if (retryAt !== null && now >= retryAt) {
        state = 'half-open';
        return true;
      }
      return false;
    },
    succeed() {
      state = 'closed';
      failures = 0;
      retryAt = null;
    },
    fail(now) {
      failures++;
      const wait = backoffDelay(failures, policy);
      // A failed probe opens it again at once; below the threshold it stays closed but still backs off.
      if (state === 'half-open' || failures >= threshold) {
        state = 'open';
        retryAt = now + wait;
      }
      return wait;
    },
    reset() {
      state = 'closed';
      failures = 0;
      retryAt = null;
    },
  };
}
