import { z } from 'zod';
import type { Catalog } from '../core/ports.ts';
import type { MethodOutput } from '../api/contract.ts';

/**
 * Quick keys: buttons for what has no barcode to scan (a carrier bag, a shopping bag, a stem of
 * flowers, goods weighed out by the scoop). Each names a catalog code (an in-store PLU) and has
 * its own number key 1-9 in the panel. till.json's `quickKeys` is the till's own panel; the
 * store's `lane.quickKeys` config key (set centrally) replaces it for every till of the store.
 */
export const quickKeySchema = z.object({
  key: z.number().int().min(1).max(9),
  barcode: z.string().regex(/^[0-9A-Za-z]{1,14}$/, 'a quick key names a catalog code (digits or letters, up to 14)'),
  /** Shown when the catalog does not know the code (yet): the key is then disabled. */
  label: z.record(z.string(), z.string()).optional(),
});

export const quickKeysSchema = z
  .array(quickKeySchema)
  .max(9)
  .refine((keys) => new Set(keys.map((k) => k.key)).size === keys.length, 'each number key 1-9 is used once');

export type QuickKeyConfig = z.output<typeof quickKeySchema>;

export const QUICK_KEYS_CONFIG_KEY = 'lane.quickKeys';

/** The panel in force: the store's when it is a valid panel, else the till's own. */
export function quickKeysOf(storeValue: unknown, tillKeys: readonly QuickKeyConfig[]): readonly QuickKeyConfig[] {
  if (storeValue === undefined || storeValue === null) return tillKeys;
  const parsed = quickKeysSchema.safeParse(storeValue);
  if (!parsed.success) {
    console.warn(`the store's ${QUICK_KEYS_CONFIG_KEY} is not a valid quick key panel; the till's own applies: ${parsed.error.issues[0]?.message ?? ''}`);
    return tillKeys;
  }
  return parsed.data;
}

/** The panel as the lane shows it: each key with the catalog's name and price, by key number. */
export function quickKeyViews(keys: readonly QuickKeyConfig[], catalog: Catalog, currency: string): MethodOutput<'quickKeys.list'> {
  return [...keys]
    .sort((a, b) => a.key - b.key)
    .map((k) => {
      const product = catalog.findByBarcode(k.barcode);
      return { key: k.key, barcode: k.barcode, name: product ? { ...product.name } : { ...(k.label ?? { ko: k.barcode }) }, price: product?.price ?? null, currency: product?.currency ?? currency };
    });
}
