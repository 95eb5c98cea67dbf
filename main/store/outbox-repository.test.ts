import { afterEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from './database.ts';
import { SqliteOutbox } from './outbox-repository.ts';
import { SqliteMemberRequests } from './member-request-repository.ts';
import { tempDataDir } from './test-helpers.ts';

let dbs: TillDatabases;
let cleanup: () => void = () => {};
afterEach(() => {
  dbs.close();
  cleanup();
});

function outboxWith(n: number): SqliteOutbox {
  const t = tempDataDir();
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
  const ins = dbs.till.prepare('INSERT INTO outbox (sequence, mutation_id, kind, occurred_at, payload) VALUES (?, ?, ?, ?, ?)');
  for (let s = 1; s <= n; s++) ins.run(s, `m${s}`, 'SALE', `2026-11-25T0${s}:00:00Z`, JSON.stringify({ id: `s${s}`, receiptNumber: `0001-01-00000${s}`, totals: { total: s * 1000 } }));
  return new SqliteOutbox(dbs.till);
}

describe('the outbox', () => {
  it('keeps a rejected mutation in quarantine with its reason, and the ones after it flow on', () => {
    const outbox = outboxWith(3);
    outbox.record([
      { id: 'm1', status: 'APPLIED' },
      { id: 'm2', status: 'REJECTED', code: 'sale_malformed', message: 'lines: empty' },
    ], '2026-11-25T10:00:00Z');
    expect(outbox.pending(10).map((e) => e.sequence)).toEqual([3]);
    expect(outbox.quarantine(10)).toEqual([
      { sequence: 2, mutationId: 'm2', kind: 'SALE', occurredAt: '2026-11-25T02:00:00Z', receiptNumber: '0001-01-000002', total: 2000,
        code: 'sale_malformed', message: 'lines: empty', rejectedAt: '2026-11-25T10:00:00Z', attempts: 0 },
    ]);
    expect(outbox.stats()).toEqual({ queued: 1, oldestQueuedAt: '2026-11-25T03:00:00Z', quarantined: 1 });
  });

  it('keeps the first verdict of an entry answered twice (a resend after the server lost it)', () => {
    const outbox = outboxWith(1);
    outbox.record([{ id: 'm1', status: 'FLAGGED', code: 'price_variance' }]);
    outbox.record([{ id: 'm1', status: 'APPLIED' }]);
    expect(dbs.till.prepare("SELECT status, result_code AS code FROM outbox WHERE mutation_id = 'm1'").get()).toEqual({ status: 'flagged', code: 'price_variance' });
  });

  it('gives the entries from a sequence on, answered or not, for a resend', () => {
    const outbox = outboxWith(4);
    outbox.record([{ id: 'm1', status: 'APPLIED' }, { id: 'm2', status: 'APPLIED' }]);
    expect(outbox.from(2, 2).map((e) => [e.sequence, e.mutationId])).toEqual([[2, 'm2'], [3, 'm3']]);
  });

  it('counts each send of an entry, whatever came of it', () => {
    const outbox = outboxWith(2);
    outbox.markAttempt([1, 2], '2026-11-25T10:00:00Z');
    outbox.markAttempt([1], '2026-11-25T10:01:00Z');
    expect(dbs.till.prepare('SELECT attempts, last_attempt_at AS at FROM outbox ORDER BY sequence').all()).toEqual([
      { attempts: 2, at: '2026-11-25T10:01:00Z' },
      { attempts: 1, at: '2026-11-25T10:00:00Z' },
    ]);
  });

  it("forgets an enrolment's phone and name once the centre answered it, keeping the row for the ledger", () => {
    const outbox = outboxWith(0);
    const members = new SqliteMemberRequests(dbs.till);
    const enrol = (memberId: string, phone: string, name: string) => ({
      kind: 'MEMBER_ENROLL' as const,
      payload: { memberId, phone, name, termsVersion: 't1', marketing: true, marketingVersion: 'm1', consentAt: '2026-11-25T10:00:00.000Z', staffId: 'staff-1' },
    });
    members.enqueue('e1', enrol('mem-1', '01080801212', '정하늘'), '2026-11-25T10:00:00.000Z');
    members.enqueue('e2', enrol('mem-2', '01012345678', '김하나'), '2026-11-25T10:01:00.000Z');
    members.enqueue('e3', enrol('mem-3', '01099998888', '이두리'), '2026-11-25T10:02:00.000Z');
    outbox.record([{ id: 'e1', status: 'APPLIED' }, { id: 'e2', status: 'REJECTED', code: 'member_phone', message: 'taken' }]);
    const payloads = dbs.till.prepare('SELECT payload FROM outbox ORDER BY sequence').pluck().all().map((p) => JSON.parse(p as string) as Record<string, unknown>);
    expect(payloads[0]).toEqual({ ...enrol('mem-1', '', '').payload });
    expect(payloads[1]).toMatchObject({ memberId: 'mem-2', phone: '', name: '' });
    // Not answered yet: what the centre still needs is kept.
    expect(payloads[2]).toMatchObject({ memberId: 'mem-3', phone: '01099998888', name: '이두리' });
    const text = dbs.till.prepare('SELECT group_concat(payload) FROM outbox WHERE status <> ?').pluck().get('pending') as string;
    expect(text).not.toMatch(/01080801212|01012345678|정하늘|김하나/);
    expect(outbox.quarantine(10).map((q) => q.mutationId)).toEqual(['e2']);
  });
});
