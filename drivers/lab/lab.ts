import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { LabTerminal } from '../payment/lab/lab-terminal.ts';
import { LabPrinter, type LabReceipt } from '../printer/lab/lab-printer.ts';
import { decodedReceiptImage } from '../printer/lab/lab-receipt-image.ts';
import { LabScanner } from '../scanner/lab/lab-scanner.ts';
import { LabSerialScanner } from '../scanner/lab/lab-serial-scanner.ts';
import { LabHidScanner } from '../scanner/lab/lab-hid-scanner.ts';
import { LabPoleDisplay } from '../display/lab/lab-pole-display.ts';
import { hidLabRoutes, hidLabSection } from './lab-hid-display.ts';
import { serveZvtSerial, type LabSerialLine } from '../payment/lab/lab-serial-terminal.ts';
import { openSerial } from '../serial/serial-endpoint.ts';
import { createPtyPair, type PtyPair } from './pty-pair.ts';

/** The ports `npm run lab` and the demo use, so the lab page has a stable address. */
export const LAB_DEFAULT_PORTS = { printer: 9100, scanner: 19200, payment: 20007, control: 19300, hidScanner: 19201, display: 19202 } as const;

export interface LabOptions {
  host?: string;
  printerPort?: number;
  scannerPort?: number;
  terminalPort?: number;
  controlPort?: number;
  /** The HID POS scanner's report stream (hidlab://) and the pole display (TCP). */
  hidScannerPort?: number;
  displayPort?: number;
  /** Also play each device on a serial line: a socat pty pair per device (needs /usr/bin/socat). */
  serial?: boolean;
}

/** The serial side of the lab: the pty path the till opens for each device, and the terminal's line faults. */
export interface LabSerial {
  endpoints: { printer: string; scanner: string; payment: string; display: string };
  scanner: LabSerialScanner;
  paymentLine: LabSerialLine;
}

export interface Lab {
  printer: LabPrinter;
  scanner: LabScanner;
  terminal: LabTerminal;
  /** A USB HID POS scanner, played as its raw input reports over loopback TCP (no /dev/uhid here). */
  hid: { endpoint: string; scanner: LabHidScanner };
  /** A 2x20 ESC/POS pole display (KS C 5601), on TCP and, with serial, on a pty. */
  display: LabPoleDisplay;
  control: { port: number; url: string };
  endpoints: { printer: string; scanner: string; payment: string; display: string };
  /** Present when started with `serial: true`. */
  serial?: LabSerial;
  close(): Promise<void>;
}

const scanInput = z.object({ data: z.string().min(1, 'data must not be empty').max(4096) });
const paperInput = z.object({ state: z.enum(['ok', 'near_end', 'out']) });
const coverInput = z.object({ state: z.enum(['closed', 'open']) });
const runOutInput = z.object({ afterBytes: z.coerce.number().int().min(0) });
const nextInput = z.object({ outcome: z.enum(['approve', 'decline', 'timeout', 'late']), lateMs: z.coerce.number().int().min(0).max(600_000).optional() });

class BadInput extends Error {}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new BadInput('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return text === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new BadInput('body is not valid JSON');
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new BadInput(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return result.data;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(lab: Lab, receipts: LabReceipt[]): string {
  const state = lab.printer.state();
  const items = receipts
    .map((r, k) => ({ r, k }))
    .reverse()
    .map(
      ({ r, k }) => `<article><header>${escapeHtml(r.receivedAt)} · ${r.byteLength} bytes</header><pre>${escapeHtml(r.lines.join('\n'))}</pre>
<p><img src="/printer/receipts/${k}.png" alt="receipt ${k + 1} as printed" loading="lazy"></p>
${r.barcodes.map((b) => `<p>barcode: <code>${escapeHtml(b)}</code></p>`).join('')}${r.qrCodes.map((q) => `<p>QR: <code>${escapeHtml(q)}</code></p>`).join('')}</article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Device lab</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem}pre{font-family:monospace;background:#fff;border:1px solid #ccc;padding:.5rem;display:inline-block}article{margin:1rem 0}</style></head>
<body><h1>Device lab</h1>
<p>printer ${escapeHtml(lab.endpoints.printer)} (paper ${state.paper}, cover ${state.cover}, drawer ${state.drawer}) · scanner ${escapeHtml(lab.endpoints.scanner)} (${lab.scanner.connections} connected) · payment ${escapeHtml(lab.endpoints.payment)}</p>
${hidLabSection(lab)}
${lab.serial ? `<p>serial: printer ${escapeHtml(lab.serial.endpoints.printer)} · scanner ${escapeHtml(lab.serial.endpoints.scanner)} · payment ${escapeHtml(lab.serial.endpoints.payment)}</p>` : ''}
<form method="post" action="/scanner/scan"><label>Scan <input name="data" autofocus></label> <button>Scan</button></form>
<form method="post" action="/drawer/close"><button${state.drawer === 'open' ? '' : ' disabled'}>Close the drawer</button></form>
<h2>Printed receipts (${receipts.length})</h2>
${items || '<p>Nothing printed yet.</p>'}
</body></html>`;
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Starts emulators for every device on loopback TCP ports, plus an HTTP control interface to play
 * the devices' part: trigger a scan, pull the paper, decline the next card, see what was printed.
 */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const host = options.host ?? '127.0.0.1';
  const started: { close(): Promise<void> }[] = [];
  try {
    const printer = await LabPrinter.start({ host, port: options.printerPort ?? 0 });
    started.push(printer);
    const scanner = await LabScanner.start({ host, port: options.scannerPort ?? 0 });
    started.push(scanner);
    const terminal = await LabTerminal.start({ host, port: options.terminalPort ?? 0 });
    started.push(terminal);
    const hidScanner = await LabHidScanner.start({ host, port: options.hidScannerPort ?? 0 });
    started.push(hidScanner);
    const display = await LabPoleDisplay.start({ host, port: options.displayPort ?? 0 });
    started.push(display);

    let serial: LabSerial | undefined;
    if (options.serial) {
      const pairs: PtyPair[] = [];
      started.push({ close: async () => void (await Promise.allSettled(pairs.map((p) => p.close()))) });
      const pair = async (): Promise<PtyPair> => {
        const made = await createPtyPair();
        pairs.push(made);
        return made;
      };
      const [printerPty, scannerPty, paymentPty, displayPty] = [await pair(), await pair(), await pair(), await pair()];
      const printerPort = await openSerial({ path: printerPty.device, baudRate: 9600 });
      started.push({ close: () => new Promise<void>((r) => (printerPort.isOpen ? printerPort.close(() => r()) : r())) });
      printer.serve(printerPort);
      const serialScanner = await LabSerialScanner.open(scannerPty.device);
      started.push(serialScanner);
      const paymentPort = await openSerial({ path: paymentPty.device, baudRate: 9600 });
      started.push({ close: () => new Promise<void>((r) => (paymentPort.isOpen ? paymentPort.close(() => r()) : r())) });
      const displayPort = await openSerial({ path: displayPty.device, baudRate: 9600 });
      started.push({ close: () => new Promise<void>((r) => (displayPort.isOpen ? displayPort.close(() => r()) : r())) });
      display.serve(displayPort);
      serial = {
        endpoints: {
          printer: `serial://${printerPty.till}?baud=9600`,
          scanner: `serial://${scannerPty.till}?baud=9600`,
          payment: `serial://${paymentPty.till}?baud=9600`,
          display: `serial://${displayPty.till}?baud=9600&codepage=ksc5601`,
        },
        scanner: serialScanner,
        paymentLine: serveZvtSerial(terminal, paymentPort),
      };
    }

    const server = http.createServer();
    const lab: Lab = {
      printer,
      scanner,
      terminal,
      hid: { endpoint: `hidlab://${host}:${hidScanner.port}`, scanner: hidScanner },
      display,
      control: { port: 0, url: '' },
      endpoints: {
        printer: `tcp://${host}:${printer.port}`,
        scanner: `tcp://${host}:${scanner.port}`,
        payment: `tcp://${host}:${terminal.port}`,
        display: `tcp://${host}:${display.port}?codepage=ksc5601`,
      },
      ...(serial ? { serial } : {}),
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.allSettled(started.reverse().map((d) => d.close()));
      },
    };

    server.on('request', (req, res) => {
      const send = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      };
      const route = `${req.method ?? 'GET'} ${new URL(req.url ?? '/', 'http://lab').pathname}`;
      const handle = async (): Promise<void> => {
        switch (route) {
          case 'GET /':
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            res.end(page(lab, printer.receipts()));
            return;
          case 'POST /scanner/scan': {
            const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
            const { data } = parse(scanInput, await readBody(req));
            const delivered = scanner.scan(data) + (serial ? 1 : 0);
            serial?.scanner.scan(data);
            if (form) {
              res.writeHead(303, { location: '/' });
              res.end();
            } else send(200, { delivered });
            return;
          }
          case 'GET /printer/receipts':
            // The raster data is in the PNGs; here its size.
            send(200, { receipts: printer.receipts().map((r) => ({ ...r, rasters: r.rasters.map(({ widthBytes, height }) => ({ widthBytes, height })) })) });
            return;
          case 'POST /printer/paper':
            printer.setPaper(parse(paperInput, await readBody(req)).state);
            send(200, printer.state());
            return;
          case 'POST /printer/paper-runs-out':
            printer.runOutOfPaperAfter(parse(runOutInput, await readBody(req)).afterBytes);
            send(200, printer.state());
            return;
          case 'POST /drawer/close':
            printer.closeDrawer();
            if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
              res.writeHead(303, { location: '/' });
              res.end();
            } else send(200, printer.state());
            return;
          case 'POST /printer/cover':
            printer.setCover(parse(coverInput, await readBody(req)).state);
            send(200, printer.state());
            return;
          case 'POST /payment/next': {
            const { outcome, lateMs } = parse(nextInput, await readBody(req));
            terminal.nextOutcome(outcome, lateMs === undefined ? {} : { lateMs });
            send(200, { next: outcome });
            return;
          }
          case 'GET /payment/transactions':
            send(200, { transactions: terminal.transactions() });
            return;
          default: {
            // GET /printer/receipts/<n>.png (0 is the first) or /printer/receipts/last.png: the receipt as printed.
            const image = /^GET \/printer\/receipts\/(\d+|last)\.png$/.exec(route);
            const all = printer.receipts();
            const receipt = image ? (image[1] === 'last' ? all.at(-1) : all[Number(image[1])]) : undefined;
            if (receipt) {
              res.writeHead(200, { 'content-type': 'image/png' });
              res.end(decodedReceiptImage(receipt).png);
              return;
            }
            if (image) return send(404, { error: 'no such receipt' });
            if (await hidLabRoutes(lab, route, req, { send, redirect: () => void res.writeHead(303, { location: '/' }).end(), body: () => readBody(req), parse })) return;
            send(404, { error: `no route ${route}` });
          }
        }
      };
      handle().catch((error: unknown) => {
        if (error instanceof BadInput) send(400, { error: error.message });
        else send(500, { error: 'lab error' });
      });
    });
    await listen(server, options.controlPort ?? 0, host);
    lab.control.port = (server.address() as AddressInfo).port;
    lab.control.url = `http://${host}:${lab.control.port}/`;
    return lab;
  } catch (error) {
    await Promise.allSettled(started.map((d) => d.close()));
    throw error;
  }
}
