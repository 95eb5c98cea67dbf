import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, createCircuit } from './circuit.ts';

describe('backoff with full jitter', () => {
  it('waits between half and all of base * 2^(failures-1), capped at the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (failures, r) => {
        const d = backoffDelay(failures, { baseMs: 100, maxMs: 10_000, random: () => r });
        const ceiling = Math.min(10_000, 100 * 2 ** (failures - 1));
        expect(d).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(d).toBeLessThanOrEqual(ceiling);
      }),
    );
  });

  it('doubles the ceiling with each failure until the cap', () => {
    const top = (n: number): number => backoffDelay(n, { baseMs: 100, maxMs: 1000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6].map(top)).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('spreads the waits of tills that failed together (jitter)', () => {
    expect(backoffDelay(4, { baseMs: 1000, random: () => 0 })).toBe(4000);
    expect(backoffDelay(4, { baseMs: 1000, random: () => 0.5 })).toBe(6000);
  });

  it('does not wait before the first try', () => {
    expect(backoffDelay(0)).toBe(0);
  });
});

describe('the circuit to the central API', () => {
  const policy = { baseMs: 100, maxMs: 1000, threshold: 3, random: () => 0.999999 };

  it('stays closed through fewer failures in a row than the threshold', () => {
    const c = createCircuit(policy);
    c.fail(0);
    c.fail(0);
    expect(c.state).toBe('closed');
    expect(c.allow(0)).toBe(true);
  });

  it('opens at the threshold and allows no call until the wait is over', () => {
    const c = createCircuit(policy);
    c.fail(0);
    c.fail(0);
    const wait = c.fail(1000);
    expect(c.state).toBe('open');
    expect(c.allow(1000 + wait - 1)).toBe(false);
    expect(c.allow(1000 + wait)).toBe(true);
    expect(c.state).toBe('half-open');
  });

  it('opens again at once when the probe fails, and closes when it succeeds', () => {
    const c = createCircuit(policy);
    for (let i = 0; i < 3; i++) c.fail(0);
    c.allow(10_000);
    c.fail(10_000);
    expect(c.state).toBe('open');
    c.allow(100_000);
    c.succeed();
    expect(c).toMatchObject({ state: 'closed', failures: 0, retryAt: null });
  });

  it('closes on reset (a person pressed sync now)', () => {
    const c = createCircuit(policy);
    for (let i = 0; i < 5; i++) c.fail(0);
    c.reset();
    expect(c.allow(0)).toBe(true);
    expect(c.state).toBe('closed');
  });
});
