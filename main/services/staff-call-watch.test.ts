import { afterEach, describe, expect, it } from 'vitest';
import { StaffCallWatch } from './staff-call-watch.ts';
import type { StaffCallNotice } from '../../sync/staff-call-client.ts';

const call: StaffCallNotice = { id: 'c1', tillId: 'till-0001-01', tillNumber: '01', reason: 'help', raisedAt: '2026-11-25T10:00:00.000Z' };
let watch: StaffCallWatch | null = null;
afterEach(() => watch?.stop());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the staff call watch on a staff till', () => {
  it('tells the screens when the open calls change, not on every poll', async () => {
    let answer: StaffCallNotice[] = [call];
    const told: number[] = [];
    watch = new StaffCallWatch({ open: async () => ({ ok: true, value: answer }) }, (v) => told.push(v.calls.length), 20);
    await sleep(150);
    expect(told).toEqual([1]);
    answer = [];
    await sleep(100);
    expect(told).toEqual([1, 0]);
    expect(watch.list().checkedAt).not.toBeNull();
  });

  it('asks a central API that does not answer less and less often, and keeps the last list it had', async () => {
    let asked = 0;
    watch = new StaffCallWatch({ open: async () => (asked++, { ok: false, code: 'unreachable', message: 'down' }) }, () => {}, 20);
    await sleep(400);
    // Every 20 ms would be 20 requests; backing off (40, 80, 160 ms ...) makes it a handful.
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(asked).toBeLessThanOrEqual(6);
    expect(watch.list()).toEqual({ calls: [], checkedAt: null });
  });
});
