import { describe, expect, it } from 'vitest';
import { isBlockedKey, isNavigationAllowed, isPermissionGranted, kioskWindowOptions, shouldRestart } from './kiosk-lockdown.ts';

const key = (k: string, mods: { control?: boolean; alt?: boolean; meta?: boolean; shift?: boolean } = {}) => ({
  type: 'keyDown' as const,
  key: k,
  control: mods.control ?? false,
  alt: mods.alt ?? false,
  meta: mods.meta ?? false,
  shift: mods.shift ?? false,
});

describe('the kiosk window', () => {
  it('is full screen kiosk mode without frame, menu, devtools, zoom or resizing', () => {
    const o = kioskWindowOptions('/app/preload.cjs');
    expect(o).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true, resizable: false, movable: false, minimizable: false, alwaysOnTop: true });
    expect(o.webPreferences).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true, nodeIntegration: false, zoomFactor: 1, navigateOnDragDrop: false, preload: '/app/preload.cjs' });
  });

  it('blocks reload, devtools, close, quit, zoom, print, back and forward, and the system key', () => {
    const blocked = [
      key('F5'), key('r', { control: true }), key('R', { control: true, shift: true }), key('F12'), key('I', { control: true, shift: true }),
      key('w', { control: true }), key('q', { control: true }), key('F4', { alt: true }), key('+', { control: true }), key('-', { control: true }),
      key('0', { control: true }), key('=', { control: true }), key('p', { control: true }), key('ArrowLeft', { alt: true }), key('BrowserBack'),
      key('F11'), key('Tab', { alt: true }), key('l', { control: true }), key('Meta'), key('d', { meta: true }), key('ContextMenu'),
    ];
    for (const k of blocked) expect(isBlockedKey(k), JSON.stringify(k)).toBe(true);
  });

  it('lets through what a customer, a scanner and a staff PIN need: digits, letters, Enter, Backspace, arrows, Tab', () => {
    const allowed = [key('8'), key('a'), key('A', { shift: true }), key('Enter'), key('Backspace'), key('ArrowDown'), key('Tab'), key('Escape'), key(' ')];
    for (const k of allowed) expect(isBlockedKey(k), JSON.stringify(k)).toBe(false);
    // Releases are never blocked (only presses act).
    expect(isBlockedKey({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });

  it('stays on the app: no navigation elsewhere, only the camera (video) for the app itself', () => {
    const app = 'file:///opt/omni-till/renderer';
    expect(isNavigationAllowed('file:///opt/omni-till/renderer/index.html', app)).toBe(true);
    expect(isNavigationAllowed('https://example.com/', app)).toBe(false);
    expect(isPermissionGranted('media', `${app}/index.html`, app, ['video'])).toBe(true);
    expect(isPermissionGranted('media', `${app}/index.html`, app, ['video', 'audio'])).toBe(false);
    expect(isPermissionGranted('media', 'https://evil.example/', app, ['video'])).toBe(false);
    expect(isPermissionGranted('geolocation', `${app}/index.html`, app)).toBe(false);
  });

  it('restarts after a crash, but not in a crash loop', () => {
    expect(shouldRestart([], 100_000)).toBe(true);
    expect(shouldRestart([1000, 2000, 3000, 4000], 10_000)).toBe(true);
    expect(shouldRestart([1000, 2000, 3000, 4000, 5000], 10_000)).toBe(false);
    // Old crashes are forgiven.
    expect(shouldRestart([1000, 2000, 3000, 4000, 5000], 120_000)).toBe(true);
  });
});
