import type { CentralApi, CentralErrorCode, CentralResult, Page, SkippedItem } from './central-client.ts';
import { type CatalogChange, type ConfigChange, type PriceChange, type PromotionData, STREAMS, type StaffChange, type StreamSinkPort } from './ports.ts';

/** Items per page unless told otherwise: the reference server's most, fewer round trips for a big snapshot. */
export const DEFAULT_PAGE_SIZE = 5000;

export interface PullOptions {
  /** Items per page, default 5000 (the reference server's most): fewer round trips for a 1,000,000-product snapshot. */
  readonly pageSize?: number;
}

export interface PullSummary {
  readonly stream: string;
  readonly pages: number;
  readonly items: number;
  /** The stream was re-snapshotted (the server asked for a reset). */
  readonly reset: boolean;
  readonly error?: { readonly code: CentralErrorCode; readonly message: string };
  /** Items left out because they were not the contract (a lenient stream); the rest applied. */
  readonly skipped?: readonly SkippedItem[];
}

export type FetchPage<T> = (after: string | null, first: number) => Promise<CentralResult<Page<T>>>;

/**
 * Pulls a stream from the sink's cursor until the server has no more, handing each page and its
 * cursor to the sink (one transaction there). On resetRequired it starts over from null and the
 * first page tells the sink to clear the stream's data.
 */
export async function pullStream<T>(stream: string, fetchPage: FetchPage<T>, sink: StreamSinkPort<T>, options: PullOptions = {}): Promise<PullSummary> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  let after = sink.cursor(stream);
  let reset = false;
  let pages = 0;
  let items = 0;
  let resets = 0;
  const skipped: SkippedItem[] = [];
  const summary = (error?: PullSummary['error']): PullSummary => ({
    stream, pages, items, reset: resets > 0, ...(error ? { error } : {}), ...(skipped.length > 0 ? { skipped } : {}),
  });

  // The next page is requested before the current one is applied, so the server's work and the
  // store's transaction overlap (the bootstrap budget). The client never rejects; the catch only
  // keeps an abandoned prefetch (the sink threw) from being an unhandled rejection.
  let inFlight = fetchPage(after, pageSize);
  for (;;) {
    const reply = await inFlight;
    if (!reply.ok) return summary({ code: reply.code, message: reply.message });
    const page = reply.value;
    if (page.resetRequired) {
      // From null there is nothing to reset to: the server is not keeping the contract.
      if (after === null || resets > 0) return summary({ code: 'invalid_response', message: `the ${stream} stream asked for a reset from its start` });
      resets++;
      after = null;
      reset = true;
      inFlight = fetchPage(after, pageSize);
      continue;
    }
    if (page.hasMore && page.items.length === 0 && page.cursor === after) {
      return summary({ code: 'invalid_response', message: `the ${stream} stream does not advance` });
    }
    const next = page.hasMore ? fetchPage(page.cursor, pageSize) : null;
    next?.catch(() => undefined);
    // The fetch only builds its request in promise callbacks and writes it from the event loop: a
    // synchronous apply started at once would hold the request back until it ends, and the server
    // would idle while the till writes (measured: no overlap at all). One turn of the loop sends it.
    if (next) await new Promise<void>((resolve) => setImmediate(resolve));
    sink.applyPage(stream, page.items, page.cursor, reset);
    for (const item of page.skipped ?? []) {
      // In the log as well as the status: the item is behind the cursor now and comes again only when the centre changes it.
      console.warn(`sync: skipped an item of the ${stream} stream that is not the contract (${item.id ?? 'no id'}): ${item.reason}`);
      skipped.push(item);
    }
    reset = false;
    pages++;
    items += page.items.length;
    after = page.cursor;
    if (!next) {
      sink.caughtUp?.(stream);
      return summary();
    }
    inFlight = next;
  }
}

export function pullCatalog(client: CentralApi, sink: StreamSinkPort<CatalogChange>, options?: PullOptions): Promise<PullSummary> {
  return pullStream(STREAMS.catalog, (after, first) => client.catalogChanges(after, first), sink, options);
}

export function pullStaff(client: CentralApi, sink: StreamSinkPort<StaffChange>, options?: PullOptions): Promise<PullSummary> {
  return pullStream(STREAMS.staff, (after, first) => client.staffChanges(after, first), sink, options);
}

export function pullPrices(client: CentralApi, sink: StreamSinkPort<PriceChange>, options?: PullOptions): Promise<PullSummary> {
  return pullStream(STREAMS.price, (after, first) => client.priceChanges(after, first), sink, options);
}

export function pullPromotions(client: CentralApi, sink: StreamSinkPort<PromotionData>, options?: PullOptions): Promise<PullSummary> {
  return pullStream(STREAMS.promotion, (after, first) => client.promotionChanges(after, first), sink, options);
}

export function pullConfig(client: CentralApi, sink: StreamSinkPort<ConfigChange>, options?: PullOptions): Promise<PullSummary> {
  return pullStream(STREAMS.config, (after, first) => client.configChanges(after, first), sink, options);
}
