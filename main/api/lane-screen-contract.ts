/**
 * The lane screen's part of the contract (spread into contract.ts): suspended sales across the
 * store's tills, the keypad's quantity for the next item, quick keys for unbarcoded items and the
 * customer's receipt language.
 */
import { z } from 'zod';

const empty = z.object({}).strict();
const localizedText = z.record(z.string(), z.string());

export const suspendedEntryView = z.object({
  saleId: z.string(),
  staffId: z.string(),
  suspendedAt: z.string(),
  total: z.number().int(),
  itemCount: z.number().int(),
  /** The till that suspended it ("01"). */
  tillNumber: z.string(),
  /** Suspended at this till. */
  here: z.boolean(),
});

/** A quick key: a button (and its number key 1-9) that rings an unbarcoded item (a bag, flowers, bulk goods). */
export const quickKeyView = z.object({
  key: z.number().int().min(1).max(9),
  barcode: z.string(),
  /** As the catalog names it (the configured label when the catalog does not know it). */
  name: localizedText,
  /** The catalog's price; null when the catalog does not know the code (the key is shown disabled). */
  price: z.number().int().nullable(),
  currency: z.string(),
});

export const laneScreenMethods = {
  /** The store's suspended sales: this till's, and (online) the other tills' not yet resumed; offline only this till's. */
  'sale.suspendedInStore': { input: empty, output: z.object({ offline: z.boolean(), sales: z.array(suspendedEntryView) }) },
  /** The keypad's `3 *`: the next item rung (by any scanner, search or quick key) rings this many; null clears it. */
  'sale.nextQuantity': {
    input: z.object({ quantity: z.number().int().min(1).max(999).nullable() }).strict(),
    output: z.object({ quantity: z.number().int().nullable() }),
  },
  /** The quick keys panel (Alt+Q), as configured for this till or store. */
  'quickKeys.list': { input: empty, output: z.array(quickKeyView) },
  /** The customer's receipt language for this sale (Alt+L): Korean or English. */
  'sale.receiptLanguage': { input: z.object({ language: z.enum(['ko', 'en']) }).strict(), output: z.object({ language: z.enum(['ko', 'en']) }) },
  /** Electron asks before closing the app: how much the host has not pushed yet. */
  'app.quitCheck': { input: empty, output: z.object({ queued: z.number().int() }) },
  /** Closing with unsynced sales: a supervisor's PIN (else unsynced_sales); the shell hears app.quitApproved and closes. */
  'app.approveQuit': { input: z.object({ supervisorPin: z.string().regex(/^\d{4,8}$/).optional() }).strict(), output: z.object({}) },
} as const;

export const laneScreenEvents = {
  /** The quantity waiting for the next item (the keypad's `3 *`), null when none. */
  'sale.nextQuantity': z.object({ quantity: z.number().int().nullable() }),
  /** From the Electron shell (the preload), never the host: the app is closing with sales not synced. */
  'app.quitRequested': z.object({ queued: z.number().int() }),
  /** A supervisor approved closing the app: the shell closes it. */
  'app.quitApproved': z.object({}),
} as const;
