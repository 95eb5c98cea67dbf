import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type KioskSession,
  attractSession,
  backToBasket,
  basketChanged,
  canPay,
  idle,
  isMemberAppCode,
  paid,
  paymentDeclined,
  paymentStarted,
  raise,
  removalNeedsStaff,
  resolve,
  start,
  touch,
  warned,
} from './kiosk-session.ts';

const policy = { idleWarnMs: 1000, idleResetMs: 3000, maxItems: 3 };
let n = 0;
const newId = () => `i${++n}`;
const facts = (over: Partial<Parameters<typeof basketChanged>[1]> = {}) => ({ hasSale: true, itemCount: 1, agePending: [], tendered: false, ...over });

describe('kiosk session', () => {
  it('starts by touch in the chosen language, or by a scan from the attract screen', () => {
    expect(start(attractSession('ko', 0), 'en', 5)).toMatchObject({ phase: 'scanning', language: 'en', lastActivityAt: 5 });
    expect(basketChanged(attractSession('ko', 0), facts(), policy, newId, 5).phase).toBe('scanning');
  });

  it('calls staff for an age-restricted item and holds payment until they resolve it', () => {
    const s = basketChanged(start(attractSession('en', 0), 'en', 0), facts({ agePending: ['l1'] }), policy, newId, 1);
    expect(s.interventions.map((i) => i.reason)).toEqual(['age']);
    expect(canPay(s, 1000)).toMatchObject({ ok: false, code: 'staff_needed' });
    const again = basketChanged(s, facts({ agePending: ['l1'] }), policy, newId, 2);
    expect(again.interventions).toHaveLength(1);
    // The age check answered on the basket (approved or refused) closes the call.
    expect(basketChanged(again, facts(), policy, newId, 3).interventions).toEqual([]);
  });

  it('calls staff once for too many items, and not again after they let the basket through', () => {
    const s = basketChanged(start(attractSession('ko', 0), 'ko', 0), facts({ itemCount: 4 }), policy, newId, 1);
    const call = s.interventions[0];
    expect(call?.reason).toBe('too_many_items');
    const approved = resolve(s, call?.id ?? '', 2);
    expect(basketChanged(approved, facts({ itemCount: 5 }), policy, newId, 3).interventions).toEqual([]);
  });

  it('lets the customer remove a plain item while scanning, but not a restricted one nor after payment started', () => {
    const s = start(attractSession('ko', 0), 'ko', 0);
    expect(removalNeedsStaff(s, { ageRestricted: false })).toBe(false);
    expect(removalNeedsStaff(s, { ageRestricted: true })).toBe(true);
    const declined = backToBasket(paymentDeclined(paymentStarted(s, 1), 2), 3);
    expect(declined.phase).toBe('scanning');
    expect(removalNeedsStaff(declined, { ageRestricted: false })).toBe(true);
  });

  it('lets the customer retry a declined card', () => {
    const s = paymentDeclined(paymentStarted(start(attractSession('ko', 0), 'ko', 0), 1), 2);
    expect(canPay(s, 500)).toEqual({ ok: true, value: true });
    expect(canPay(paymentStarted(s, 3), 500)).toMatchObject({ ok: false, code: 'payment_in_flight' });
  });

  it('warns, then resets an idle basket; a paid sale at the receipt choice resets too (it is committed)', () => {
    const s = start(attractSession('en', 0), 'en', 0);
    expect(idle(s, 999, policy)).toBe('none');
    expect(idle(s, 1000, policy)).toBe('warn');
    expect(idle(warned(s), 2000, policy)).toBe('none');
    expect(idle(warned(s), 3000, policy)).toBe('reset');
    expect(idle(paid(s, 'sale-1', 10), 3010, policy)).toBe('reset');
    expect(idle(touch(warned(s), 2500), 3000, policy)).toBe('none');
  });

  it('never resets during a card payment, while staff are called, or with money taken for an unfinished sale', () => {
    const s = start(attractSession('en', 0), 'en', 0);
    expect(idle(paymentStarted(s, 0), 1e9, policy)).toBe('none');
    expect(idle(raise(s, 'help', 'h', 0), 1e9, policy)).toBe('none');
    expect(idle(basketChanged(s, facts({ tendered: true }), policy, newId, 0), 1e9, policy)).toBe('call_staff');
  });

  it('keeps its invariants over any sequence of customer, staff and clock events', () => {
    type Step = { kind: 'scan' | 'age' | 'pay' | 'decline' | 'approve' | 'back' | 'help' | 'resolve' | 'tick' | 'paid'; at: number };
    const step = fc.record({
      kind: fc.constantFrom<Step['kind']>('scan', 'age', 'pay', 'decline', 'approve', 'back', 'help', 'resolve', 'tick', 'paid'),
      at: fc.integer({ min: 0, max: 5000 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let s: KioskSession = attractSession('ko', 0);
        let now = 0;
        let inFlight = false;
        for (const st of steps) {
          now += st.at;
          if (st.kind === 'scan') s = basketChanged(s, facts(), policy, newId, now);
          else if (st.kind === 'age') s = basketChanged(s, facts({ agePending: ['x'] }), policy, newId, now);
          else if (st.kind === 'pay' && canPay(s, 100).ok) {
            // Payment is refused while staff are needed; the invariant is checked on the state it starts from.
            expect(s.interventions).toEqual([]);
            s = paymentStarted(s, now);
            inFlight = true;
          } else if (st.kind === 'decline' && inFlight) {
            s = paymentDeclined(s, now);
            inFlight = false;
          } else if (st.kind === 'paid' && inFlight) {
            s = paid(s, 'sale', now);
            inFlight = false;
          } else if (st.kind === 'back') s = backToBasket(s, now);
          else if (st.kind === 'help') s = raise(s, 'help', newId(), now);
          else if (st.kind === 'resolve' && s.interventions[0]) s = resolve(s, s.interventions[0].id, now);
          else if (st.kind === 'tick') {
            const action = idle(s, now, policy);
            if (action === 'reset') {
              expect(inFlight).toBe(false);
              expect(s.interventions).toEqual([]);
              s = attractSession('ko', now);
            } else if (action === 'warn') s = warned(s);
          }
          expect(new Set(s.interventions.map((i) => `${i.reason}|${i.lineId}`)).size).toBe(s.interventions.length);
          if (s.phase === 'receipt') expect(s.completedSaleId).not.toBeNull();
          expect(s.payment === 'in_flight').toBe(inFlight);
        }
      }),
    );
  });

  it('tells a membership app code from a product barcode or an order QR', () => {
    expect(isMemberAppCode('M1:demo-minji-7f3a9c')).toBe(true);
    expect(isMemberAppCode('8801234567893')).toBe(false);
    expect(isMemberAppCode('omni-order:12345678:ABCDEF')).toBe(false);
    expect(isMemberAppCode('M1:')).toBe(false);
  });
});
