import { ZvtSerialTerminal } from './payment/transports/zvt-serial-terminal.ts';
import { ZvtTcpTerminal } from './payment/transports/zvt-tcp-terminal.ts';
import { EscPosSerialPrinter } from './printer/transports/serial-printer.ts';
import type { OperationJournal, PaymentTerminal } from './payment/types.ts';
import { EscPosTcpPrinter } from './printer/transports/tcp-printer.ts';
import { EscPosUsbPrinter } from './printer/transports/usb-lp-printer.ts';
import { parseDeviceFileEndpoint } from './printer/transports/device-file.ts';
import type { ReceiptPrinter } from './printer/types.ts';
import { SerialLineScanner } from './scanner/transports/serial-scanner.ts';
import { TcpLineScanner } from './scanner/transports/tcp-scanner.ts';
import { HidPosScanner } from './scanner/transports/hid-pos-scanner.ts';
import { createHidSource, isHidEndpoint } from './scanner/transports/hid-endpoint.ts';
import { parseSerialEndpoint } from './serial/serial-endpoint.ts';
import type { BarcodeScanner } from './scanner/types.ts';

export const ENDPOINT_MESSAGES = {
  invalid: (url: string) => `"${url}" is not a device endpoint URL (expected e.g. tcp://127.0.0.1:9100)`,
  notYet: (scheme: string) => `${scheme}// is for HID POS scanners only; use tcp://host:port or serial:///dev/ttyX?baud=9600`,
  unknown: (scheme: string) => `unknown device endpoint scheme "${scheme}"; supported: tcp://host:port, serial:///dev/ttyX?baud=9600`,
  port: (url: string) => `"${url}" has no valid port`,
  timeout: (url: string, key: string) => `"${url}": ${key} must be a positive number of milliseconds`,
} as const;

/** Parses "tcp://host:port"; a missing port takes the device class default. Broken configuration throws. */
export function parseEndpoint(url: string, defaultPort?: number): { host: string; port: number } {
  const scheme = /^([a-z][a-z0-9+.-]*:)\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'hid:') throw new Error(ENDPOINT_MESSAGES.notYet(scheme));
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

const isSerial = (url: string): boolean => /^serial:\/\//i.test(url);

/** How receipts are printed: as raster images (no printer font needed), and with the store's logo (a PNG) on top. */
export interface PrinterOptions {
  raster?: boolean;
  logo?: Uint8Array;
}

/** tcp://host[:9100], serial:///dev/ttyX?baud=9600 or usblp:///dev/usb/lp0 (a USB printer-class device file). */
export function createPrinter(url: string, options: PrinterOptions = {}): ReceiptPrinter {
  if (isSerial(url)) return new EscPosSerialPrinter(parseSerialEndpoint(url), options);
  if (/^usblp:\/\//i.test(url)) return new EscPosUsbPrinter(parseDeviceFileEndpoint(url).path, options);
  return new EscPosTcpPrinter({ ...parseEndpoint(url, 9100), ...options });
}

/** tcp://host:port or serial:///dev/ttyX?baud=9600 (CR-terminated scans); hid://VID:PID or hidlab://host:port (HID POS). */
export function createScanner(url: string): BarcodeScanner {
  if (isHidEndpoint(url)) return new HidPosScanner(createHidSource(url));
  if (isSerial(url)) return new SerialLineScanner(parseSerialEndpoint(url));
  return new TcpLineScanner(parseEndpoint(url));
}

/** `?timeout=ms` (the whole payment) and `?ackTimeout=ms` on a payment endpoint; defaults 60 s and 5 s. */
function paymentTimeouts(url: string): { timeoutMs?: number; ackTimeoutMs?: number } {
  const params = /\?(.*)$/.exec(url)?.[1];
  const query = new URLSearchParams(params ?? '');
  const out: { timeoutMs?: number; ackTimeoutMs?: number } = {};
  for (const [key, name] of [['timeout', 'timeoutMs'], ['ackTimeout', 'ackTimeoutMs']] as const) {
    const raw = query.get(key);
    if (raw === null) continue;
    const ms = Number(raw);
    if (!Number.isInteger(ms) || ms <= 0) throw new Error(ENDPOINT_MESSAGES.timeout(url, key));
    out[name] = ms;
  }
  return out;
}

/**
 * ZVT: tcp://host[:20007] or serial:///dev/ttyX?baud=9600, each with optional ?timeout=ms&ackTimeout=ms.
 * `journal` keeps an operation whose answer is outstanding across a restart (the till's database).
 */
export function createPaymentTerminal(url: string, options: { journal?: OperationJournal } = {}): PaymentTerminal {
  const timeouts = { ...paymentTimeouts(url), ...options };
  if (isSerial(url)) return new ZvtSerialTerminal({ endpoint: parseSerialEndpoint(url), ...timeouts });
  return new ZvtTcpTerminal({ ...parseEndpoint(url, 20007), ...timeouts });
}

export type { Device, DeviceStatus, DeviceState, DeviceErrorCode } from './device.ts';
export type { ReceiptPrinter, PrintDocument, PrintBlock, PrintOutcome } from './printer/types.ts';
export type { BarcodeScanner, Scan } from './scanner/types.ts';
export type {
  PaymentTerminal,
  PaymentOutcome,
  AuthorizationRequest,
  RefundRequest,
  ReversalRequest,
  UnknownOutcome,
  Resolution,
  OperationJournal,
  KeptOperation,
  TerminalReport,
  EndOfDayReport,
} from './payment/types.ts';
