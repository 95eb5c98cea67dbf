import { waitFor } from '../../test/support/wait-for.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScanner } from '../index.ts';
import { createPoleDisplay } from '../display/display-endpoint.ts';
import { displayRow } from '../display/protocol/escpos-display.ts';
import type { Scan } from '../scanner/types.ts';
import { startLab, type Lab } from './lab.ts';

const until = (what: string, check: () => boolean | Promise<boolean>): Promise<true> => waitFor(what, check as () => true | false, 5000, 10);

describe('the lab HID POS scanner and pole display', () => {
  let lab: Lab;
  const cleanups: (() => Promise<void>)[] = [];
  beforeEach(async () => {
    lab = await startLab();
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await lab.close();
  });
  const post = (path: string, body: unknown) =>
    fetch(new URL(path, lab.control.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('sends a HID scan from the control API as reports, and unplugs and replugs the scanner', async () => {
    expect(lab.hid.endpoint).toMatch(/^hidlab:\/\/127\.0\.0\.1:\d+$/);
    const scanner = createScanner(lab.hid.endpoint);
    cleanups.push(() => scanner.close());
    const scans: Scan[] = [];
    scanner.onData((s) => scans.push(s));
    await scanner.open();
    await until('connected', () => lab.hid.scanner.connections === 1);
    const res = await post('/hid/scan', { data: '8801043014809', symbology: ']E0' });
    expect(await res.json()).toEqual({ delivered: 1 });
    await until('the scan', () => scans.length === 1);
    expect(scans[0]).toMatchObject({ data: '8801043014809', symbology: ']E0' });

    expect((await post('/hid/unplug', {})).status).toBe(200);
    await until('offline', () => scanner.status().state === 'offline');
    const page = await (await fetch(lab.control.url)).text();
    expect(page).toContain('unplugged');
    await post('/hid/plug', {});
    await until('online', () => scanner.status().state === 'online');
  });

  it('refuses a HID scan without data and a report that is not hex, saying why', async () => {
    const empty = await post('/hid/scan', { data: '' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: 'data: data must not be empty' });
    const bad = await post('/hid/report', { hex: 'zz' });
    expect(bad.status).toBe(400);
  });

  it('shows what the till sent to the pole display on the control page and as JSON', async () => {
    const display = createPoleDisplay(lab.endpoints.display);
    cleanups.push(() => display.close());
    await display.open();
    await display.show(displayRow('신라면', '4,500'), displayRow('합계', '4,500'));
    await until('the rows', async () => {
      const body = (await (await fetch(new URL('/display', lab.control.url))).json()) as { lines: string[] };
      return body.lines[0] === displayRow('신라면', '4,500');
    });
    const page = await (await fetch(lab.control.url)).text();
    expect(page).toContain('신라면         4,500');
  });
});
