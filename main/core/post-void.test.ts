import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleSale } from '../../fixtures/demo-store/sample-sale.ts';
import { DEFAULT_POST_VOID_POLICY, POST_VOID_MESSAGES, type PostVoidCheck, checkPostVoid, postVoidDraft, voidAmounts, voidNumberOf } from './post-void.ts';

const sale = sampleSale({ sequence: 7, at: new Date('2026-12-04T03:00:00Z') });
const check = (over: Partial<PostVoidCheck> = {}): ReturnType<typeof checkPostVoid> =>
  checkPostVoid({ sale: { ...sale, businessDay: '2026-12-04' }, tillId: sale.tillId, businessDay: '2026-12-04', now: new Date('2026-12-04T05:00:00Z'), policy: DEFAULT_POST_VOID_POLICY, voidedBy: null, returned: false, ...over });

describe('post-void of a finished sale', () => {
  it('allows a sale of this till and this business day', () => {
    expect(check()).toEqual({ ok: true, value: true });
  });

  it('refuses a second post-void of the same sale, naming the first', () => {
    expect(check({ voidedBy: '0001-01-V000001' })).toEqual({ ok: false, code: 'void_already', message: POST_VOID_MESSAGES.already('0001-01-V000001') });
  });

  it('refuses a sale already partly returned', () => {
    expect(check({ returned: true })).toMatchObject({ ok: false, code: 'void_returned' });
  });

  it('refuses another till\'s sale and a sale of another business day, unless the policy allows other days', () => {
    expect(check({ tillId: 'till-0001-02' })).toMatchObject({ ok: false, code: 'void_other_till' });
    expect(check({ businessDay: '2026-12-05' })).toMatchObject({ ok: false, code: 'void_other_day' });
    expect(check({ businessDay: '2026-12-05', policy: { sameBusinessDay: false, maxAgeMinutes: null } })).toMatchObject({ ok: true });
  });

  it('refuses a sale older than the policy\'s minutes', () => {
    expect(check({ policy: { sameBusinessDay: true, maxAgeMinutes: 60 } })).toMatchObject({ ok: false, code: 'void_too_old' });
    expect(check({ policy: { sameBusinessDay: true, maxAgeMinutes: 180 } })).toMatchObject({ ok: true });
  });

  it('gives back what each tender kept: a card whole, cash less the change', () => {
    const paid = { ...sale, tenders: [{ id: 'c', kind: 'card' as const, amount: 1_000, card: { scheme: 'VISA', maskedPan: '****1234', approvalCode: 'A1', terminalRef: 'T/1' } }, { id: 'm', kind: 'cash' as const, amount: 10_000 }], change: 10_000 - (sale.totals.total - 1_000) };
    expect(voidAmounts(paid)).toEqual([{ tenderId: 'c', kind: 'card', amount: 1_000 }, { tenderId: 'm', kind: 'cash', amount: sale.totals.total - 1_000 }]);
  });

  it('gives back every won the sale kept, never more or less (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 0, maxLength: 3 }), fc.integer({ min: 0, max: 50_000 }), (cards, over) => {
        const total = sale.totals.total;
        const cardSum = cards.reduce((a, c) => a + c, 0);
        fc.pre(cardSum <= total);
        const cash = total - cardSum + over;
        const tenders = [
          ...cards.map((amount, i) => ({ id: `c${i}`, kind: 'card' as const, amount, card: { scheme: 'VISA', maskedPan: '****1', approvalCode: 'A', terminalRef: 'T' } })),
          ...(cash > 0 ? [{ id: 'cash', kind: 'cash' as const, amount: cash }] : []),
        ];
        const back = voidAmounts({ tenders, change: cash > 0 ? over : 0 });
        expect(back.reduce((a, b) => a + b.amount, 0)).toBe(cash > 0 ? total : cardSum);
        expect(back.every((b) => b.amount >= 0)).toBe(true);
      }),
    );
  });

  it('makes a draft only when the tenders give back exactly what the sale kept', () => {
    const cash = [{ id: 'v1', kind: 'cash' as const, amount: sale.totals.total, originalTenderId: sale.tenders[0]?.id ?? '' }];
    expect(postVoidDraft(sale, 'void-1', 'staff', 'sup', cash)).toMatchObject({ ok: true, value: { original: { saleId: sale.id, receiptNumber: sale.receiptNumber }, approvedBy: 'sup' } });
    expect(postVoidDraft(sale, 'void-1', 'staff', 'sup', [{ ...cash[0], amount: 1 } as (typeof cash)[number]])).toMatchObject({ ok: false, code: 'void_unbalanced' });
  });

  it('numbers post-voids apart from sales and returns', () => {
    expect(voidNumberOf('0001', '01', 42)).toBe('0001-01-V000042');
  });
});
