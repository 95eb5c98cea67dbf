import { z } from 'zod';
import type { ReturnPolicy } from '../core/returns/return-policy.ts';

const days = z.number().int().min(0).max(3650);

/** The return policy as till.json's `returnPolicy` carries it (main/core/returns/return-policy.ts says what it means). */
export const returnPolicySchema = z.object({
  defaultDays: days,
  daysByCategory: z.record(z.string(), days),
  unopenedOnly: z.array(z.string()),
  noReturn: z.array(z.string()),
  receiptless: z.object({ allowed: z.boolean(), lookbackDays: z.number().int().min(0).max(365) }),
});

/** The store configuration key (config stream) by which the back office changes the policy of every till of a store. */
export const RETURN_POLICY_KEY = 'returns.policy';

/**
 * The policy in force: the store's (from the central API's config stream), field by field over the
 * till's own; a store value that is not a valid policy is ignored, and the till's stands.
 */
export function returnPolicyOf(storeValue: unknown, tillPolicy: ReturnPolicy): ReturnPolicy {
  if (storeValue === undefined || storeValue === null) return tillPolicy;
  const merged = returnPolicySchema.safeParse({ ...tillPolicy, ...(typeof storeValue === 'object' ? storeValue : {}) });
  if (!merged.success) {
    console.warn(`the store's ${RETURN_POLICY_KEY} is not a valid return policy; the till's own applies: ${merged.error.issues[0]?.message ?? ''}`);
    return tillPolicy;
  }
  return merged.data;
}
