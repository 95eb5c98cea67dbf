import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { MemberRecord } from '../core/loyalty/member.ts';
import { normalizePhone } from '../core/loyalty/member.ts';
import type { PersonalCoupon } from '../core/loyalty/coupon.ts';
import type { PromotionRule } from '../core/pricing/promotion.ts';
import { promotionProblem } from '../core/pricing/promotion.ts';
import { promotionSchema } from './promotion-repository.ts';

/** The centre's lookup keys (fixtures/central/loyalty-store.ts makes the same): the till never holds the phone number. */
export const memberPhoneHash = (phone: string): string => sha256hex(`member-phone:${normalizePhone(phone)}`);
export const memberTokenHash = (token: string): string => sha256hex(`member-token:${token}`);
function sha256hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A member stream item: a member, or (deleted) a tombstone for the id. */
export type MemberChange = MemberRecord & { readonly deleted: boolean };

/** A coupon stream item. The rule is checked when it is read, like a promotion's. */
export interface CouponChange {
  readonly id: string;
  readonly memberId: string;
  readonly name: Readonly<Record<string, string>>;
  readonly rule: unknown;
  readonly expiresAt: string | null;
  readonly used: boolean;
  readonly deleted: boolean;
}

const ruleSchema = promotionSchema.shape.rule;

/** Parses a coupon's rule as the pricing engine's; a senseless rule is never applied. */
export function parseCouponRule(value: unknown): PromotionRule | null {
  const r = ruleSchema.safeParse(value);
  if (!r.success) return null;
  return promotionProblem({ id: 'coupon', name: {}, rule: r.data }) === null ? r.data : null;
}

interface MemberRow {
  id: string; phone_hash: string; phone_last4: string; masked_name: string; tier: string; points: number; balance_version: number; token_hash: string | null;
}
const toRecord = (r: MemberRow): MemberRecord => ({
  id: r.id, phoneHash: r.phone_hash, phoneLastFour: r.phone_last4, maskedName: r.masked_name, tier: r.tier,
  pointsBalance: r.points, balanceVersion: r.balance_version, tokenHash: r.token_hash,
});

/** Members and their personal coupons on the till: the member and coupon streams' sinks, and lookup. */
export class SqliteMembers {
  private readonly byPhone;
  private readonly byLast4;
  private readonly byToken;
  private readonly byId;
  private readonly upsert;
  private readonly remove;
  private readonly upsertCoupon;
  private readonly removeCoupon;
  private readonly couponsOf;
  private readonly markUsed;
  private readonly addPoints;
  private readonly setBalance;
  private readonly getCursor;
  private readonly setCursor;

  constructor(private readonly db: Database.Database) {
    const cols = 'id, phone_hash, phone_last4, masked_name, tier, points, balance_version, token_hash';
    this.byPhone = db.prepare(`SELECT ${cols} FROM member WHERE phone_hash = ? LIMIT 5`);
    // Last four digits are shared by many in a big region: the cashier picks by masked name from a short list.
    this.byLast4 = db.prepare(`SELECT ${cols} FROM member WHERE phone_last4 = ? ORDER BY masked_name, id LIMIT ?`);
    this.byToken = db.prepare(`SELECT ${cols} FROM member WHERE token_hash = ?`);
    this.byId = db.prepare(`SELECT ${cols} FROM member WHERE id = ?`);
    this.upsert = db.prepare(`INSERT INTO member (${cols}) VALUES (@id, @phoneHash, @phoneLastFour, @maskedName, @tier, @pointsBalance, @balanceVersion, @tokenHash)
      ON CONFLICT (id) DO UPDATE SET phone_hash = excluded.phone_hash, phone_last4 = excluded.phone_last4, masked_name = excluded.masked_name,
        tier = excluded.tier, points = excluded.points, balance_version = excluded.balance_version, token_hash = excluded.token_hash`);
    this.remove = db.prepare('DELETE FROM member WHERE id = ?');
    this.upsertCoupon = db.prepare(`INSERT INTO member_coupon (id, member_id, name, rule, expires_at, used) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET member_id = excluded.member_id, name = excluded.name, rule = excluded.rule,
        expires_at = excluded.expires_at, used = max(member_coupon.used, excluded.used)`);
    this.removeCoupon = db.prepare('DELETE FROM member_coupon WHERE id = ?');
    this.couponsOf = db.prepare('SELECT id, member_id, name, rule, expires_at, used FROM member_coupon WHERE member_id = ? ORDER BY id');
    this.markUsed = db.prepare('UPDATE member_coupon SET used = 1 WHERE id = ?');
    this.addPoints = db.prepare('UPDATE member SET points = points + ? WHERE id = ?');
    this.setBalance = db.prepare('UPDATE member SET points = ?, balance_version = ? WHERE id = ?');
    this.getCursor = db.prepare('SELECT cursor FROM stream_cursor WHERE stream = ?');
    this.setCursor = db.prepare(`INSERT INTO stream_cursor (stream, cursor, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`);
  }

  findByPhone(phone: string): MemberRecord[] {
    return (this.byPhone.all(memberPhoneHash(phone)) as MemberRow[]).map(toRecord);
  }

  findByLastFour(lastFour: string, limit = 20): MemberRecord[] {
    return (this.byLast4.all(lastFour, limit) as MemberRow[]).map(toRecord);
  }

  findByToken(token: string): MemberRecord[] {
    return (this.byToken.all(memberTokenHash(token)) as MemberRow[]).map(toRecord);
  }

  find(id: string): MemberRecord | undefined {
    const r = this.byId.get(id) as MemberRow | undefined;
    return r ? toRecord(r) : undefined;
  }

  coupons(memberId: string): PersonalCoupon[] {
    return (this.couponsOf.all(memberId) as { id: string; member_id: string; name: string; rule: string; expires_at: string | null; used: number }[]).flatMap((r) => {
      const rule = parseCouponRule(JSON.parse(r.rule));
      const name = z.record(z.string(), z.string()).safeParse(JSON.parse(r.name));
      return rule && name.success ? [{ id: r.id, memberId: r.member_id, name: name.data, rule, expiresAt: r.expires_at, used: r.used === 1 }] : [];
    });
  }

  /** After a sale commits: its coupons are spent, its points moved, until the centre's stream says better. */
  recordSale(memberId: string, pointsDelta: number, couponIds: readonly string[]): void {
    this.db.transaction(() => {
      if (pointsDelta !== 0) this.addPoints.run(pointsDelta, memberId);
      for (const id of couponIds) this.markUsed.run(id);
    })();
  }

  /** The centre answered a claim with the balance as it is: the till takes it at once. */
  refreshBalance(memberId: string, points: number, version: number): void {
    this.setBalance.run(points, version, memberId);
  }

  cursor(stream: string): string | null {
    return (this.getCursor.get(stream) as { cursor: string } | undefined)?.cursor ?? null;
  }

  /** Applies a page of the member or the coupon stream and its cursor in one transaction. */
  applyPage(stream: string, items: readonly (MemberChange | CouponChange)[], cursor: string, reset: boolean): void {
    const at = new Date().toISOString();
    this.db.transaction(() => {
      if (stream === 'member') {
        if (reset) this.db.exec('DELETE FROM member');
        for (const m of items as readonly MemberChange[]) {
          const { deleted, ...member } = m;
          if (deleted) this.remove.run(m.id);
          else this.upsert.run(member);
        }
      } else {
        if (reset) this.db.exec('DELETE FROM member_coupon');
        for (const c of items as readonly CouponChange[]) {
          if (c.deleted) this.removeCoupon.run(c.id);
          else this.upsertCoupon.run(c.id, c.memberId, JSON.stringify(c.name), JSON.stringify(c.rule), c.expiresAt, c.used ? 1 : 0);
        }
      }
      this.setCursor.run(stream, cursor, at);
    })();
  }

  /** A member enrolled at this till, masked as the stream would bring them, until the stream does. */
  addLocal(member: MemberRecord): void {
    this.upsert.run(member);
  }

  /** A member who asked for their data to be deleted leaves this till at once, coupons too. */
  forget(memberId: string): void {
    this.db.transaction(() => {
      this.remove.run(memberId);
      this.db.prepare('DELETE FROM member_coupon WHERE member_id = ?').run(memberId);
    })();
  }

  /** Bulk load for the bench (a region of a million members), in one transaction. */
  load(members: Iterable<MemberRecord>): number {
    let n = 0;
    this.db.transaction(() => {
      for (const m of members) {
        this.upsert.run(m);
        n++;
      }
    })();
    return n;
  }
}
