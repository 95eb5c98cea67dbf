import { z } from 'zod';
import type { CentralCall, CentralResult } from './central-client.ts';
import { operations } from './operations.ts';

/** One store's stock of a product, as the central API tells it. */
export interface StockLevel {
  readonly storeId: string;
  readonly storeName: string;
  readonly onHand: number;
  readonly location: string | null;
  readonly distanceKm: number;
  readonly updatedAt: string;
}

export interface StockLookup {
  readonly barcode: string;
  /** Null when the central catalog does not know the barcode. */
  readonly productId: string | null;
  readonly here: StockLevel | null;
  readonly nearby: readonly StockLevel[];
}

const level = z.object({
  storeId: z.string().min(1),
  storeName: z.string(),
  onHand: z.number().int(),
  location: z.string().nullish().transform((v) => v ?? null),
  distanceKm: z.number().nonnegative(),
  updatedAt: z.string(),
});
const reply = z.object({
  stockLevels: z.object({
    barcode: z.string(),
    productId: z.string().nullish().transform((v) => v ?? null),
    here: level.nullish().transform((v) => v ?? null),
    nearby: z.array(level),
  }),
});

/** Stock is online-only: asked when a customer asks, never kept on the till. */
export function createStockClient(call: CentralCall) {
  return {
    async lookup(barcode: string, radiusKm: number): Promise<CentralResult<StockLookup>> {
      const r = await call(operations.stockLevels, { barcode, radiusKm }, reply);
      return r.ok ? { ok: true, value: r.value.stockLevels } : r;
    },
  };
}
