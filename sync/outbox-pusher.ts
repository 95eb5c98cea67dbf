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
  /** Already-answered mutations sent again because the server expected an earlier sequence. */
  readonly resent: number;
  readonly error?: { readonly code: PushErrorCode; readonly message: string };
}

export interface PushOptions {
  readonly batchSize?: number;
}

export const PUSH_ERRORS = {
  mismatch: 'the push results do not answer the mutations sent',
  gap: (expected: number, next: number | string) => `the central API expects sequence ${expected}; the outbox's next is ${next}`,
  behind: (expected: number) => `the central API expects sequence ${expected}, which this till no longer has`,
} as const;

/**
 * Pushes the outbox in sequence order, batch by batch, until nothing is pending or something fails.
 * Results are recorded only when they answer, in order, the mutations just sent: an answer that
 * does not (garbage, other ids) records nothing, so the entries stay pending and are pushed again,
 * which the server's idempotency makes harmless.
 *
 * A sequence gap where the server expects an EARLIER sequence than the till sent means the server
 * lost mutations it had acknowledged (a restore from backup): the till resends from that sequence,
 * answered entries included, and carries on. A server expecting a LATER sequence than the till's
 * next pending one knows a history this till does not: that needs a person, so the push stops.
 */
export async function pushOutbox(client: CentralApi, outbox: OutboxPort, options: PushOptions = {}): Promise<PushSummary> {
  const batchSize = options.batchSize ?? 100;
  const counts = { pushed: 0, applied: 0, duplicate: 0, flagged: 0, rejected: 0, resent: 0 };
  const done = (error?: PushSummary['error']): PushSummary => (error ? { ...counts, error } : { ...counts });
  /** While resending: the next sequence to send, answered or not. */
  let resendFrom: number | null = null;

  for (;;) {
    const entries = [...(resendFrom === null ? outbox.pending(batchSize) : outbox.from(resendFrom, batchSize))].sort((a, b) => a.sequence - b.sequence);
    if (entries.length === 0) return done();
    outbox.markAttempt?.(entries.map((e) => e.sequence));
    const reply = await client.pushMutations(entries.map(toMutationInput));
    if (!reply.ok) return done({ code: reply.code, message: reply.message });
    const { results, expectedSequence } = reply.value;
    if (!answers(entries, results)) return done({ code: 'invalid_response', message: PUSH_ERRORS.mismatch });
    if (results.length > 0) outbox.record(results);
    for (const r of results) {
      counts.pushed++;
      if (resendFrom !== null) counts.resent++;
      if (r.status === 'APPLIED') counts.applied++;
      else if (r.status === 'DUPLICATE') counts.duplicate++;
      else if (r.status === 'FLAGGED') counts.flagged++;
      else counts.rejected++;
    }
    const last = results[results.length - 1];
    if (resendFrom !== null && last) resendFrom = last.sequence + 1;
    if (results.length === entries.length) continue;

    const next = entries[results.length];
    if (!next) return done({ code: 'sequence_gap', message: PUSH_ERRORS.gap(expectedSequence, '?') });
    if (expectedSequence < next.sequence && (resendFrom === null || expectedSequence < resendFrom || results.length > 0)) {
      // The server is behind: resend from where it is, if this till still has that entry.
      if (outbox.from(expectedSequence, 1)[0]?.sequence !== expectedSequence) return done({ code: 'sequence_gap', message: PUSH_ERRORS.behind(expectedSequence) });
      resendFrom = expectedSequence;
      continue;
    }
    return done({ code: 'sequence_gap', message: PUSH_ERRORS.gap(expectedSequence, next.sequence) });
  }
}

/** The results are a prefix of the batch, in order. */
function answers(entries: readonly OutboxEntry[], results: readonly MutationResult[]): boolean {
  return results.length <= entries.length && results.every((r, i) => r.id === entries[i]?.mutationId);
}
