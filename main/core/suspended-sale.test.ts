import { describe, expect, it } from 'vitest';
import { type CentralSuspended, type LocalSuspended, listSuspended, planResume } from './suspended-sale.ts';

const self = { tillId: 'till-01', tillNumber: '01' };
const local = (saleId: string, suspendedAt: string): LocalSuspended => ({ saleId, staffId: 's', suspendedAt, total: 1000, itemCount: 1 });
const central = (saleId: string, tillId: string, suspendedAt: string, resumed: string | null = null): CentralSuspended => ({
  ...local(saleId, suspendedAt), tillId, tillNumber: tillId.slice(-2), resumedAt: resumed, resumedTillNumber: resumed ? '02' : null,
});

describe('the store\'s suspended sales as a till lists them', () => {
  it('offline: only this till\'s own, and it says it is offline', () => {
    const listed = listSuspended([local('a', '2026-12-04T01:00:00Z')], null, self);
    expect(listed).toEqual({ offline: true, resumedElsewhere: [], entries: [{ ...local('a', '2026-12-04T01:00:00Z'), tillNumber: '01', here: true }] });
  });

  it('online: its own (also ones the centre has not heard of yet) and the other tills\' open ones, oldest first', () => {
    const listed = listSuspended(
      [local('mine-pushed', '2026-12-04T01:00:00Z'), local('mine-queued', '2026-12-04T03:00:00Z')],
      [central('mine-pushed', 'till-01', '2026-12-04T01:00:00Z'), central('theirs', 'till-02', '2026-12-04T02:00:00Z'), central('theirs-resumed', 'till-02', '2026-12-04T00:00:00Z', '2026-12-04T00:30:00Z')],
      self,
    );
    expect(listed.offline).toBe(false);
    expect(listed.entries.map((e) => [e.saleId, e.tillNumber, e.here])).toEqual([['mine-pushed', '01', true], ['theirs', '02', false], ['mine-queued', '01', true]]);
  });

  it('drops this till\'s own sale another till resumed, and hides its own the centre still shows open but this till no longer keeps', () => {
    const listed = listSuspended(
      [local('taken', '2026-12-04T01:00:00Z')],
      [central('taken', 'till-01', '2026-12-04T01:00:00Z', '2026-12-04T01:05:00Z'), central('resumed-here-offline', 'till-01', '2026-12-04T00:00:00Z')],
      self,
    );
    expect(listed.entries).toEqual([]);
    expect(listed.resumedElsewhere).toEqual(['taken']);
  });
});

describe('resuming a suspended sale', () => {
  it('at the till that suspended it: claims when it can, else takes its own copy and tells the centre later', () => {
    expect(planResume(true, { kind: 'claimed', document: '{}' })).toEqual({ take: 'local', queueResumed: false });
    expect(planResume(true, null)).toEqual({ take: 'local', queueResumed: true });
    expect(planResume(true, { kind: 'unknown' })).toEqual({ take: 'local', queueResumed: true });
    expect(planResume(true, { kind: 'taken', tillNumber: '02' })).toEqual({ take: 'refused', reason: 'taken', tillNumber: '02', dropLocal: true });
  });

  it('at another till: only by a claim, never offline', () => {
    expect(planResume(false, { kind: 'claimed', document: '{"id":"a"}' })).toEqual({ take: 'central', document: '{"id":"a"}' });
    expect(planResume(false, { kind: 'taken', tillNumber: null })).toMatchObject({ take: 'refused', reason: 'taken', dropLocal: false });
    expect(planResume(false, { kind: 'unknown' })).toMatchObject({ take: 'refused', reason: 'gone' });
    expect(planResume(false, null)).toMatchObject({ take: 'refused', reason: 'offline' });
  });
});
