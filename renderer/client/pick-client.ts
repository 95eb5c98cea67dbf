import type { LiveTillClient } from './live-till-client.ts';
import { PreloadTillClient } from './preload-till-client.ts';
import { WsTillClient } from './ws-till-client.ts';
import { wsUrlFor } from './ws-url.ts';

/** Electron (preload bridge present) or browser mode (WebSocket to the host that served the page). */
export function pickClient(): LiveTillClient {
  if (window.till) return new PreloadTillClient(window.till);
  return new WsTillClient(wsUrlFor(window.location));
}
