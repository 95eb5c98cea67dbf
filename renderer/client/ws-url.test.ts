import { describe, expect, it } from 'vitest';
import { wsUrlFor } from './ws-url.ts';

describe('WebSocket URL', () => {
  it('is /ws on the host that served the page', () => {
    expect(wsUrlFor({ protocol: 'http:', host: '127.0.0.1:4400', search: '' })).toBe('ws://127.0.0.1:4400/ws');
  });

  it('takes a full URL or a host:port from ?ws=', () => {
    expect(wsUrlFor({ protocol: 'http:', host: 'localhost:5173', search: '?ws=ws://127.0.0.1:4400/socket' })).toBe('ws://127.0.0.1:4400/socket');
    expect(wsUrlFor({ protocol: 'http:', host: 'localhost:5173', search: '?ws=127.0.0.1:4400' })).toBe('ws://127.0.0.1:4400/ws');
  });
});
