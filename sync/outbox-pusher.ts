import type { CentralApi, CentralErrorCode } from './central-client.ts';
import type { MutationResult, OutboxEntry, OutboxPort } from './ports.ts';
import { toMutationInput } from './sale-input.ts';

export type PushErrorCode = CentralErrorCode | 'sequence_gap';

export interface PushSummary {
  /** Mutations the server answered for (and the outbox recorded). */
  readonly pushed: number;
  readonly applied: number;
  readonly duplicate: number;
  readonly flagged: number;
  readonly rejected: number;
  readonly error?: { readonly code: PushErrorCode; readonly message: string };
}

export interface PushOptions {
  readonly batchSize?: number;
}

/**
 * Pushes the outbox in sequence order, batch by batch, until nothing is pending or something fails.
 * Results are recorded only when they answer, in order, the mutations just sent: an answer that
 * does not (garbage, other ids) records nothing, so the entries stay pending and are pushed again,
 * which the server's idempotency makes harmless.
 */
export async function pushOutbox(client: CentralApi, outbox: OutboxPort, options: PushOptions = {}): Promise<PushSummary> {
  const batchSize = options.batchSize ?? 100;
  const counts = { pushed: 0, applied: 0, duplicate: 0, flagged: 0, rejected: 0 };
  const done = (error?: PushSummary['error']): PushSummary => (error ? { ...counts, error } : { ...counts });

  for (;;) {
    const entries = [...outbox.pending(batchSize)].sort((a, b) => a.sequence - b.sequence);
    if (entries.length === 0) return done();
    const reply = await client.pushMutations(entries.map(toMutationInput));
    if (!reply.ok) return done({ code: reply.code, message: reply.message });
    const { results, expectedSequence } = reply.value;
    if (!answers(entries, results)) {
      return done({ code: 'invalid_response', message: 'the push results do not answer the mutations sent' });
    }
    if (results.length > 0) outbox.record(results);
    for (const r of results) {
      counts.pushed++;
      if (r.status === 'APPLIED') counts.applied++;
      else if (r.status === 'DUPLICATE') counts.duplicate++;
      else if (r.status === 'FLAGGED') counts.flagged++;
      else counts.rejected++;
    }
    if (results.length < entries.length) {
      const next = entries[results.length];
      return done({
        code: 'sequence_gap',
        message: `the central API expects sequence ${expectedSequence}; the outbox's next is ${next?.sequence ?? '?'}`,
      });
    }
  }
}

/** The results are a prefix of the batch, in order. */
function answers(entries: readonly OutboxEntry[], results: readonly MutationResult[]): boolean {
  return results.length <= entries.length && results.every((r, i) => r.id === entries[i]?.mutationId);
}
