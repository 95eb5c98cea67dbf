import type Database from 'better-sqlite3';
import { z } from 'zod';
import { type Promotion, promotionProblem } from '../core/pricing/promotion.ts';
import { couponTermsProblem } from '../core/coupons/barcode-coupon.ts';

const ids = z.array(z.string().min(1)).min(1);
const whole = z.number().int();
const ruleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('buy_n_get_m'), buy: whole, free: whole, productIds: ids }),
  z.object({ kind: z.literal('item_percent'), percentBps: whole, productIds: ids }),
  z.object({ kind: z.literal('item_amount'), amountOff: whole, productIds: ids }),
  z.object({ kind: z.literal('bundle_price'), quantity: whole, price: whole, productIds: ids }),
  z.object({ kind: z.literal('basket_threshold'), minTotal: whole, amountOff: whole }),
  z.object({ kind: z.literal('basket_percent'), percentBps: whole, minTotal: whole }),
]);
export const promotionSchema = z.object({
  id: z.string().min(1),
  name: z.record(z.string(), z.string()),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  memberOnly: z.boolean().optional(),
  stackable: z.boolean().optional(),
  minSpend: whole.nonnegative().optional(),
  /** A coupon by barcode: applies only once scanned (main/core/coupons/barcode-coupon.ts). */
  coupon: z
    .object({ barcode: z.string().regex(/^[0-9A-Za-z-]{4,64}$/).optional(), prefix: z.string().regex(/^[0-9A-Za-z-]{2,63}$/).optional(), length: whole.positive().optional(), singleUse: z.boolean() })
    .strict()
    .optional(),
  rule: ruleSchema,
});

/** A promotions stream item: a promotion, or a tombstone for its id. */
export type PromotionChange = { readonly id: string; readonly deleted: boolean; readonly promotion: Promotion | null };

/** Parses a promotion from the central API; a malformed or senseless one is refused with the reason. */
export function parsePromotion(value: unknown): { ok: true; promotion: Promotion } | { ok: false; reason: string } {
  const parsed = promotionSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error) };
  const problem = promotionProblem(parsed.data) ?? (parsed.data.coupon ? couponTermsProblem(parsed.data.coupon) : null);
  return problem ? { ok: false, reason: problem } : { ok: true, promotion: parsed.data };
}

/** The promotions on the till, as the promotions stream delivered them. */
export class SqlitePromotions {
  private readonly activeAt;
  private readonly selectAll;
  private readonly upsert;
  private readonly remove;
  private readonly getCursor;
  private readonly setCursor;

  constructor(private readonly db: Database.Database) {
    this.activeAt = db.prepare(
      `SELECT document FROM promotion WHERE (starts_at IS NULL OR starts_at <= @at) AND (ends_at IS NULL OR ends_at > @at) ORDER BY id`,
    );
    // Coupon documents name their terms; the few the store has are read whole (a LIKE on the JSON key narrows it).
    this.selectAll = db.prepare(`SELECT document FROM promotion WHERE document LIKE '%"coupon":%' ORDER BY id`);
    this.upsert = db.prepare(`INSERT INTO promotion (id, starts_at, ends_at, document) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at, document = excluded.document`);
    this.remove = db.prepare('DELETE FROM promotion WHERE id = ?');
    this.getCursor = db.prepare('SELECT cursor FROM stream_cursor WHERE stream = ?');
    this.setCursor = db.prepare(`INSERT INTO stream_cursor (stream, cursor, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`);
  }

  /**
   * Promotions whose window contains the instant (member-only ones included: the caller knows the
   * customer). Coupons are not among them: a coupon applies only once its barcode is scanned.
   */
  active(at: string): Promotion[] {
    const iso = new Date(at).toISOString();
    return (this.activeAt.all({ at: iso }) as { document: string }[]).flatMap((r) => {
      const p = parsePromotion(JSON.parse(r.document));
      return p.ok && !p.promotion.coupon ? [p.promotion] : [];
    });
  }

  /** Every coupon definition on the till, expired and future ones too (a scan of one is told why it does not apply). */
  coupons(): Promotion[] {
    return (this.selectAll.all() as { document: string }[]).flatMap((r) => {
      const p = parsePromotion(JSON.parse(r.document));
      return p.ok && p.promotion.coupon ? [p.promotion] : [];
    });
  }

  cursor(stream: string): string | null {
    return (this.getCursor.get(stream) as { cursor: string } | undefined)?.cursor ?? null;
  }

  /** Applies one page of the promotions stream and its cursor in one transaction. */
  applyPage(stream: string, items: readonly PromotionChange[], cursor: string, reset: boolean): void {
    this.db.transaction(() => {
      if (reset) this.db.exec('DELETE FROM promotion');
      for (const item of items) {
        if (item.deleted || !item.promotion) {
          this.remove.run(item.id);
          continue;
        }
        const p = item.promotion;
        const iso = (t: string | undefined): string | null => (t === undefined ? null : new Date(t).toISOString());
        this.upsert.run(p.id, iso(p.startsAt), iso(p.endsAt), JSON.stringify(p));
      }
      this.setCursor.run(stream, cursor, new Date().toISOString());
    })();
  }
}
