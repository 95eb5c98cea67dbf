/**
 * Kiosk mode for a customer's screen: one full-screen window nobody can leave, reload, zoom or
 * inspect; only a staff PIN (kiosk.exit in the renderer) closes it. The decisions are pure
 * functions (unit-tested: Electron cannot run in CI); lockKioskWindow applies them.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Input, Session } from 'electron';

export function kioskWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    alwaysOnTop: true,
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
      spellcheck: false,
      zoomFactor: 1,
      // No swipe-to-go-back, no autoplay tricks: a customer's gesture only ever touches the app.
      navigateOnDragDrop: false,
      autoplayPolicy: 'user-gesture-required',
    },
  };
}

type KeyInput = Pick<Input, 'type' | 'key' | 'control' | 'alt' | 'meta' | 'shift'>;

const BLOCKED_ALONE = new Set(['F1', 'F3', 'F5', 'F7', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch', 'ContextMenu', 'Meta', 'OS']);
/** With Ctrl (or Cmd): reload, close, quit, print, open, save, find, new window or tab, address bar, devtools, zoom, view source. */
const BLOCKED_WITH_CTRL = new Set(['r', 'w', 'q', 'p', 'o', 's', 'f', 'g', 'n', 't', 'l', 'h', 'j', 'u', 'i', 'e', 'd', 'k', '+', '-', '=', '0', 'tab', 'pageup', 'pagedown', 'f4', 'f5']);

/** Keys that would let a customer out of the app, reload it, zoom it or open tools. Typing, digits, Enter and arrows stay. */
export function isBlockedKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (input.meta) return true;
  if (BLOCKED_ALONE.has(input.key)) return true;
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'Tab' || key === ' ')) return true;
  if (input.control && BLOCKED_WITH_CTRL.has(key.toLowerCase())) return true;
  return false;
}

/** Only the app's own pages: no link, redirect or drop takes the kiosk anywhere else. */
export function isNavigationAllowed(url: string, appOrigin: string): boolean {
  return url.startsWith(appOrigin);
}

/** The kiosk's camera scanner may use the camera (video only) from the app's own pages; nothing else is granted. */
export function isPermissionGranted(permission: string, requestingUrl: string, appOrigin: string, mediaTypes: readonly string[] = []): boolean {
  return permission === 'media' && requestingUrl.startsWith(appOrigin) && mediaTypes.length > 0 && mediaTypes.every((m) => m === 'video');
}

/** How many times a crashed host or page is brought back before the kiosk gives up (a crash loop needs staff). */
export function shouldRestart(crashTimes: readonly number[], now: number, max = 5, windowMs = 60_000): boolean {
  return crashTimes.filter((t) => now - t < windowMs).length < max;
}

export function lockKioskWindow(win: BrowserWindow, appOrigin: string): void {
  win.setMenu(null);
  const wc = win.webContents;
  wc.on('before-input-event', (event, input) => {
    if (isBlockedKey(input)) event.preventDefault();
  });
  void wc.setVisualZoomLevelLimits(1, 1);
  wc.on('zoom-changed', () => wc.setZoomFactor(1));
  wc.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, appOrigin)) event.preventDefault();
  });
  wc.on('context-menu', (event) => event.preventDefault());
  wc.on('devtools-opened', () => wc.closeDevTools());
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  // A customer never sees a dead screen: a crashed page is loaded again (the host keeps the sale).
  const crashes: number[] = [];
  wc.on('render-process-gone', () => {
    const now = Date.now();
    if (shouldRestart(crashes, now)) {
      crashes.push(now);
      wc.reload();
    }
  });
}

/** Kiosk sessions allow the camera for the scanner (security.ts denies every permission otherwise). */
export function allowKioskCamera(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const media = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isPermissionGranted(permission, details.requestingUrl, appOrigin, media));
  });
  session.setPermissionCheckHandler((_wc, permission, _origin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? '', appOrigin, details.mediaType ? [details.mediaType] : []),
  );
}
