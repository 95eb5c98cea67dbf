/** In-memory ports and fake servers for sync's tests (never imported by production code). */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CatalogChange, MutationResult, OutboxEntry, OutboxPort, StaffChange, StreamSinkPort } from './ports.ts';

export class MemoryOutbox implements OutboxPort {
  readonly entries: OutboxEntry[] = [];
  readonly results = new Map<string, MutationResult>();
  recordCalls = 0;

  add(...entries: OutboxEntry[]): this {
    this.entries.push(...entries);
    return this;
  }

  pending(limit: number): OutboxEntry[] {
    return this.entries.filter((e) => !this.results.has(e.mutationId)).sort((a, b) => a.sequence - b.sequence).slice(0, limit);
  }

  record(results: readonly MutationResult[]): void {
    this.recordCalls++;
    for (const r of results) if (!this.results.has(r.id)) this.results.set(r.id, r);
  }

  from(sequence: number, limit: number): OutboxEntry[] {
    return this.entries.filter((e) => e.sequence >= sequence).sort((a, b) => a.sequence - b.sequence).slice(0, limit);
  }

  /** As if the till never heard the server's answer (the response was lost after the commit). */
  forgetResults(): void {
    this.results.clear();
  }
}

export class MemorySink<T extends { readonly id: string; readonly deleted: boolean }> implements StreamSinkPort<T> {
  readonly rows = new Map<string, T>();
  readonly cursors = new Map<string, string>();
  readonly applied: { items: number; reset: boolean }[] = [];

  cursor(stream: string): string | null {
    return this.cursors.get(stream) ?? null;
  }

  applyPage(stream: string, items: readonly T[], cursor: string, reset: boolean): void {
    if (reset) this.rows.clear();
    for (const item of items) {
      if (item.deleted) this.rows.delete(item.id);
      else this.rows.set(item.id, item);
    }
    this.cursors.set(stream, cursor);
    this.applied.push({ items: items.length, reset });
  }
}

export const memorySinks = (): { catalog: MemorySink<CatalogChange>; staff: MemorySink<StaffChange> } => ({
  catalog: new MemorySink<CatalogChange>(),
  staff: new MemorySink<StaffChange>(),
});

/** A small HTTP server that answers every request with the handler: 500s, garbage, silence. */
export async function fakeServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const answerJson = (status: number, body: string) => (_req: IncomingMessage, res: ServerResponse): void => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
};

/** Resolves when the condition holds, polling; rejects after the timeout. */
export async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
