import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { LAB_DEFAULT_PORTS as DEFAULT_PORTS, startLab } from './lab.ts';
import { PTY_MESSAGES, SOCAT } from './pty-pair.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    'printer-port': { type: 'string', default: String(DEFAULT_PORTS.printer) },
    'scanner-port': { type: 'string', default: String(DEFAULT_PORTS.scanner) },
    'payment-port': { type: 'string', default: String(DEFAULT_PORTS.payment) },
    'control-port': { type: 'string', default: String(DEFAULT_PORTS.control) },
    'hid-port': { type: 'string', default: String(DEFAULT_PORTS.hidScanner) },
    'display-port': { type: 'string', default: String(DEFAULT_PORTS.display) },
    'no-serial': { type: 'boolean', default: false },
  },
});

function port(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`--${name} must be a port number (0-65535), got ${raw}`);
    process.exit(2);
  }
  return n;
}

const serial = !values['no-serial'] && existsSync(SOCAT);
if (!values['no-serial'] && !serial) console.warn(`${PTY_MESSAGES.noSocat(SOCAT)}; serving TCP devices only`);

try {
  const lab = await startLab({
    serial,
    host: values.host,
    printerPort: port('printer-port', values['printer-port']),
    scannerPort: port('scanner-port', values['scanner-port']),
    terminalPort: port('payment-port', values['payment-port']),
    controlPort: port('control-port', values['control-port']),
    hidScannerPort: port('hid-port', values['hid-port']),
    displayPort: port('display-port', values['display-port']),
  });
  console.log('device lab running');
  console.log(`  printer  ${lab.endpoints.printer}   (ESC/POS, raw TCP)`);
  console.log(`  scanner  ${lab.endpoints.scanner}   (CR-terminated scans)`);
  console.log(`  payment  ${lab.endpoints.payment}   (ZVT)`);
  console.log(`  HID POS scanner  ${lab.hid.endpoint}   (raw HID input reports, length-prefixed)`);
  console.log(`  pole display     ${lab.endpoints.display}   (ESC/POS customer display, 2x20)`);
  if (lab.serial) {
    console.log(`  serial printer  ${lab.serial.endpoints.printer}`);
    console.log(`  serial scanner  ${lab.serial.endpoints.scanner}`);
    console.log(`  serial payment  ${lab.serial.endpoints.payment}   (ZVT, DLE STX framing)`);
    console.log(`  serial display  ${lab.serial.endpoints.display}`);
  }
  console.log(`  control  ${lab.control.url}`);
  const stop = (): void => {
    void lab.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const e = error as NodeJS.ErrnoException & { port?: number };
  if (e.code === 'EADDRINUSE') {
    console.error(`port ${e.port ?? ''} is already in use: stop what holds it, or pick another with --printer-port, --scanner-port, --payment-port, --hid-port, --display-port or --control-port`);
  } else if (e.code === 'EACCES') {
    console.error(`not allowed to listen on port ${e.port ?? ''}: pick a port above 1023`);
  } else {
    console.error('the lab could not start:', e.message);
  }
  process.exit(1);
}
