import { openSerial, parseSerialEndpoint } from '../serial/serial-endpoint.ts';
import { openTcp } from '../scanner/transports/tcp-scanner.ts';
import type { DisplayCodePage } from './protocol/escpos-display.ts';
import { StreamPoleDisplay } from './transports/stream-pole-display.ts';
import type { CustomerDisplay } from './types.ts';

export const DISPLAY_ENDPOINT_MESSAGES = {
  codePage: (url: string, value: string) => `"${url}": codepage "${value}" is not known (ascii, or ksc5601 for a display with a Korean font)`,
  invalid: (url: string) => `"${url}" is not a customer display endpoint (expected serial:///dev/ttyUSB1?baud=9600 or tcp://host:port, optionally &codepage=ksc5601)`,
} as const;

function codePageOf(url: string): DisplayCodePage {
  const value = new URLSearchParams(/\?(.*)$/.exec(url)?.[1] ?? '').get('codepage') ?? 'ascii';
  if (value !== 'ascii' && value !== 'ksc5601') throw new Error(DISPLAY_ENDPOINT_MESSAGES.codePage(url, value));
  return value;
}

/** serial:///dev/ttyUSB1?baud=9600[&codepage=ksc5601] or tcp://host:port[?codepage=ksc5601]. Broken configuration throws. */
export function createPoleDisplay(url: string, options: { reconnectDelayMs?: number } = {}): CustomerDisplay {
  const codePage = codePageOf(url);
  if (/^serial:\/\//i.test(url)) {
    const endpoint = parseSerialEndpoint(url);
    return new StreamPoleDisplay({ source: `serial://${endpoint.path}`, codePage, openStream: () => openSerial(endpoint), ...options });
  }
  const tcp = /^tcp:\/\/([^:/?]+):(\d{1,5})(?:[/?].*)?$/i.exec(url);
  const port = Number(tcp?.[2]);
  if (!tcp?.[1] || !Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(DISPLAY_ENDPOINT_MESSAGES.invalid(url));
  const host = tcp[1];
  return new StreamPoleDisplay({ source: `tcp://${host}:${port}`, codePage, openStream: () => openTcp(host, port), ...options });
}
