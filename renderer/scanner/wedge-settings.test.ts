import { describe, expect, it } from 'vitest';
import { WedgeMachine, type WedgeDecision, type WedgeKeyEvent } from './wedge-machine.ts';
import { wedgeOptionsOf, type WedgeSettings } from './wedge-settings.ts';

type Press = Omit<WedgeKeyEvent, 'timeStamp'>;

const keyOf = (ch: string): Press => {
  if (/\d/.test(ch)) return { code: `Digit${ch}`, shiftKey: false, key: ch };
  if (ch === '#') return { code: 'Digit3', shiftKey: true, key: '#' };
  if (ch === '%') return { code: 'Digit5', shiftKey: true, key: '%' };
  return { code: `Key${ch.toUpperCase()}`, shiftKey: ch !== ch.toLowerCase(), key: ch };
};
const typed = (text: string): Press[] => [...text].map(keyOf);
const enter: Press = { code: 'Enter', shiftKey: false, key: 'Enter' };
const tab: Press = { code: 'Tab', shiftKey: false, key: 'Tab' };

/** Feeds presses `gapMs` apart through a machine configured as till.json would configure it. */
function feed(presses: readonly Press[], gapMs: number, settings: WedgeSettings, editable = false) {
  const machine = new WedgeMachine(wedgeOptionsOf(settings));
  const decisions: WedgeDecision[] = [];
  let t = 1000;
  for (const press of presses) {
    decisions.push(machine.key({ editable, ...press, timeStamp: t }));
    t += gapMs;
  }
  const scans = decisions.flatMap((d) => (d.scan ? [d.scan.code] : []));
  const released = decisions.map((d) => d.release).join('');
  return { machine, decisions, scans, released, end: t };
}

describe('keyboard wedge as configured (prefix and suffix)', () => {
  it('completes a scan at its suffix characters and strips them', () => {
    const { scans, decisions } = feed(typed('4006381333931#'), 5, { suffix: { chars: '#' } });
    expect(scans).toEqual(['4006381333931']);
    expect(decisions.every((d) => d.swallow)).toBe(true);
  });

  it('with suffix characters configured, a fast burst that never sends them is not a scan', () => {
    const { machine, end } = feed(typed('4006381333931'), 5, { suffix: { chars: '#' } });
    expect(machine.flush(end + 500).scan).toBeNull();
  });

  it('takes a prefix and a suffix together, under Hangul IME too (physical keys)', () => {
    const ime = typed('%12345#').map((p) => ({ ...p, key: 'Process' }));
    expect(feed(ime, 4, { prefix: '%', suffix: { chars: '#' } }).scans).toEqual(['12345']);
  });

  it('maps "tab" and "none" to the end key the scanner sends (or none: a pause ends the scan)', () => {
    expect(feed([...typed('4006381333931'), tab], 5, { suffix: 'tab' }).scans).toEqual(['4006381333931']);
    expect(feed([...typed('4006381333931'), enter], 5, { suffix: 'tab' }).scans).toEqual([]);
    const { machine, end } = feed(typed('4006381333931'), 5, { suffix: 'none' });
    expect(machine.flush(end + 500).scan?.code).toBe('4006381333931');
  });

  it('never takes a short word typed fast into a text field: it is given back to the field whole', () => {
    const { scans, decisions, released } = feed([...typed('ramen'), enter], 10, {}, true);
    expect(scans).toEqual([]);
    // The first key went through, the rest were held and given back before the Enter took effect.
    expect(decisions[0]?.swallow).toBe(false);
    expect(released).toBe('amen');
    expect(decisions.at(-1)?.swallow).toBe(false);
  });

  it('still reads a product code scanned while a text field has focus, and a short code with a prefix', () => {
    expect(feed([...typed('88012345'), enter], 4, {}, true).scans).toEqual(['88012345']);
    expect(feed([...typed('%1234'), enter], 4, { prefix: '%' }, true).scans).toEqual(['1234']);
  });

  it('outside a text field a short code is a scan as before (nothing can be typed there)', () => {
    expect(feed([...typed('1234'), enter], 4, {}).scans).toEqual(['1234']);
  });
});
