import { afterEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../fixtures/central/server.ts';
import { demoTills } from '../fixtures/demo-store/store.ts';
import { DEMO_PRODUCTS } from '../fixtures/demo-store/products.ts';
import { sseEvents, startPokeListener, type PokeListener } from './poke-listener.ts';
import { eventually } from './test-helpers.ts';

const token = demoTills[0]?.token ?? '';

describe('server-sent events', () => {
  it('splits a stream into events, skipping keep-alive comments, across chunk boundaries', () => {
    const buffer = { text: ':\n\nevent: next\ndata: {"a":' };
    expect([...sseEvents(buffer)]).toEqual([]);
    buffer.text += '1}\n\nevent: complete\ndata:\n\n';
    expect([...sseEvents(buffer)]).toEqual([{ event: 'next', data: '{"a":1}' }, { event: 'complete', data: '' }]);
  });
});

describe('the poke listener', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('hears a poke from the central API when a stream changes', async () => {
    const central: Central = await startCentral({ dbPath: ':memory:' });
    cleanups.push(() => central.close());
    const pokes: string[] = [];
    let connected = false;
    const listener: PokeListener = startPokeListener({ endpoint: central.url, token, onPoke: (p) => pokes.push(p.stream), onConnection: (c) => (connected = c) });
    cleanups.push(() => listener.stop());
    await eventually(() => connected);
    central.admin.setPrice(DEMO_PRODUCTS.water.barcode, 1234);
    await eventually(() => pokes.includes('catalog'));
  });

  it('keeps trying while the central API is down, and stops when told', async () => {
    let attempts = 0;
    const listener = startPokeListener({
      endpoint: 'http://127.0.0.1:9/graphql', token, onPoke: () => undefined, backoff: { baseMs: 5, maxMs: 10 },
      fetch: (...args) => {
        attempts++;
        return fetch(...args);
      },
    });
    await eventually(() => attempts >= 3);
    await listener.stop();
  });

  it('is refused for a credential that is not a till', async () => {
    const central: Central = await startCentral({ dbPath: ':memory:' });
    cleanups.push(() => central.close());
    let connected = false;
    let attempts = 0;
    const listener = startPokeListener({
      endpoint: central.url, token: 'nobody', onPoke: () => undefined, onConnection: (c) => (connected = connected || c), backoff: { baseMs: 5, maxMs: 10 },
      fetch: (...args) => {
        attempts++;
        return fetch(...args);
      },
    });
    cleanups.push(() => listener.stop());
    await eventually(() => attempts >= 2);
    expect(connected).toBe(false);
  });
});
