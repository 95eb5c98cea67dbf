import { type Result, fail, ok } from '../result.ts';
import { isMobileNumber, normalizePhone } from './member.ts';

/**
 * What this till sends the centre about members (outbox kinds). An enrolment carries the full phone
 * and name once, to the centre that keeps them; the till keeps only the masked member record.
 */
export type MemberMutation =
  | { readonly kind: 'MEMBER_ENROLL'; readonly payload: MemberEnrolment }
  | { readonly kind: 'MEMBER_DATA_REQUEST'; readonly payload: MemberDataRequest };

export interface MemberEnrolment {
  /** Made on the till (UUIDv7): the member can earn on this sale before the centre has heard of them. */
  readonly memberId: string;
  readonly phone: string;
  readonly name: string;
  /** Consent as given at the counter: to the terms (required), and apart to marketing; each with its text version. */
  readonly termsVersion: string;
  readonly marketing: boolean;
  readonly marketingVersion: string;
  readonly consentAt: string;
  readonly staffId: string;
}

export interface MemberDataRequest {
  readonly requestId: string;
  readonly memberId: string;
  /** SEE: the centre sends the member their data; DELETE: the centre erases it (tills get a tombstone). */
  readonly kind: 'SEE' | 'DELETE';
  readonly requestedAt: string;
  readonly staffId: string;
}

export const MEMBER_MUTATION_KINDS = ['MEMBER_ENROLL', 'MEMBER_DATA_REQUEST'] as const;

export const ENROL_MESSAGES = {
  phone: 'a member needs a Korean mobile number (010…)',
  name: 'type the member\'s name (1 to 40 characters)',
  terms: 'the customer must agree to the terms to become a member',
} as const;

export type EnrolError = 'enrol_phone' | 'enrol_name' | 'enrol_terms';

/** Checks what the counter collected before anything is written: terms are required, marketing is a separate choice. */
export function checkEnrolment(input: { phone: string; name: string; termsAccepted: boolean }): Result<{ phone: string; name: string }, EnrolError> {
  const phone = normalizePhone(input.phone);
  if (!isMobileNumber(phone)) return fail('enrol_phone', ENROL_MESSAGES.phone);
  const name = input.name.trim();
  if (name.length < 1 || Array.from(name).length > 40) return fail('enrol_name', ENROL_MESSAGES.name);
  if (!input.termsAccepted) return fail('enrol_terms', ENROL_MESSAGES.terms);
  return ok({ phone, name });
}
