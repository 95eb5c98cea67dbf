import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../fixtures/central/server.ts';
import { demoTills } from '../fixtures/demo-store/store.ts';
import { createCentralClient } from './central-client.ts';
import { answerJson, fakeServer } from './test-helpers.ts';

const token = demoTills[0]?.token ?? '';

describe('the central client', () => {
  let central: Central;
  beforeAll(async () => {
    central = await startCentral({ dbPath: ':memory:' });
  });
  afterAll(() => central.close());

  it('tells the till who it is, validated', async () => {
    const r = await createCentralClient({ endpoint: central.url, token }).me();
    expect(r).toMatchObject({ ok: true, value: { id: 'till-0001-01', store: { code: '0001', currency: 'KRW' } } });
  });

  it('delivers catalog items as core products', async () => {
    const r = await createCentralClient({ endpoint: central.url, token }).catalogChanges(null, 1);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.items[0]).toEqual({
      id: expect.any(String), barcode: expect.stringMatching(/^880\d{10}$/), name: { ko: expect.any(String), en: expect.any(String) },
      price: expect.any(Number), currency: 'KRW', taxClass: 'VAT10', category: 'ramen', deleted: false,
    });
  });

  it('classifies a credential the server does not know as unauthenticated', async () => {
    const r = await createCentralClient({ endpoint: central.url, token: 'stolen-or-revoked' }).me();
    expect(r).toMatchObject({ ok: false, code: 'unauthenticated' });
  });

  it('classifies a schema-invalid answer as invalid_response', async () => {
    const server = await fakeServer(answerJson(200, '{"data": {"pushMutations": 42}}'));
    try {
      expect(await createCentralClient({ endpoint: server.url, token }).pushMutations([])).toMatchObject({ ok: false, code: 'invalid_response' });
    } finally {
      await server.close();
    }
  });

  it('classifies a body that is not JSON as invalid_response', async () => {
    const server = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>captive portal</html>');
    });
    try {
      expect(await createCentralClient({ endpoint: server.url, token }).me()).toMatchObject({ ok: false, code: 'invalid_response' });
    } finally {
      await server.close();
    }
  });

  it('classifies an HTTP 500 as http_5xx', async () => {
    const server = await fakeServer(answerJson(500, 'oops'));
    try {
      expect(await createCentralClient({ endpoint: server.url, token }).me()).toMatchObject({ ok: false, code: 'http_5xx' });
    } finally {
      await server.close();
    }
  });

  it('classifies a server that does not answer in time as timeout', async () => {
    const server = await fakeServer(() => undefined);
    try {
      expect(await createCentralClient({ endpoint: server.url, token, timeoutMs: 200 }).me()).toMatchObject({ ok: false, code: 'timeout' });
    } finally {
      await server.close();
    }
  });

  it('classifies a refused connection as unreachable', async () => {
    const server = await fakeServer(answerJson(200, '{}'));
    await server.close();
    expect(await createCentralClient({ endpoint: server.url, token }).me()).toMatchObject({ ok: false, code: 'unreachable' });
  });
});
