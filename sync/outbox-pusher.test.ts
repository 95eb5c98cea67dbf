import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCentral, type Central } from '../fixtures/central/server.ts';
import { DEMO_PRODUCTS } from '../fixtures/demo-store/products.ts';
import { sampleOutboxEntry, sampleSale } from '../fixtures/demo-store/sample-sale.ts';
import { demoTills } from '../fixtures/demo-store/store.ts';
import { createCentralClient, type CentralApi } from './central-client.ts';
import { PUSH_ERRORS, pushOutbox } from './outbox-pusher.ts';
import { MemoryOutbox, answerJson, fakeServer } from './test-helpers.ts';

const token = demoTills[0]?.token ?? '';

describe('pushing the outbox', () => {
  let central: Central;
  let dir: string;
  let client: CentralApi;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sync-push-'));
    central = await startCentral({ dbPath: path.join(dir, 'central.db') });
    client = createCentralClient({ endpoint: central.url, token });
  });
  afterEach(async () => {
    await central.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pushes every pending sale in sequence order and records the verdicts', async () => {
    const outbox = new MemoryOutbox().add(sampleOutboxEntry(2), sampleOutboxEntry(1), sampleOutboxEntry(3));
    expect(await pushOutbox(client, outbox)).toEqual({ pushed: 3, applied: 3, duplicate: 0, flagged: 0, rejected: 0, resent: 0 });
    expect(outbox.pending(10)).toEqual([]);
    expect(central.admin.salesCount()).toBe(3);
  });

  it('applies a sale once when it is pushed twice (the first answer was lost)', async () => {
    const outbox = new MemoryOutbox().add(sampleOutboxEntry(1), sampleOutboxEntry(2));
    await pushOutbox(client, outbox);
    outbox.forgetResults();
    expect(await pushOutbox(client, outbox)).toMatchObject({ pushed: 2, applied: 0, duplicate: 2 });
    expect(central.admin.salesCount()).toBe(2);
  });

  it('pushes in batches', async () => {
    const outbox = new MemoryOutbox();
    for (let s = 1; s <= 25; s++) outbox.add(sampleOutboxEntry(s));
    expect(await pushOutbox(client, outbox, { batchSize: 10 })).toMatchObject({ pushed: 25, applied: 25 });
    expect(outbox.recordCalls).toBe(3);
  });

  it('counts a sale rung at another price as flagged, and it is stored', async () => {
    const sale = sampleSale({ sequence: 1, items: [{ product: DEMO_PRODUCTS.water, quantity: 1, unitPrice: 500 }] });
    const outbox = new MemoryOutbox().add(sampleOutboxEntry(1, sale));
    expect(await pushOutbox(client, outbox)).toMatchObject({ pushed: 1, flagged: 1 });
    expect(outbox.results.get(outbox.entries[0]?.mutationId ?? '')).toMatchObject({ status: 'FLAGGED', code: 'price_variance' });
    expect(central.admin.salesCount()).toBe(1);
  });

  it('stops at a sequence gap and says what the server expects', async () => {
    const outbox = new MemoryOutbox().add(sampleOutboxEntry(2));
    const summary = await pushOutbox(client, outbox);
    expect(summary).toMatchObject({ pushed: 0, error: { code: 'sequence_gap' } });
    expect(summary.error?.message).toContain('expects sequence 1');
    expect(outbox.pending(10)).toHaveLength(1);
  });

  it('resends from the sequence the server expects when it lost what it had acknowledged (restored from a backup)', async () => {
    const outbox = new MemoryOutbox();
    for (let s = 1; s <= 5; s++) outbox.add(sampleOutboxEntry(s));
    await pushOutbox(client, outbox);
    central.admin.rewindTill(demoTills[0]?.tillId ?? '', 4);
    expect(central.admin.salesCount()).toBe(3);
    outbox.add(sampleOutboxEntry(6), sampleOutboxEntry(7));
    const summary = await pushOutbox(client, outbox, { batchSize: 2 });
    expect(summary).toMatchObject({ applied: 4, resent: 4 });
    expect(summary.error).toBeUndefined();
    expect(central.admin.sales().map((s) => s.id).sort()).toEqual(outbox.entries.flatMap((e) => (e.kind === 'SALE' ? [e.payload.id] : [])).sort());
    expect(outbox.pending(10)).toEqual([]);
  });

  it('stops, and says so, when the server expects a sequence this till never had', async () => {
    const outbox = new MemoryOutbox().add(sampleOutboxEntry(1));
    await pushOutbox(client, outbox);
    central.admin.rewindTill(demoTills[0]?.tillId ?? '', 1);
    const fresh = new MemoryOutbox().add(sampleOutboxEntry(2));
    expect(await pushOutbox(client, fresh)).toMatchObject({ pushed: 0, error: { code: 'sequence_gap', message: PUSH_ERRORS.behind(1) } });
  });

  it('quarantines a rejected mutation and pushes the ones after it (the queue never deadlocks)', async () => {
    const broken = { ...sampleOutboxEntry(2), payload: { ...sampleSale({ sequence: 2 }), lines: [] } };
    const outbox = new MemoryOutbox().add(sampleOutboxEntry(1), broken, sampleOutboxEntry(3));
    expect(await pushOutbox(client, outbox)).toMatchObject({ pushed: 3, applied: 2, rejected: 1 });
    expect(outbox.results.get(broken.mutationId)).toMatchObject({ status: 'REJECTED', code: 'sale_malformed' });
    expect(outbox.pending(10)).toEqual([]);
    expect(central.admin.salesCount()).toBe(2);
  });

  it('records nothing when the server answers garbage', async () => {
    const server = await fakeServer(answerJson(200, '{"data": {"pushMutations": 42}}'));
    try {
      const outbox = new MemoryOutbox().add(sampleOutboxEntry(1));
      const summary = await pushOutbox(createCentralClient({ endpoint: server.url, token }), outbox);
      expect(summary).toMatchObject({ pushed: 0, error: { code: 'invalid_response' } });
      expect(outbox.recordCalls).toBe(0);
      expect(outbox.pending(10)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('records nothing when the answer is well-formed but about other mutations', async () => {
    const server = await fakeServer(
      answerJson(200, JSON.stringify({ data: { pushMutations: { results: [{ id: 'someone-else', sequence: 1, status: 'APPLIED', code: null, message: null, originalStatus: null }], expectedSequence: 2 } } })),
    );
    try {
      const outbox = new MemoryOutbox().add(sampleOutboxEntry(1));
      expect(await pushOutbox(createCentralClient({ endpoint: server.url, token }), outbox)).toMatchObject({ error: { code: 'invalid_response' } });
      expect(outbox.recordCalls).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('reports a failing server as http_5xx and keeps the sales pending', async () => {
    const server = await fakeServer(answerJson(500, '{"errors":[{"message":"db down"}]}'));
    try {
      const outbox = new MemoryOutbox().add(sampleOutboxEntry(1));
      expect(await pushOutbox(createCentralClient({ endpoint: server.url, token }), outbox)).toMatchObject({ error: { code: 'http_5xx' } });
      expect(outbox.pending(10)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
