import { z } from 'zod';
import { readFileSync } from 'node:fs';
import type { TillIdentity } from '../core/ports.ts';
import { KOREAN_VAT, type TaxRules } from '../core/tax.ts';
import { DEFAULT_DISCOUNT_LIMITS } from '../core/discount-limit.ts';
import { DEFAULT_IN_STORE_LAYOUTS } from '../core/in-store-code.ts';
import { DEFAULT_RETURN_POLICY } from '../core/returns/return-policy.ts';
import { returnPolicySchema } from './return-policy-config.ts';
import { kioskConfigSchema } from './kiosk-config.ts';
import { quickKeysSchema } from './quick-keys.ts';

/**
 * A till's configuration: who it is, where its central API is, which devices it drives.
 * Locale, currency and tax rules are configuration, not code.
 */
const wedgeSuffix = z.union([z.enum(['enter', 'tab', 'none']), z.object({ chars: z.string().min(1).max(8) }).strict()]);

const endpoint = z.string().regex(/^[a-z]+:\/\/.+/, 'a device endpoint is a URL such as tcp://127.0.0.1:9100');

export const tillConfigSchema = z.object({
  identity: z.object({
    storeId: z.string().min(1),
    storeCode: z.string().regex(/^\d{4}$/),
    storeName: z.string().min(1),
    tillId: z.string().min(1),
    tillNumber: z.string().regex(/^\d{2}$/),
    timeZone: z.string().min(1),
    currency: z.string().length(3),
    /** ISO 4217 numeric code, for card terminals. */
    currencyNumeric: z.number().int().positive().default(410),
    locale: z.string().min(2),
    businessNumber: z.string(),
    address: z.string(),
    phone: z.string(),
    /** 대표자: the business's representative, printed on the receipt under the registration number. */
    representative: z.string().max(40).default(''),
  }),
  /** What this till is for (DESIGN.md section 5): a cashier's lane, a self-checkout kiosk, a pickup desk, or a price checker. */
  role: z.enum(['lane', 'kiosk', 'pickup', 'price-checker']).default('lane'),
  central: z.object({ url: z.url(), token: z.string().min(8), pollIntervalMs: z.number().int().positive().default(2000) }),
  devices: z
    .object({
      /** The printer's URL, or the URL with how it prints: `raster` (bitmaps only, no printer font needed), `logo` (a PNG file printed on top). */
      printer: endpoint.or(z.object({ url: endpoint, raster: z.boolean().default(false), logo: z.string().min(1).optional() }).strict()).optional(),
      scanner: endpoint.optional(),
      payment: endpoint.optional(),
      display: endpoint.optional(),
    })
    .default({}),
  /** Manual discounts and price overrides each role may give without a supervisor, in basis points. */
  discountLimits: z.record(z.string(), z.number().int().min(0).max(10000)).default({ ...DEFAULT_DISCOUNT_LIMITS }),
  /**
   * The keyboard-wedge scanner: longest pause between two keys of one scan, the prefix it is
   * programmed to send, and its suffix: "enter" (default), "tab", "none" (a pause ends the scan)
   * or { "chars": "#" }.
   */
  wedge: z
    .object({ interKeyMs: z.number().int().min(5).max(500), prefix: z.string().max(8), suffix: wedgeSuffix.default('enter') })
    .default({ interKeyMs: 50, prefix: '', suffix: 'enter' }),
  /** The store's scale label layouts (in-store EAN-13 prefixes 02, 20-29). */
  inStoreCodes: z
    .array(z.object({ prefixes: z.array(z.string().regex(/^\d{2}$/)).min(1), itemDigits: z.number().int().min(1), valueDigits: z.number().int().min(1), value: z.enum(['price', 'weight']) }))
    .default(DEFAULT_IN_STORE_LAYOUTS.map((l) => ({ ...l, prefixes: [...l.prefixes] }))),
  /** Self-checkout: idle times, item limit, cash, digital receipts (only read when role is 'kiosk'). */
  kiosk: kioskConfigSchema,
  /** The lane's quick keys for unbarcoded items (Alt+Q; main/services/quick-keys.ts). */
  quickKeys: quickKeysSchema.default([]),
  /** Categories whose products need the customer's age confirmed. */
  ageRestrictedCategories: z.array(z.string()).default(['alcohol', 'tobacco']),
  /** The return policy (main/core/returns/return-policy.ts): days per category, what must come back unopened, receipt-less returns. */
  returnPolicy: returnPolicySchema.default(structuredClone(DEFAULT_RETURN_POLICY) as { defaultDays: number; daysByCategory: Record<string, number>; unopenedOnly: string[]; noReturn: string[]; receiptless: { allowed: boolean; lookbackDays: number } }),
  tax: z
    .object({
      pricesIncludeTax: z.boolean(),
      classes: z.record(z.string(), z.object({ rateBps: z.number().int().min(0).max(10000) })),
      rounding: z.enum(['floor', 'half-up']),
    })
    .default(KOREAN_VAT as { pricesIncludeTax: boolean; classes: Record<string, { rateBps: number }>; rounding: 'floor' | 'half-up' }),
});

export type TillConfig = z.output<typeof tillConfigSchema>;
export type TillConfigInput = z.input<typeof tillConfigSchema>;

export function parseTillConfig(value: unknown): TillConfig {
  const parsed = tillConfigSchema.safeParse(value);
  if (!parsed.success) throw new Error(`till configuration is not valid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function readTillConfig(file: string): TillConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read the till configuration ${file}: ${(e as Error).message}`);
  }
  return parseTillConfig(raw);
}

export const taxRulesOf = (c: TillConfig): TaxRules => c.tax;
