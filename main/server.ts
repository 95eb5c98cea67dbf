/**
 * Browser mode: the host in plain Node, serving the renderer and the contract over a WebSocket
 * on 127.0.0.1. The same host runs in Electron's utilityProcess (main/electron).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDispatcher } from './api/dispatch.ts';
import { attachWebSocket } from './api/ws-transport.ts';
import { createHost, type Host } from './services/host.ts';
import { readTillConfig, type TillConfig } from './services/till-config.ts';
import { defaultDataDir } from './services/data-dir.ts';
import { acquireInstanceLock } from './services/instance-lock.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
// TILL_RENDERER_DIR lets a developer (or a test run) serve a renderer built elsewhere.
export const DEFAULT_STATIC_DIR = process.env['TILL_RENDERER_DIR'] ? path.resolve(process.env['TILL_RENDERER_DIR']) : path.resolve(here, '..', 'dist', 'renderer');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export interface BrowserModeOptions {
  readonly config: TillConfig;
  readonly dataDir: string;
  readonly port?: number;
  readonly host?: string;
  readonly staticDir?: string;
}

export interface BrowserMode {
  readonly url: string;
  readonly host: Host;
  close(): Promise<void>;
}

async function serveStatic(staticDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = path.join(staticDir, path.normalize(urlPath).replace(/^([/\\])+/, ''));
  if (!file.startsWith(staticDir)) {
    res.writeHead(403).end();
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info || info.isDirectory()) file = path.join(staticDir, 'index.html');
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', ...SECURITY_HEADERS }).end(body);
  } catch {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end(`The till UI is not built: run \`npm run build\` (looked in ${staticDir}).\n`);
  }
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const lock = acquireInstanceLock(options.dataDir);
  let host: Host;
  try {
    host = await createHost({ config: options.config, dataDir: options.dataDir });
  } catch (e) {
    lock.release();
    throw e;
  }
  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  const server = createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    void serveStatic(staticDir, req, res);
  });
  const ws = attachWebSocket(server, createDispatcher(host.handlers), host.events);
  const bind = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bind, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${bind}:${port}/`,
    host,
    async close() {
      ws.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await host.close();
      lock.release();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      port: { type: 'string', default: '0' },
      static: { type: 'string' },
    },
  });
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const configFile = values.config ?? path.join(dataDir, 'till.json');
  const config = readTillConfig(configFile);
  const mode = await startBrowserMode({
    config,
    dataDir,
    port: Number(values.port),
    ...(values.static ? { staticDir: path.resolve(values.static) } : {}),
  });
  // One machine-readable line for whoever started us (tests, scripts/start.mjs), then people-readable ones.
  console.log(`READY ${JSON.stringify({ url: mode.url, dataDir, pid: process.pid })}`);
  const stop = (): void => {
    void mode.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(`the till host could not start: ${(e as Error).message}`);
    process.exit(1);
  });
}
