import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProof, handoutValue, offlineHandoutPolicy, planHandout } from './handout.ts';
import { orderQr, parseOrderQr } from './order-qr.ts';
import { nothingPicked, pickScan, pickSubstitute, pickSummary, startPicking, unpick } from './picking.ts';
import { deskCounts, deskStateOf } from './store-order.ts';
import { testOrder } from './test-order.ts';

const RAMEN = '8809100000017';
const WATER = '8809150000012';
const now = new Date('2026-11-25T05:00:00.000Z');
const cola = { barcode: '8809160000019', productId: 'p-cola', name: { ko: '콜라' } };

describe('the pickup desk', () => {
  it('sorts orders by where they stand: a ready order past its deadline, or a picked one the web shop cancelled, is to put back', () => {
    expect(deskStateOf(testOrder({ state: 'PLACED' }), now)).toBe('to_pick');
    expect(deskStateOf(testOrder({ state: 'PICKING' }), now)).toBe('picking');
    expect(deskStateOf(testOrder({ state: 'READY' }), now)).toBe('to_collect');
    expect(deskStateOf(testOrder({ state: 'READY', deadlineAt: '2026-11-25T04:59:59.000Z' }), now)).toBe('to_put_back');
    expect(deskStateOf(testOrder({ state: 'CANCELLED', stagingLocation: 'A-1' }), now)).toBe('to_put_back');
    expect(deskStateOf(testOrder({ state: 'CANCELLED', stagingLocation: 'A-1', putBackAt: '2026-11-25T04:00:00Z' }), now)).toBe('cancelled');
    expect(deskStateOf(testOrder({ state: 'CANCELLED' }), now)).toBe('cancelled');
    expect(deskStateOf(testOrder({ state: 'COLLECTED' }), now)).toBe('handed_out');
    expect(deskStateOf(testOrder({ fulfilment: 'DELIVERY', state: 'DELIVERED' }), now)).toBeNull();
    expect(deskCounts([testOrder(), testOrder({ state: 'READY' }), testOrder({ state: 'READY' }), testOrder({ fulfilment: 'DELIVERY' })], now))
      .toEqual({ to_pick: 1, picking: 0, to_collect: 2, to_put_back: 0, handed_out: 0, cancelled: 0 });
  });
});

describe('the order QR', () => {
  it('carries the number and the pickup code, and reads back from a caps-lock scanner', () => {
    expect(orderQr('2611250001', 'K7M3QX')).toBe('omni-order:2611250001:K7M3QX');
    expect(parseOrderQr('OMNI-ORDER:2611250001:K7M3QX')).toEqual({ number: '2611250001', pickupCode: 'K7M3QX' });
    expect(parseOrderQr('omni-order:2611250001:k7m3qx ')).toEqual({ number: '2611250001', pickupCode: 'K7M3QX' });
  });

  it('is not an EAN, a URL or an order number alone', () => {
    for (const t of ['8809100000017', 'https://example.com', '2611250001', 'omni-order:2611250001', 'omni-order:26112:K7M3QX', 'omni-order:2611250001:K7M3Q0']) {
      expect(parseOrderQr(t)).toBeNull();
    }
  });

  it('round-trips any number and code', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{6,20}$/), fc.stringMatching(/^[A-Z2-9]{6}$/), (n, c) => {
      expect(parseOrderQr(orderQr(n, c))).toEqual({ number: n, pickupCode: c });
    }));
  });
});

describe('picking with the scanner', () => {
  it('counts each scan on its line and refuses a product that is not in the order, or one too many', () => {
    const order = testOrder();
    let p = startPicking(order);
    for (const b of [RAMEN, RAMEN, WATER]) {
      const r = pickScan(order, p, b);
      if (!r.ok) throw new Error(r.message);
      p = r.value.progress;
    }
    expect(pickScan(order, p, RAMEN)).toMatchObject({ ok: false, code: 'line_complete' });
    expect(pickScan(order, p, '8800000000001')).toMatchObject({ ok: false, code: 'not_in_order', message: '8800000000001 is not in this order: put it back' });
    expect(pickSummary(order, p)).toEqual([
      { lineId: 'L1', pickedQuantity: 2, substituteBarcode: null, substituteQuantity: null, short: 0 },
      { lineId: 'L2', pickedQuantity: 1, substituteBarcode: null, substituteQuantity: null, short: 0 },
    ]);
  });

  it('records a substitution and a shortage', () => {
    const order = testOrder();
    let p = startPicking(order);
    const r = pickScan(order, p, RAMEN);
    if (!r.ok) throw new Error(r.message);
    p = r.value.progress;
    expect(pickSubstitute(order, p, 'L2', { barcode: WATER, productId: 'p-water', name: { ko: '생수' } })).toMatchObject({ ok: false, code: 'substitute_same' });
    const s = pickSubstitute(order, p, 'L2', cola);
    if (!s.ok) throw new Error(s.message);
    p = s.value;
    expect(pickSubstitute(order, p, 'L2', cola)).toMatchObject({ ok: false, code: 'line_complete' });
    expect(pickSummary(order, p)).toEqual([
      { lineId: 'L1', pickedQuantity: 1, substituteBarcode: null, substituteQuantity: null, short: 1 },
      { lineId: 'L2', pickedQuantity: 0, substituteBarcode: cola.barcode, substituteQuantity: 1, short: 0 },
    ]);
    expect(nothingPicked(unpick(unpick(p, 'L2'), 'L1'))).toBe(true);
  });

  it('never picks more of a line than was ordered, and a refused scan changes nothing (any sequence of scans)', () => {
    const order = testOrder();
    const action = fc.oneof(
      fc.constantFrom(RAMEN, WATER, '8800000000001').map((b) => ({ kind: 'scan' as const, b })),
      fc.constantFrom('L1', 'L2').map((l) => ({ kind: 'sub' as const, l })),
      fc.constantFrom('L1', 'L2').map((l) => ({ kind: 'unpick' as const, l })),
    );
    fc.assert(fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
      let p = startPicking(order);
      for (const a of actions) {
        const before = p;
        if (a.kind === 'scan') {
          const r = pickScan(order, p, a.b);
          p = r.ok ? r.value.progress : p;
          if (!r.ok) expect(p).toBe(before);
        } else if (a.kind === 'sub') {
          const r = pickSubstitute(order, p, a.l, cola);
          p = r.ok ? r.value : p;
        } else p = unpick(p, a.l);
        for (const s of pickSummary(order, p)) {
          const ordered = order.lines.find((l) => l.lineId === s.lineId)?.quantity ?? 0;
          expect(s.pickedQuantity + (s.substituteQuantity ?? 0) + s.short).toBe(ordered);
          expect(s.short).toBeGreaterThanOrEqual(0);
        }
      }
    }));
  });
});

describe('handing out', () => {
  const ready = testOrder({ state: 'READY', version: 2 }, [{ pickedQuantity: 2 }, { pickedQuantity: 0, substitute: { barcode: cola.barcode, productId: 'p-cola', name: '콜라', quantity: 1 } }]);

  it('takes the order QR, or the number with the phone\'s last four digits, and nothing else', () => {
    expect(checkProof(ready, { kind: 'qr', text: 'omni-order:2611250001:K7M3QX' })).toEqual({ ok: true, value: 'QR' });
    expect(checkProof(ready, { kind: 'qr', text: 'omni-order:2611250001:AAAAAA' })).toMatchObject({ ok: false, code: 'proof_mismatch' });
    expect(checkProof(ready, { kind: 'number_phone', number: '2611250001', phoneLast4: '5678' })).toEqual({ ok: true, value: 'NUMBER_PHONE' });
    expect(checkProof(ready, { kind: 'number_phone', number: '2611250001', phoneLast4: '1234' })).toMatchObject({ ok: false, code: 'proof_mismatch' });
  });

  it('hands out what was picked (substitutes included), less what the customer refuses, which is refunded at the price paid', () => {
    const plan = planHandout(ready, [{ lineId: 'L1', refused: 1, reason: 'damaged' }]);
    expect(plan).toEqual({ ok: true, value: [
      { lineId: 'L1', quantity: 1, refused: 1, refusedReason: 'damaged' },
      { lineId: 'L2', quantity: 1, refused: 0, refusedReason: null },
    ] });
    if (plan.ok) expect(handoutValue(ready, plan.value)).toEqual({ handedOut: 1100 + 800, refunded: 1100 });
    expect(planHandout(ready, [{ lineId: 'L1', refused: 3, reason: null }])).toMatchObject({ ok: false, code: 'refusal_invalid' });
    expect(planHandout(testOrder(), [])).toMatchObject({ ok: false, code: 'not_ready' });
  });

  it('hands out offline only when the store says so', () => {
    expect(offlineHandoutPolicy({ allowed: true })).toEqual({ allowed: true });
    expect(offlineHandoutPolicy({ allowed: 'yes' })).toEqual({ allowed: false });
    expect(offlineHandoutPolicy(undefined)).toEqual({ allowed: false });
  });
});
