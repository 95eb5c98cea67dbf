import { z } from 'zod';
import { backoffDelay, type BackoffPolicy } from './circuit.ts';

/**
 * Listens for the central API's pokes (a GraphQL subscription served as server-sent events) and
 * calls `onPoke` for each. Node 20 has no EventSource: the stream is read with fetch. A poke only
 * hurries the next pull; polling stays the truth, so a lost connection is retried quietly with
 * backoff and missed pokes cost nothing but a little delay.
 */
export interface PokeListenerOptions {
  readonly endpoint: string;
  readonly token: string;
  readonly onPoke: (poke: { readonly stream: string; readonly at: string }) => void;
  /** Told when the event stream connects (true) or drops (false). */
  readonly onConnection?: (connected: boolean) => void;
  readonly backoff?: BackoffPolicy;
  readonly fetch?: typeof fetch;
}

export interface PokeListener {
  stop(): Promise<void>;
}

export const POKE_SUBSCRIPTION = 'subscription SyncPoke { syncPoke { stream at } }';

const pokeEvent = z.object({ data: z.object({ syncPoke: z.object({ stream: z.string(), at: z.string() }) }) });

/** Splits an SSE byte stream into events' data fields (joined by newlines, as the spec says). */
export function* sseEvents(buffer: { text: string }): Generator<{ event: string; data: string }> {
  for (;;) {
    const end = buffer.text.search(/\r?\n\r?\n/);
    if (end < 0) return;
    const block = buffer.text.slice(0, end);
    buffer.text = buffer.text.slice(end).replace(/^\r?\n\r?\n/, '');
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) continue; // a keep-alive comment
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) yield { event, data: data.join('\n') };
  }
}

export function startPokeListener(options: PokeListenerOptions): PokeListener {
  const doFetch = options.fetch ?? fetch;
  const abort = new AbortController();
  let failures = 0;

  async function listenOnce(): Promise<void> {
    const res = await doFetch(options.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${options.token}` },
      body: JSON.stringify({ query: POKE_SUBSCRIPTION }),
      signal: abort.signal,
    });
    if (!res.ok || !res.body || !(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      await res.body?.cancel();
      throw new Error(`no event stream (HTTP ${res.status})`);
    }
    failures = 0;
    options.onConnection?.(true);
    const decoder = new TextDecoder();
    const buffer = { text: '' };
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer.text += decoder.decode(value, { stream: true });
      for (const e of sseEvents(buffer)) {
        if (e.event === 'complete') return;
        if (e.event !== 'next' && e.event !== 'message') continue;
        let json: unknown;
        try {
          json = JSON.parse(e.data);
        } catch {
          continue; // garbage is not a poke
        }
        const poke = pokeEvent.safeParse(json);
        if (poke.success) options.onPoke(poke.data.data.syncPoke);
      }
    }
  }

  const running = (async () => {
    while (!abort.signal.aborted) {
      try {
        await listenOnce();
      } catch {
        // Unreachable, refused, dropped: polling carries on; try again later.
      }
      if (abort.signal.aborted) break;
      options.onConnection?.(false);
      failures++;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, backoffDelay(failures, options.backoff ?? { baseMs: 1000, maxMs: 30_000 }));
        abort.signal.addEventListener('abort', () => {
          clearTimeout(t);
          resolve();
        }, { once: true });
      });
    }
  })();

  return {
    async stop() {
      abort.abort();
      await running;
    },
  };
}
