import { z } from 'zod';
import type { Clock, Ids } from '../core/ports.ts';
import type { OpenSale } from '../core/sale.ts';
import type { Tender } from '../core/tender.ts';
import { type Result, fail, ok } from '../core/result.ts';
import { type MemberRecord, maskName, maskPhone, readLookupQuery, saleMemberOf } from '../core/loyalty/member.ts';
import { type EnrolError, type MemberMutation, checkEnrolment } from '../core/loyalty/member-mutation.ts';
import { DEFAULT_PROGRAMME, type LoyaltyProgramme, earnPoints } from '../core/loyalty/programme.ts';
import { checkRedeem } from '../core/loyalty/redeem.ts';
import { COUPON_PREFIX, couponPromotion, couponsUsed, usableCoupons } from '../core/loyalty/coupon.ts';
import { saleTotals } from '../core/sale.ts';
import type { TaxRules } from '../core/tax.ts';
import { type SqliteMembers, memberPhoneHash } from '../store/member-repository.ts';
import type { LoyaltyClient } from '../../sync/loyalty-client.ts';
import type { MemberHitView, MemberTimelineView, SaleView } from '../api/contract.ts';
import type { Lane, LaneResult, PaymentReply } from './lane.ts';
import type { LaneLoyalty } from './loyalty-lane.ts';
import { pointsRedeemedOn } from './loyalty-views.ts';

export const MEMBER_SERVICE_MESSAGES = {
  notFound: 'no member found: check the number, or enrol the customer',
  memberGone: 'this member is no longer on the till',
  noMember: 'identify the member first (Alt+M)',
  conflict: (balance: number) => `the member's points changed at the centre (now ${balance}); check and try again`,
  insufficient: (balance: number) => `the centre says the member has only ${balance} points`,
  unknownAtCentre: 'the centre does not know this member',
  timelineOffline: 'the member\'s history is kept at the centre, which cannot be reached now: ask again when the till is online',
  phoneTaken: 'a member with this phone number is already on the till: find them instead',
} as const;

const programmeSchema = z
  .object({
    earnRateBps: z.number().int().min(0).max(10_000),
    tierMultiplierBps: z.record(z.string(), z.number().int().min(0).max(100_000)),
    excludedProductIds: z.array(z.string()),
    excludedTaxClasses: z.array(z.string()),
    minRedeem: z.number().int().min(1),
  })
  .partial();
/** offline.pointsRedeemCap: points one sale may redeem while the centre cannot be asked; a number or {"points": n}. */
const capSchema = z.union([z.number().int().min(0), z.object({ points: z.number().int().min(0) }).transform((c) => c.points)]);
export const DEFAULT_OFFLINE_REDEEM_CAP = 5_000;

export interface MemberServiceDeps {
  readonly members: SqliteMembers;
  /** The lane (a getter: the lane is built with this service's hooks). */
  readonly lane: () => Lane;
  readonly client: Pick<LoyaltyClient, 'claimPoints'> & Partial<Pick<LoyaltyClient, 'memberTimeline' | 'claimCoupons' | 'releaseCoupons'>>;
  /** The store's configuration (config stream): loyalty.programme and offline.pointsRedeemCap. */
  readonly config: { get(key: string): unknown };
  /** Whether the last sync round reached the centre. */
  readonly online: () => boolean;
  readonly rules: TaxRules;
  readonly clock: Clock;
  readonly ids: Ids;
  /** The outbox for enrolments and data requests, and a push right after. */
  readonly requests?: { enqueue(mutationId: string, mutation: MemberMutation, at: string): number };
  readonly poke?: () => void;
  /** Who is signed in (enrolments and requests record the staff member). */
  readonly staffId?: () => string | null;
}

/** The text versions consent is given to (store config loyalty.termsVersion / loyalty.marketingVersion). */
export const DEFAULT_TERMS_VERSION = 'terms-2026-01';
export const DEFAULT_MARKETING_VERSION = 'marketing-2026-01';
const versionSchema = z.string().min(1).max(40);

/** Member lookup, identification on the sale, points redeemed as a tender, points earned at commit. */
export class MemberService {
  constructor(private readonly deps: MemberServiceDeps) {}

  programme(): LoyaltyProgramme {
    const r = programmeSchema.safeParse(this.deps.config.get('loyalty.programme'));
    return r.success ? { ...DEFAULT_PROGRAMME, ...stripUndefined(r.data) } : DEFAULT_PROGRAMME;
  }

  offlineCap(): number {
    const r = capSchema.safeParse(this.deps.config.get('offline.pointsRedeemCap'));
    return r.success ? r.data : DEFAULT_OFFLINE_REDEEM_CAP;
  }

  /** Finds members on the till, offline: by full phone, last four digits (several, told apart by masked name) or app token. */
  lookup(raw: string): Result<MemberHitView[], 'query_invalid'> {
    const q = readLookupQuery(raw);
    if (!q.ok) return q;
    const found =
      q.value.kind === 'phone' ? this.deps.members.findByPhone(q.value.digits)
      : q.value.kind === 'lastFour' ? this.deps.members.findByLastFour(q.value.digits)
      : this.deps.members.findByToken(q.value.token);
    return ok(found.map(hitOf));
  }

  attach(memberId: string | null): Promise<LaneResult<SaleView>> {
    if (memberId === null) return this.deps.lane().attachMember(null);
    const m = this.deps.members.find(memberId);
    if (!m) return Promise.resolve(fail('member_unknown', MEMBER_SERVICE_MESSAGES.memberGone));
    return this.deps.lane().attachMember(saleMemberOf(m));
  }

  /**
   * Points as a tender. Online the centre holds them with a claim at the balance version the till
   * saw; offline (or when the centre cannot be reached) the store's cap per sale applies. The claim id
   * travels with the tender either way, so the centre never takes the same points twice.
   */
  async redeem(points: number): Promise<LaneResult<PaymentReply>> {
    let memberId: string | null = null;
    const r = await this.deps.lane().payWith(async (sale, due) => {
      memberId = sale.member?.id ?? null;
      return this.pointsTender(sale, due, points);
    });
    // The balance moved at the centre: identify the member again, so the sale shows (and checks) the new one.
    if (!r.ok && r.code === 'points_conflict' && memberId !== null) await this.attach(memberId);
    return r;
  }

  private async pointsTender(sale: OpenSale, due: number, points: number): Promise<LaneResult<Tender>> {
    const member = sale.member;
    if (!member) return fail('no_member', MEMBER_SERVICE_MESSAGES.noMember);
    const programme = this.programme();
    const already = pointsRedeemedOn(sale);
    // The balance as it was when the member was identified, less what this sale already redeemed.
    const balance = member.pointsBalance - already;
    const offlineCheck = () => checkRedeem({ points, balance, due, minRedeem: programme.minRedeem, offline: { cap: this.offlineCap(), alreadyRedeemed: already } });
    const tender = (claimId: string): Tender => ({ id: this.deps.ids.newId(), kind: 'points', amount: points, points: { memberId: member.id, claimId } });
    const claimId = this.deps.ids.newId();
    if (!this.deps.online()) {
      const r = offlineCheck();
      return r.ok ? ok(tender(claimId)) : r;
    }
    const pre = checkRedeem({ points, balance, due, minRedeem: programme.minRedeem, offline: null });
    if (!pre.ok) return pre;
    const version = this.deps.members.find(member.id)?.balanceVersion ?? member.balanceVersion;
    const claim = await this.deps.client.claimPoints({ claimId, memberId: member.id, saleId: sale.id, points, expectedVersion: version });
    if (!claim.ok) {
      // The centre could not be asked: the offline policy decides, and the claim id goes with the tender.
      if (claim.code === 'unreachable' || claim.code === 'timeout' || claim.code === 'http_5xx') {
        const r = offlineCheck();
        return r.ok ? ok(tender(claimId)) : r;
      }
      return fail('points_refused', claim.message);
    }
    const c = claim.value;
    if (c.status === 'HELD') return ok(tender(claimId));
    if (c.status === 'UNKNOWN_MEMBER') return fail('member_unknown', MEMBER_SERVICE_MESSAGES.unknownAtCentre);
    this.deps.members.refreshBalance(member.id, c.balance, c.balanceVersion);
    return c.status === 'CONFLICT' ? fail('points_conflict', MEMBER_SERVICE_MESSAGES.conflict(c.balance)) : fail('redeem_over_balance', MEMBER_SERVICE_MESSAGES.insufficient(c.balance));
  }

  /**
   * Enrols a customer at the counter: terms required, marketing a separate choice, each recorded with
   * its text version and time. Queued for the centre (offline too); the masked member is on this till
   * at once, so they earn on the sale in progress.
   */
  enrol(input: { phone: string; name: string; termsAccepted: boolean; marketing: boolean }): Result<MemberHitView, EnrolError | 'not_signed_in'> {
    const staffId = this.deps.staffId?.() ?? null;
    if (!staffId || !this.deps.requests) return fail('not_signed_in', 'sign in to enrol a member');
    const checked = checkEnrolment(input);
    if (!checked.ok) return checked;
    const { phone, name } = checked.value;
    if (this.deps.members.findByPhone(phone).length > 0) return fail('enrol_phone', MEMBER_SERVICE_MESSAGES.phoneTaken);
    const at = this.deps.clock.now().toISOString();
    const memberId = this.deps.ids.newId();
    const terms = versionSchema.safeParse(this.deps.config.get('loyalty.termsVersion'));
    const marketing = versionSchema.safeParse(this.deps.config.get('loyalty.marketingVersion'));
    const record: MemberRecord = {
      id: memberId, phoneHash: memberPhoneHash(phone), phoneLastFour: phone.slice(-4), maskedName: maskName(name), tier: 'BASIC',
      pointsBalance: 0, balanceVersion: 1, tokenHash: null,
    };
    this.deps.requests.enqueue(this.deps.ids.newId(), {
      kind: 'MEMBER_ENROLL',
      payload: {
        memberId, phone, name, termsVersion: terms.success ? terms.data : DEFAULT_TERMS_VERSION, marketing: input.marketing,
        marketingVersion: marketing.success ? marketing.data : DEFAULT_MARKETING_VERSION, consentAt: at, staffId,
      },
    }, at);
    this.deps.members.addLocal(record);
    this.deps.poke?.();
    return ok(hitOf(record));
  }

  /** A member asks to see or delete their data: sent to the centre; a deletion also removes them from this till now. */
  dataRequest(memberId: string, kind: 'SEE' | 'DELETE'): Result<{ requestId: string }, 'member_unknown' | 'not_signed_in'> {
    const staffId = this.deps.staffId?.() ?? null;
    if (!staffId || !this.deps.requests) return fail('not_signed_in', 'sign in to send a member\'s request');
    if (!this.deps.members.find(memberId)) return fail('member_unknown', MEMBER_SERVICE_MESSAGES.memberGone);
    const requestId = this.deps.ids.newId();
    const at = this.deps.clock.now().toISOString();
    this.deps.requests.enqueue(this.deps.ids.newId(), { kind: 'MEMBER_DATA_REQUEST', payload: { requestId, memberId, kind, requestedAt: at, staffId } }, at);
    if (kind === 'DELETE') this.deps.members.forget(memberId);
    this.deps.poke?.();
    return ok({ requestId });
  }

  /** The member's latest purchases, open requests and products from their history: online only, and says so offline. */
  async timeline(memberId: string): Promise<Result<MemberTimelineView, 'central_offline' | 'central_error' | 'member_unknown'>> {
    if (!this.deps.client.memberTimeline) return fail('central_offline', MEMBER_SERVICE_MESSAGES.timelineOffline);
    const r = await this.deps.client.memberTimeline(memberId);
    if (!r.ok) {
      const offline = r.code === 'unreachable' || r.code === 'timeout' || r.code === 'http_5xx';
      return fail(offline ? 'central_offline' : 'central_error', offline ? MEMBER_SERVICE_MESSAGES.timelineOffline : r.message);
    }
    if (r.value === null) return fail('member_unknown', MEMBER_SERVICE_MESSAGES.unknownAtCentre);
    return ok({
      purchases: r.value.purchases.map((p) => ({ ...p })),
      recommendations: r.value.recommendations.map((x) => ({ barcode: x.barcode, name: localized(x.nameKo, x.nameEn), bought: x.bought })),
      openRequests: r.value.openRequests.map((x) => ({ ...x })),
    });
  }

  /** The lane's hooks: coupons as offers, points written into the sale at commit and moved on the till after. */
  laneHooks(): LaneLoyalty {
    return {
      offers: (sale, at) => (sale.member ? usableCoupons(this.deps.members.coupons(sale.member.id), sale.member.id, at).map(couponPromotion) : []),
      beforeCommit: (sale) => {
        const m = sale.member;
        if (!m) return sale;
        const totals = saleTotals(sale, this.deps.rules);
        const redeemed = pointsRedeemedOn(sale);
        const lines = sale.basket.lines.map((l) => ({
          productId: l.productId, taxClass: l.taxClass, voided: l.voided,
          net: l.voided ? 0 : l.unitPrice * l.quantity - (totals.lineDiscounts[l.lineId] ?? 0),
        }));
        // Line nets carry their share of basket savings (the engine spreads them by price), so an excluded
        // product takes its share with it; anything left unspread still lowers what earns.
        const basketSaving = lines.reduce((a, l) => a + l.net, 0) - totals.total;
        const earnLines = basketSaving > 0 ? [...lines, { productId: '', taxClass: '', voided: false, net: -basketSaving }] : lines;
        const earned = earnPoints(this.programme(), m.tier, earnLines, redeemed);
        const before = m.pointsBalance;
        return {
          ...sale,
          loyalty: {
            memberId: m.id, maskedName: m.maskedName, maskedPhone: m.maskedPhone, tier: m.tier,
            pointsEarned: earned, pointsRedeemed: redeemed,
            balanceBefore: before, balanceAfter: before + earned - redeemed,
            couponIds: couponsUsed(totals.savings),
          },
        };
      },
      beforeFirstTender: async (sale) => {
        const m = sale.member;
        const couponIds = m ? couponsUsed(saleTotals(sale, this.deps.rules).savings) : [];
        const claim = this.deps.client.claimCoupons;
        // Offline the coupon is used as the till knows it; the centre flags a reuse when the sale arrives.
        if (!m || couponIds.length === 0 || !claim || !this.deps.online()) return [];
        const r = await claim({ memberId: m.id, saleId: sale.id, couponIds });
        if (!r.ok) return [];
        // Taken by another sale: used, as far as this till is concerned, so it is no longer offered.
        if (r.value.refused.length > 0) this.deps.members.recordSale(m.id, 0, r.value.refused);
        return r.value.refused;
      },
      cancelled: (sale) => {
        const release = this.deps.client.releaseCoupons;
        if (sale.member && release && (sale.promotions ?? []).some((p) => p.id.startsWith(COUPON_PREFIX))) void release(sale.id).catch(() => undefined);
      },
      afterCommit: (sale) => {
        const l = sale.loyalty;
        if (l) this.deps.members.recordSale(l.memberId, l.balanceAfter - l.balanceBefore, l.couponIds);
      },
    };
  }
}

function localized(ko: string, en: string | null): Record<string, string> {
  return en ? { ko, en } : { ko };
}

function hitOf(m: MemberRecord): MemberHitView {
  return { id: m.id, maskedName: m.maskedName, maskedPhone: maskPhone(m.phoneLastFour), tier: m.tier, pointsBalance: m.pointsBalance };
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
