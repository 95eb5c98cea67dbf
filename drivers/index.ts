import { ZvtTcpTerminal } from './payment/transports/zvt-tcp-terminal.ts';
import type { PaymentTerminal } from './payment/types.ts';
import { EscPosTcpPrinter } from './printer/transports/tcp-printer.ts';
import type { ReceiptPrinter } from './printer/types.ts';
import { TcpLineScanner } from './scanner/transports/tcp-scanner.ts';
import type { BarcodeScanner } from './scanner/types.ts';

export const ENDPOINT_MESSAGES = {
  invalid: (url: string) => `"${url}" is not a device endpoint URL (expected e.g. tcp://127.0.0.1:9100)`,
  notYet: (scheme: string) => `${scheme}// devices are not supported yet (serial:// and hid:// come with issue #4); use tcp://host:port`,
  unknown: (scheme: string) => `unknown device endpoint scheme "${scheme}"; supported: tcp://host:port`,
  port: (url: string) => `"${url}" has no valid port`,
} as const;

/** Parses "tcp://host:port"; a missing port takes the device class default. Broken configuration throws. */
export function parseEndpoint(url: string, defaultPort?: number): { host: string; port: number } {
  const scheme = /^([a-z][a-z0-9+.-]*:)\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'serial:' || scheme === 'hid:') throw new Error(ENDPOINT_MESSAGES.notYet(scheme));
  if (scheme !== undefined && scheme !== 'tcp:') throw new Error(ENDPOINT_MESSAGES.unknown(scheme));
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(ENDPOINT_MESSAGES.invalid(url));
  }
  if (parsed.protocol !== 'tcp:') throw new Error(ENDPOINT_MESSAGES.invalid(url));
  const port = parsed.port === '' ? defaultPort : Number(parsed.port);
  if (port === undefined || !Number.isInteger(port) || port <= 0) throw new Error(ENDPOINT_MESSAGES.port(url));
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port };
}

export function createPrinter(url: string): ReceiptPrinter {
  return new EscPosTcpPrinter(parseEndpoint(url, 9100));
}

export function createScanner(url: string): BarcodeScanner {
  return new TcpLineScanner(parseEndpoint(url));
}

export function createPaymentTerminal(url: string): PaymentTerminal {
  return new ZvtTcpTerminal(parseEndpoint(url, 20007));
}

export type { Device, DeviceStatus, DeviceState, DeviceErrorCode } from './device.ts';
export type { ReceiptPrinter, PrintDocument, PrintBlock, PrintOutcome } from './printer/types.ts';
export type { BarcodeScanner, Scan } from './scanner/types.ts';
export type { PaymentTerminal, PaymentOutcome, AuthorizationRequest } from './payment/types.ts';
