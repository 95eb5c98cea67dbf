/**
 * The Electron shell: one window, one host in a utilityProcess, a MessagePort between them.
 * Everything the till does lives in the host; this file only starts things and locks them down.
 */
import { app, MessageChannelMain, screen, session, utilityProcess, type BrowserWindow, type UtilityProcess } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lockDown } from './security.ts';
import { createCustomerWindow, createTillWindow } from './window.ts';
import { allowKioskCamera, shouldRestart } from './kiosk-lockdown.ts';
import { QuitGuard } from './quit-guard.ts';
import { hostControl } from './host-control.ts';
import { defaultDataDir } from '../services/data-dir.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '..', 'renderer');
const preload = path.join(here, 'preload.cjs');
const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const dataDir = path.resolve(argValue('--data-dir') ?? defaultDataDir());
const configFile = argValue('--config') ?? path.join(dataDir, 'till.json');
const kiosk = process.argv.includes('--kiosk');

function start(): void {
  lockDown(pathToFileURL(rendererDir).href);
  // The kiosk's camera scanner is the one permission a kiosk grants (video, the app's own pages).
  if (kiosk) allowKioskCamera(session.defaultSession, pathToFileURL(rendererDir).href);
  const forkHost = (): UtilityProcess =>
    utilityProcess.fork(path.join(here, 'host-process.js') /* bundled next to main.js by scripts/build-electron.mjs */, [dataDir, configFile], { serviceName: 'till-host' });
  let host = forkHost();
  const win = createTillWindow(rendererDir, preload, kiosk);
  // Closing a lane with unsynced sales asks a supervisor in the window (a kiosk's staff exit already takes a PIN).
  let control = hostControl(host, () => guard.approve());
  const guard = new QuitGuard({
    queued: () => control.queued(),
    askSupervisor: (queued) => win.webContents.send('till-quit-request', { queued }),
    quit: () => app.quit(),
  });
  if (!kiosk) {
    win.on('close', (event) => {
      if (!guard.requested()) event.preventDefault();
    });
    app.on('before-quit', (event) => {
      if (!guard.requested()) event.preventDefault();
    });
  }
  // Each window gets its own port to the host, again after every reload.
  const connect = (w: BrowserWindow): void => {
    const { port1, port2 } = new MessageChannelMain();
    host.postMessage({ kind: 'port' }, [port1]);
    w.webContents.postMessage('till-port', null, [port2]);
  };
  win.webContents.on('did-finish-load', () => connect(win));
  // A customer display: on a second monitor when there is one, or when asked for.
  const external = screen.getAllDisplays().find((d) => d.id !== screen.getPrimaryDisplay().id);
  if (external || process.argv.includes('--customer-display')) {
    const customer = createCustomerWindow(rendererDir, preload, external?.bounds);
    customer.webContents.on('did-finish-load', () => connect(customer));
  }
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // A kiosk restarts its crashed host (which resumes the open sale and commits a paid one) and
  // reloads the page onto it; a lane quits, so the cashier sees the failure. A crash loop stops.
  const crashes: number[] = [];
  const onHostExit = (code: number): void => {
    console.error(`the till host exited with code ${code}`);
    if (kiosk && shouldRestart(crashes, Date.now())) {
      crashes.push(Date.now());
      host = forkHost();
      control = hostControl(host, () => guard.approve());
      host.on('exit', onHostExit);
      win.webContents.reload();
      return;
    }
    // Nothing left to protect: the host is gone (its journal is on disk).
    guard.approve();
  };
  host.on('exit', onHostExit);
}

// One app instance per till: a second launch only focuses the first window (see 'second-instance').
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(start).catch((e: unknown) => {
    console.error(e);
    app.exit(1);
  });
}

app.on('window-all-closed', () => app.quit());
