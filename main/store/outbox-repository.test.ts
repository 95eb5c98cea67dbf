import { afterEach, describe, expect, it } from 'vitest';
import { openTillDatabases, type TillDatabases } from './database.ts';
import { SqliteOutbox } from './outbox-repository.ts';
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
});
