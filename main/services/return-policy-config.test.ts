import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_POLICY } from '../core/returns/return-policy.ts';
import { returnPolicyOf } from './return-policy-config.ts';

describe('the return policy in force', () => {
  it('takes the store\'s policy field by field over the till\'s', () => {
    const store = { receiptless: { allowed: false, lookbackDays: 14 }, daysByCategory: { fresh: 1 } };
    expect(returnPolicyOf(store, DEFAULT_RETURN_POLICY)).toEqual({ ...DEFAULT_RETURN_POLICY, ...store });
    expect(returnPolicyOf(undefined, DEFAULT_RETURN_POLICY)).toBe(DEFAULT_RETURN_POLICY);
  });

  it('keeps the till\'s policy when the store sends something that is not a policy', () => {
    expect(returnPolicyOf({ defaultDays: -3 }, DEFAULT_RETURN_POLICY)).toBe(DEFAULT_RETURN_POLICY);
    expect(returnPolicyOf('thirty days', DEFAULT_RETURN_POLICY)).toEqual(DEFAULT_RETURN_POLICY);
  });
});
