/**
 * The lab control page's part for the HID POS scanner and the pole display (kept out of lab.ts,
 * which every device's lab shares): its HTML section and its routes.
 */
import type http from 'node:http';
import { z } from 'zod';
import type { LabHidScanner } from '../scanner/lab/lab-hid-scanner.ts';
import type { LabPoleDisplay } from '../display/lab/lab-pole-display.ts';

interface HidDisplayLab {
  hid: { endpoint: string; scanner: LabHidScanner };
  display: LabPoleDisplay;
  endpoints: { display: string };
  serial?: { endpoints: { display: string } };
}

const hidScanInput = z.object({
  data: z.string().min(1, 'data must not be empty').max(4096),
  /** The AIM identifier the scanner sends, e.g. ]E0; none when empty. */
  symbology: z.string().regex(/^(\][A-Za-z0-9]{2})?$/, 'an AIM identifier is ] and two characters, e.g. ]E0').optional(),
});
const hidReportInput = z.object({ hex: z.string().regex(/^([0-9a-fA-F]{2}){1,1025}$/, 'hex: the report bytes as hex digits') });

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The pole display as a customer sees it (two rows of 20), and the HID scanner's controls. */
export function hidLabSection(lab: HidDisplayLab): string {
  const [top, bottom] = lab.display.lines();
  const hid = lab.hid.scanner;
  return `<section aria-label="HID POS scanner"><h2>HID POS scanner</h2>
<p>${escapeHtml(lab.hid.endpoint)} · ${hid.plugged ? 'plugged in' : 'unplugged'} · ${hid.connections} connected</p>
<form method="post" action="/hid/scan"><label>HID scan <input name="data"></label> <label>symbology <input name="symbology" value="]E0" size="4"></label> <button>Scan (HID)</button></form>
<form method="post" action="${hid.plugged ? '/hid/unplug' : '/hid/plug'}"><button>${hid.plugged ? 'Unplug the HID scanner' : 'Plug the HID scanner in'}</button></form></section>
<section aria-label="Pole display"><h2>Pole display</h2>
<p>${escapeHtml(lab.endpoints.display)}${lab.serial ? ` · ${escapeHtml(lab.serial.endpoints.display)}` : ''} · ${lab.display.connections} connected</p>
<pre aria-label="Pole display rows" style="background:#022;color:#6fe;font-size:1.4rem;padding:.4rem .8rem">${escapeHtml(top.padEnd(20))}\n${escapeHtml(bottom.padEnd(20))}</pre></section>`;
}

interface RouteKit {
  send(status: number, body: unknown): void;
  /** Back to the control page (after a form post). */
  redirect(): void;
  body(): Promise<unknown>;
  parse<T>(schema: z.ZodType<T>, body: unknown): T;
}

/** Handles the HID and display routes; false when the route is not one of them. */
export async function hidLabRoutes(lab: HidDisplayLab, route: string, req: http.IncomingMessage, kit: RouteKit): Promise<boolean> {
  const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  const done = (body: unknown): void => (form ? kit.redirect() : kit.send(200, body));
  const scanner = lab.hid.scanner;
  switch (route) {
    case 'POST /hid/scan': {
      const { data, symbology } = kit.parse(hidScanInput, await kit.body());
      done({ delivered: scanner.scan(data, symbology === '' ? undefined : symbology) });
      return true;
    }
    case 'POST /hid/report': {
      const { hex } = kit.parse(hidReportInput, await kit.body());
      done({ delivered: scanner.writeReport(Buffer.from(hex, 'hex')) });
      return true;
    }
    case 'POST /hid/unplug':
      await scanner.unplug();
      done({ plugged: false });
      return true;
    case 'POST /hid/plug':
      await scanner.plug();
      done({ plugged: true });
      return true;
    case 'GET /display':
      kit.send(200, { lines: lab.display.lines(), history: lab.display.history() });
      return true;
    default:
      return false;
  }
}
