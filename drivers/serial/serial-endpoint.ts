import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';

export const SERIAL_MESSAGES = {
  invalid: (url: string) => `"${url}" is not a serial endpoint (expected serial:///dev/ttyUSB0?baud=9600)`,
  baud: (url: string) => `"${url}" has no valid baud rate`,
  openFailed: (path: string, reason: string) => `the serial port ${path} could not be opened: ${reason}`,
  unplugged: (path: string) => `the serial device ${path} was unplugged`,
} as const;

export interface SerialEndpoint {
  path: string;
  baudRate: number;
}

/** Parses "serial:///dev/ttyUSB0?baud=9600" (COM ports: "serial:///COM3?baud=9600"). Broken configuration throws. */
export function parseSerialEndpoint(url: string, defaultBaud = 9600): SerialEndpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(SERIAL_MESSAGES.invalid(url));
  }
  if (parsed.protocol !== 'serial:' || parsed.host !== '' || parsed.pathname.length < 2) throw new Error(SERIAL_MESSAGES.invalid(url));
  const raw = parsed.searchParams.get('baud');
  const baudRate = raw === null ? defaultBaud : Number(raw);
  if (!Number.isInteger(baudRate) || baudRate <= 0) throw new Error(SERIAL_MESSAGES.baud(url));
  const path = decodeURIComponent(parsed.pathname);
  // Windows ports come as serial:///COM3.
  return { path: /^\/COM\d+$/i.test(path) ? path.slice(1) : path, baudRate };
}

/**
 * Opens a serial port as a byte stream (8N1, no flow control); rejects with a clear message.
 * While open it watches that the device node is still there: a USB serial adapter pulled out (or
 * a lab pty whose socat ended) takes its node away, and not every kernel driver reports that as a
 * read error. Then the port is destroyed, so its 'close' tells the driver to reconnect.
 */
export function openSerial({ path, baudRate }: SerialEndpoint, options: { presenceCheckMs?: number } = {}): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    port.open((error) => {
      if (error) {
        reject(new Error(SERIAL_MESSAGES.openFailed(path, error.message)));
        return;
      }
      const watch = setInterval(() => {
        if (!existsSync(path)) port.destroy(new Error(SERIAL_MESSAGES.unplugged(path)));
      }, options.presenceCheckMs ?? 250);
      watch.unref();
      port.once('close', () => clearInterval(watch));
      resolve(port);
    });
  });
}
