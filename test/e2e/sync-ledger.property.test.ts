import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCentral } from '../../fixtures/central/server.ts';
import { PASS, startFaultProxy } from '../../fixtures/central/fault-proxy.ts';
import { demoTills } from '../../fixtures/demo-store/store.ts';
import { createCentralClient } from '../../sync/central-client.ts';
import { pushOutbox } from '../../sync/outbox-pusher.ts';
import type { OutboxPort } from '../../sync/ports.ts';
import { centralLedger, centralSequences, openTillStore, tillLedger } from '../support/sync-ledger.ts';

// Random interleavings of sales, pushes and the ways a push goes wrong, against the real central
// server on loopback and the till's real SQLite outbox. Whatever happened, once the line is good
// again and the till has pushed, the server's ledger equals the till's journal.
const till = demoTills[0];
if (!till) throw new Error('no demo till');

type Step =
  | { readonly t: 'sales'; readonly n: number }
  | { readonly t: 'push' }
  /** The server commits, the answer is lost on the way back. */
  | { readonly t: 'drop' }
  /** The server commits, the answer never comes (the till times out). */
  | { readonly t: 'timeout' }
  /** The pusher is killed between the server's answer and the local record. */
  | { readonly t: 'kill' }
  /** Two pushers at once (a poke racing a round). */
  | { readonly t: 'race' }
  /** The till forgets some verdicts and pushes those mutations again. */
  | { readonly t: 'replay'; readonly every: number }
  /** The server is restored from a backup `back` mutations old. */
  | { readonly t: 'restore'; readonly back: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('sales' as const), n: fc.integer({ min: 1, max: 4 }) }), weight: 4 },
  { arbitrary: fc.constant({ t: 'push' as const }), weight: 2 },
  fc.constant({ t: 'drop' as const }),
  fc.constant({ t: 'timeout' as const }),
  fc.constant({ t: 'kill' as const }),
  fc.constant({ t: 'race' as const }),
  fc.record({ t: fc.constant('replay' as const), every: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ t: fc.constant('restore' as const), back: fc.integer({ min: 1, max: 6 }) }),
);

class Killed extends Error {}

describe('the ledger under random interleavings', () => {
  it('ends equal to the till journal, each sale once, whatever the order of sales, pushes, replays, drops and kills', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 5 }), async (steps, batchSize) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'sync-prop-'));
        const central = await startCentral({ dbPath: path.join(dir, 'central.db') });
        const proxy = await startFaultProxy(central.url);
        const store = openTillStore(path.join(dir, 'till'));
        try {
          const client = createCentralClient({ endpoint: proxy.url, token: till.token, timeoutMs: 10_000 });
          // Only for the request the proxy holds: a short wait, so the run stays quick.
          const hasty = createCentralClient({ endpoint: proxy.url, token: till.token, timeoutMs: 200 });
          const push = (outbox: OutboxPort = store.outbox, via = client): Promise<unknown> => pushOutbox(via, outbox, { batchSize }).catch((e: unknown) => {
            if (!(e instanceof Killed)) throw e;
          });
          const once = (kind: 'drop-after-commit' | 'hang-after-commit'): void => {
            let used = false;
            proxy.plan((r) => (r.operation === 'pushMutations' && !used ? ((used = true), { kind }) : PASS));
          };
          for (const s of steps) {
            proxy.plan(() => PASS);
            switch (s.t) {
              case 'sales':
                for (let i = 0; i < s.n; i++) store.ring();
                break;
              case 'push':
                await push();
                break;
              case 'drop':
                once('drop-after-commit');
                await push();
                break;
              case 'timeout':
                once('hang-after-commit');
                await push(store.outbox, hasty);
                break;
              case 'kill':
                await push({
                  pending: (n) => store.outbox.pending(n),
                  from: (q, n) => store.outbox.from(q, n),
                  record: () => {
                    throw new Killed('SIGKILL');
                  },
                });
                break;
              case 'race':
                await Promise.all([push(), push()]);
                break;
              case 'replay':
                store.dbs.till.prepare("UPDATE outbox SET status = 'pending' WHERE status <> 'pending' AND sequence % ? = 0").run(s.every);
                break;
              case 'restore': {
                const next = Number(central.db.prepare('SELECT next_sequence FROM till WHERE id = ?').pluck().get(till.tillId));
                central.admin.rewindTill(till.tillId, Math.max(1, next - s.back));
                break;
              }
            }
          }
          // The line is good again; the sync loop would push until the outbox is empty.
          proxy.plan(() => PASS);
          await push();
          // A restore may have happened after everything was answered: the next push finds out
          // only when there is something new to send. Ring one more sale, as the store would.
          store.ring();
          await push();
          expect(store.outbox.pending(1)).toEqual([]);
          const ours = tillLedger(store.dbs.till);
          expect(centralLedger(central.db, till.tillId)).toEqual(ours);
          expect(centralSequences(central.db, till.tillId)).toEqual(ours.map((_, i) => i + 1));
        } finally {
          store.close();
          await proxy.close();
          await central.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  });
});
