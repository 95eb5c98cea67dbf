import { BrowserWindow, type BrowserWindowConstructorOptions, type Rectangle } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { kioskWindowOptions, lockKioskWindow } from './kiosk-lockdown.ts';

/** Hardened window options: the renderer gets no Node, a sandbox, and only the preload's bridge. */
export function windowOptions(preload: string, kiosk: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: !kiosk,
      spellcheck: false,
    },
  };
}

export function createTillWindow(rendererDir: string, preload: string, kiosk: boolean): BrowserWindow {
  const win = new BrowserWindow(kiosk ? kioskWindowOptions(preload) : windowOptions(preload, false));
  // A customer's kiosk: no keys, zoom, navigation or tools out of the app (kiosk-lockdown.ts).
  if (kiosk) lockKioskWindow(win, pathToFileURL(rendererDir).href);
  win.once('ready-to-show', () => win.show());
  void win.loadFile(path.join(rendererDir, 'index.html'));
  return win;
}

/** The customer-facing display: the same renderer on ?view=customer, full screen on the customer's monitor. */
export function createCustomerWindow(rendererDir: string, preload: string, bounds: Rectangle | undefined): BrowserWindow {
  const win = new BrowserWindow({ ...windowOptions(preload, false), ...(bounds ?? {}), fullscreen: bounds !== undefined, frame: bounds === undefined });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(path.join(rendererDir, 'index.html'), { query: { view: 'customer' } });
  return win;
}
