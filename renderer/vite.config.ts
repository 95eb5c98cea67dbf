import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// This folder, wherever vite is started from (Node >= 20.11 sets import.meta.dirname).
const root = import.meta.dirname;

/**
 * The dev server injects an inline script (React refresh) and an HMR WebSocket on its own port;
 * the shipped CSP forbids both. Relax it in `vite serve` only; the build keeps index.html's policy.
 */
const devCsp: Plugin = {
  name: 'till-dev-csp',
  apply: 'serve',
  transformIndexHtml(html) {
    return html.replace("default-src 'self';", "default-src 'self'; script-src 'self' 'unsafe-inline';").replace("connect-src 'self'", "connect-src 'self' ws: wss:");
  },
};

export default defineConfig({
  root,
  base: './',
  plugins: [react(), devCsp],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
  },
  server: {
    host: '127.0.0.1',
  },
});
