import { z } from 'zod';
import { DEFAULT_KIOSK_POLICY } from '../core/kiosk/kiosk-session.ts';

const DEFAULT_PICKUP_WAIT_AT = { ko: '셀프 계산대 옆 픽업 대기석', en: 'the pickup seats next to the self-checkouts' } as const;

/** A kiosk's configuration (till.json "kiosk", all optional): idle times, the item limit, cash, digital receipts. */
export const kioskConfigSchema = z
  .object({
    idleWarnMs: z.number().int().min(1000).max(3_600_000).default(DEFAULT_KIOSK_POLICY.idleWarnMs),
    idleResetMs: z.number().int().min(2000).max(3_600_000).default(DEFAULT_KIOSK_POLICY.idleResetMs),
    maxItems: z.number().int().min(1).max(999).default(DEFAULT_KIOSK_POLICY.maxItems),
    /** No cash at a kiosk unless a cash module is fitted. */
    cash: z.boolean().default(false),
    /** Where customers open digital receipts; defaults to the central server's origin. */
    receiptBaseUrl: z.url().optional(),
    /** The customer's languages, the first one the default (the screens have ko and en today). */
    languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1).default(['ko', 'en']),
    /** Where a customer collecting an online order waits for staff to bring it, per language. */
    pickupWaitAt: z.record(z.string(), z.string().min(1)).default({ ...DEFAULT_PICKUP_WAIT_AT }),
    /** Categories a customer picks from the picture grid (items often without a barcode to scan). */
    looseCategories: z.array(z.string().min(1)).default(['produce', 'bread']),
  })
  .refine((k) => k.idleResetMs > k.idleWarnMs, 'idleResetMs must be longer than idleWarnMs')
  .default({ idleWarnMs: DEFAULT_KIOSK_POLICY.idleWarnMs, idleResetMs: DEFAULT_KIOSK_POLICY.idleResetMs, maxItems: DEFAULT_KIOSK_POLICY.maxItems, cash: false, languages: ['ko', 'en'], pickupWaitAt: { ...DEFAULT_PICKUP_WAIT_AT }, looseCategories: ['produce', 'bread'] });

export type KioskConfig = z.output<typeof kioskConfigSchema>;
