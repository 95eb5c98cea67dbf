/**
 * Where the host's WebSocket is. The host serves the UI and the WebSocket on the same port, so
 * by default it is ws://<page host>/ws. `?ws=` overrides it: a full ws:// or wss:// URL, or a
 * host:port (then /ws is appended), e.g. when the UI comes from the Vite dev server.
 */
export function wsUrlFor(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const override = new URLSearchParams(location.search).get('ws');
  if (override) {
    if (/^wss?:\/\//.test(override)) return override;
    return `ws://${override}/ws`;
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host || '127.0.0.1'}/ws`;
}
