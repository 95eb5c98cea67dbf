import { type Result, fail, ok } from '../result.ts';

/**
 * A member as the till keeps them (the member stream): never the full phone number or the full
 * name, only what lookup and the receipt need (DESIGN.md privacy: only what the flow needs).
 */
export interface MemberRecord {
  readonly id: string;
  /** sha256 of the normalised phone number (digits only), for a full-number lookup. */
  readonly phoneHash: string;
  readonly phoneLastFour: string;
  /** "김*지": enough to tell two members with the same last four apart. */
  readonly maskedName: string;
  readonly tier: string;
  readonly pointsBalance: number;
  /** The centre's version of the balance: a redemption claim expects it. */
  readonly balanceVersion: number;
  /** sha256 of the app's membership QR / card token, or null. */
  readonly tokenHash: string | null;
}

/** The member identified on an open sale: a snapshot, shown masked. */
export interface SaleMember {
  readonly id: string;
  readonly maskedName: string;
  readonly maskedPhone: string;
  readonly tier: string;
  readonly pointsBalance: number;
  readonly balanceVersion: number;
}

/** What a member's sale earned and spent, written into the completed sale (and pushed with it). */
export interface SaleLoyalty {
  readonly memberId: string;
  readonly maskedName: string;
  readonly maskedPhone: string;
  readonly tier: string;
  readonly pointsEarned: number;
  readonly pointsRedeemed: number;
  readonly balanceBefore: number;
  /** The balance as the till reckons it after this sale; the centre's ledger is the truth. */
  readonly balanceAfter: number;
  /** Personal coupons that gave a saving on this sale. */
  readonly couponIds: readonly string[];
}

export type LookupQuery =
  | { readonly kind: 'phone'; readonly digits: string }
  | { readonly kind: 'lastFour'; readonly digits: string }
  | { readonly kind: 'token'; readonly token: string };

export const MEMBER_MESSAGES = {
  queryInvalid: 'type a mobile number (010…), its last four digits, or scan the membership code',
} as const;

/** Digits only: "010-1234-5678" and "01012345678" are the same number. */
export const normalizePhone = (phone: string): string => phone.replace(/[\s-]/g, '');

/** Korean mobile numbers: 010 and the older 011/016-019, 10 or 11 digits. */
export const isMobileNumber = (digits: string): boolean => /^01[016-9]\d{7,8}$/.test(digits);

/** 010-****-1234: the one way a member's phone appears on the till. */
export function maskPhone(lastFour: string, prefix = '010'): string {
  return `${prefix}-****-${lastFour}`;
}

/**
 * 김민지 -> 김*지, 이준 -> 이*, 남궁민수 -> 남**수; Latin names keep first and last letters.
 * Enough to tell two members apart at the counter, not enough to name them.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0] ?? ''}*`;
  return `${chars[0] ?? ''}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1] ?? ''}`;
}

/** What the cashier typed or scanned: a full mobile number, its last four digits, or an app token. */
export function readLookupQuery(raw: string): Result<LookupQuery, 'query_invalid'> {
  const text = raw.trim();
  const digits = normalizePhone(text);
  if (/^\d{4}$/.test(digits)) return ok({ kind: 'lastFour', digits });
  if (/^\d+$/.test(digits)) return isMobileNumber(digits) ? ok({ kind: 'phone', digits }) : fail('query_invalid', MEMBER_MESSAGES.queryInvalid);
  // The app's QR and the plastic card carry a token: letters, digits and a few separators.
  if (/^[A-Za-z0-9:_-]{8,128}$/.test(text)) return ok({ kind: 'token', token: text });
  return fail('query_invalid', MEMBER_MESSAGES.queryInvalid);
}

export function saleMemberOf(m: MemberRecord): SaleMember {
  return {
    id: m.id,
    maskedName: m.maskedName,
    maskedPhone: maskPhone(m.phoneLastFour),
    tier: m.tier,
    pointsBalance: m.pointsBalance,
    balanceVersion: m.balanceVersion,
  };
}
