import type { Product } from '../core/product.ts';
import type { Result } from '../core/result.ts';
import type { CentralResult } from '../../sync/central-client.ts';
import type { StockLookup } from '../../sync/stock-client.ts';

/** What the till shows of one store's stock. */
export interface StockLevelLine {
  readonly storeId: string;
  readonly storeName: string;
  readonly onHand: number;
  readonly location: string | null;
  readonly distanceKm: number;
}

export interface StockAnswer {
  readonly barcode: string;
  /** The product as this till's catalog names it; null when the till does not know the barcode. */
  readonly name: Record<string, string> | null;
  readonly here: StockLevelLine | null;
  readonly nearby: StockLevelLine[];
}

export type StockErrorCode = 'central_offline' | 'central_error';

export const STOCK_MESSAGES = {
  offline: (detail: string) => `stock lookup needs the central API, which cannot be reached now (${detail}); this till keeps no stock figures`,
  failed: (detail: string) => `the central API could not answer the stock lookup: ${detail}`,
} as const;

interface Options {
  readonly lookup: (barcode: string, radiusKm: number) => Promise<CentralResult<StockLookup>>;
  readonly findByBarcode: (barcode: string) => Product | undefined;
  /** How far "nearby" reaches, in km. */
  readonly radiusKm?: number;
}

/**
 * Stock here and in nearby stores, asked of the central API when a customer asks. Stock changes
 * by the minute, so the till keeps no copy: offline, the answer is a clear "not now", never a
 * stale figure.
 */
export class StockService {
  constructor(private readonly options: Options) {}

  async lookup(barcode: string): Promise<Result<StockAnswer, StockErrorCode>> {
    const r = await this.options.lookup(barcode, this.options.radiusKm ?? 10);
    if (!r.ok) {
      const offline = r.code === 'unreachable' || r.code === 'timeout' || r.code === 'http_5xx';
      return offline ? { ok: false, code: 'central_offline', message: STOCK_MESSAGES.offline(r.message) } : { ok: false, code: 'central_error', message: STOCK_MESSAGES.failed(r.message) };
    }
    const line = (l: StockLookup['nearby'][number]): StockLevelLine => ({ storeId: l.storeId, storeName: l.storeName, onHand: l.onHand, location: l.location, distanceKm: l.distanceKm });
    const product = this.options.findByBarcode(barcode);
    return {
      ok: true,
      value: { barcode, name: product ? { ...product.name } : null, here: r.value.here ? line(r.value.here) : null, nearby: r.value.nearby.map(line) },
    };
  }
}
