import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientMessage } from '../../main/api/till-client.ts';
import { WsTillClient } from './ws-till-client.ts';

/** A stand-in WebSocket the test opens, feeds and drops by hand. */
class FakeSocket extends EventTarget {
  static all: FakeSocket[] = [];
  readonly sent: ClientMessage[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.all.push(this);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  close(): void {
    this.dispatchEvent(new Event('close'));
  }
  open(): void {
    this.dispatchEvent(new Event('open'));
  }
  receive(message: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
}

const latest = (): FakeSocket => {
  const socket = FakeSocket.all.at(-1);
  if (!socket) throw new Error('no socket');
  return socket;
};

const make = () => new WsTillClient('ws://127.0.0.1:1/ws', { webSocket: FakeSocket as unknown as new (url: string) => WebSocket, waitForConnectionMs: 1000 });

describe('WebSocket till client', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  it('matches replies to requests by id and delivers events', async () => {
    const client = make();
    latest().open();
    const seen: unknown[] = [];
    client.on('sync', (s) => seen.push(s.queued));
    const reply = client.invoke('session.signIn', { pin: '1234' });
    const sent = latest().sent[0];
    expect(sent?.method).toBe('session.signIn');
    latest().receive({ kind: 'event', event: 'sync', payload: { queued: 3 } });
    latest().receive({ kind: 'reply', id: sent?.id, reply: { ok: true, value: { id: 's1', name: '김민지', role: 'cashier' } } });
    expect(await reply).toEqual({ ok: true, value: { id: 's1', name: '김민지', role: 'cashier' } });
    expect(seen).toEqual([3]);
  });

  it('holds a request made while disconnected until the connection comes back', async () => {
    const client = make();
    const states: string[] = [];
    client.onConnection((s) => states.push(s));
    latest().open();
    latest().close();
    expect(client.connection).toBe('reconnecting');
    const reply = client.invoke('till.status', {});
    await vi.advanceTimersByTimeAsync(300);
    latest().open();
    const sent = latest().sent[0];
    expect(sent?.method).toBe('till.status');
    latest().receive({ kind: 'reply', id: sent?.id, reply: { ok: false, error: { code: 'internal', message: 'x' } } });
    expect((await reply).ok).toBe(false);
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
  });

  it('fails a request with disconnected when no connection comes within the bound', async () => {
    const client = make();
    const reply = client.invoke('till.status', {});
    await vi.advanceTimersByTimeAsync(1100);
    expect(await reply).toMatchObject({ ok: false, error: { code: 'disconnected' } });
  });

  it('fails a request in flight when the socket drops, and does not resend it', async () => {
    const client = make();
    latest().open();
    const first = latest();
    const reply = client.invoke('sale.payCard', {});
    first.close();
    expect(await reply).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    await vi.advanceTimersByTimeAsync(300);
    latest().open();
    expect(latest()).not.toBe(first);
    expect(latest().sent).toEqual([]);
  });
});
