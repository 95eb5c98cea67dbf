import { rm } from 'node:fs/promises';
import { waitFor } from '../../../test/support/wait-for.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { createPtyPair } from '../../lab/pty-pair.ts';
import { openSerial } from '../../serial/serial-endpoint.ts';
import { displayRow } from '../protocol/escpos-display.ts';
import { DISPLAY_ENDPOINT_MESSAGES, createPoleDisplay } from '../display-endpoint.ts';
import { LabPoleDisplay } from '../lab/lab-pole-display.ts';
import { DISPLAY_MESSAGES } from './stream-pole-display.ts';

const until = (what: string, check: () => boolean | Promise<boolean>): Promise<true> => waitFor(what, check as () => true | false, 5000, 10);

describe('pole display over a socat pty', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function plugIn(dir?: string) {
    const pty = await createPtyPair(dir === undefined ? {} : { dir });
    const port = await openSerial({ path: pty.device, baudRate: 9600 });
    const lab = LabPoleDisplay.detached();
    lab.serve(port);
    const unplug = async () => {
      if (port.isOpen) await new Promise<void>((r) => port.close(() => r()));
      await pty.close();
    };
    return { pty, lab, unplug };
  }

  it('shows Korean rows on a KS C 5601 display, as the customer reads them', async () => {
    const { pty, lab, unplug } = await plugIn();
    cleanups.push(unplug);
    const display = createPoleDisplay(`serial://${pty.till}?baud=9600&codepage=ksc5601`, { reconnectDelayMs: 50 });
    cleanups.push(() => display.close());
    await display.open();
    expect(display.status().state).toBe('online');
    const rows = [displayRow('신라면', '4,500'), displayRow('합계', '4,500')] as const;
    expect(rows[0]).toBe('신라면         4,500');
    expect(await display.show(...rows)).toEqual({ ok: true });
    await until('the rows on the lab display', () => lab.lines()[0] === rows[0]);
    expect(lab.lines()).toEqual(rows);
  });

  it('goes offline when unplugged, keeps the latest rows, and shows them when plugged in again', async () => {
    const first = await plugIn();
    const display = createPoleDisplay(`serial://${first.pty.till}?baud=9600`, { reconnectDelayMs: 50 });
    cleanups.push(() => display.close());
    await display.open();
    await first.unplug();
    await until('offline', () => display.status().state === 'offline');
    expect(await display.show('WATER 500ML      900', 'TOTAL            900')).toEqual({ ok: false, code: 'disconnected', message: DISPLAY_MESSAGES.away(`serial://${first.pty.till}`) });
    const again = await plugIn(first.pty.dir);
    cleanups.push(async () => {
      await again.unplug();
      await rm(first.pty.dir, { recursive: true, force: true });
    });
    await until('online again', () => display.status().state === 'online');
    await until('the latest rows after the replug', () => again.lab.lines()[0] === 'WATER 500ML      900');
    expect(again.lab.lines()[1]).toBe('TOTAL            900');
  });
});

describe('pole display over TCP (a serial-over-IP converter)', () => {
  it('shows the rows on the lab display, with the names an ASCII display can show', async () => {
    const lab = await LabPoleDisplay.start();
    const display = createPoleDisplay(`tcp://127.0.0.1:${lab.port}`);
    try {
      await display.open();
      await display.show('Shin Ramyun    4,500', '라면');
      await until('the rows', () => lab.lines()[0] === 'Shin Ramyun    4,500');
      // An ASCII display cannot show Hangul: the service passes romanized names; what slips through is "?".
      expect(lab.lines()[1]).toBe('??');
    } finally {
      await display.close();
      await lab.close();
    }
  });

  it('refuses an unknown code page and a malformed endpoint with a clear message', () => {
    expect(() => createPoleDisplay('tcp://127.0.0.1:9999?codepage=cp949')).toThrow(DISPLAY_ENDPOINT_MESSAGES.codePage('tcp://127.0.0.1:9999?codepage=cp949', 'cp949'));
    expect(() => createPoleDisplay('tcp://display.local')).toThrow(DISPLAY_ENDPOINT_MESSAGES.invalid('tcp://display.local'));
  });
});
