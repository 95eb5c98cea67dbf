import { describe, expect, it } from 'vitest';
import { WedgeMachine, type WedgeDecision, type WedgeKeyEvent, type WedgeOptions } from './wedge-machine.ts';

type Press = Omit<WedgeKeyEvent, 'timeStamp'>;

const digitKeys = (text: string): Press[] => [...text].map((d) => ({ code: `Digit${d}`, shiftKey: false, key: d }));
const enter: Press = { code: 'Enter', shiftKey: false, key: 'Enter' };

/** Feeds presses `gapMs` apart and collects the decisions. */
function feed(presses: readonly Press[], gapMs: number, options: Partial<WedgeOptions> = {}, editable = false) {
  const machine = new WedgeMachine(options);
  const decisions: WedgeDecision[] = [];
  let t = 1000;
  for (const press of presses) {
    decisions.push(machine.key({ editable, ...press, timeStamp: t }));
    t += gapMs;
  }
  return { machine, decisions, end: t, scans: decisions.flatMap((d) => (d.scan ? [d.scan] : [])) };
}

describe('keyboard wedge', () => {
  it('reads a fast burst ended by Enter as a scan and swallows every key of it', () => {
    const { decisions, scans } = feed([...digitKeys('8801043014809'), enter], 5);
    expect(scans).toEqual([{ code: '8801043014809', leaked: '' }]);
    expect(decisions.every((d) => d.swallow)).toBe(true);
  });

  it('yields the digits of a scan that arrives while the keyboard is in Hangul IME mode', () => {
    const ime: Press[] = [...'8801'].map((d, i) => ({ code: `Digit${d}`, shiftKey: false, key: i % 2 === 0 ? 'Process' : 'ㅇ' }));
    const { scans } = feed([...ime, { code: 'Enter', shiftKey: false, key: 'Process' }], 3);
    expect(scans).toEqual([{ code: '8801', leaked: '' }]);
  });

  it('reads letters by their physical keys under Hangul IME, capitals by Shift', () => {
    const presses: Press[] = [
      { code: 'ShiftLeft', shiftKey: true, key: 'Shift' },
      { code: 'KeyA', shiftKey: true, key: 'ㅁ' },
      { code: 'KeyB', shiftKey: false, key: 'ㅠ' },
      { code: 'Minus', shiftKey: false, key: '-' },
      { code: 'Numpad7', shiftKey: false, key: 'Process' },
      { code: 'Digit2', shiftKey: true, key: 'Process' },
      enter,
    ];
    expect(feed(presses, 4).scans).toEqual([{ code: 'Ab-7@', leaked: '' }]);
  });

  it('trusts event.key when it agrees with the physical key (Caps Lock, synthetic capitals)', () => {
    const presses: Press[] = [...'ABC1'].map((c) => ({ code: /\d/.test(c) ? `Digit${c}` : `Key${c}`, shiftKey: false, key: c }));
    expect(feed([...presses, enter], 2).scans).toEqual([{ code: 'ABC1', leaked: '' }]);
  });

  it('leaves slow typing in a text field alone', () => {
    const { decisions, scans } = feed([...digitKeys('12345'), enter], 180, {}, true);
    expect(scans).toEqual([]);
    expect(decisions.every((d) => !d.swallow && d.release === '')).toBe(true);
  });

  it('hands slow typing outside a text field to the keypad: digits, then * from the numpad or Shift+8, in order', () => {
    const star: Press = { code: 'NumpadMultiply', shiftKey: false, key: '*' };
    const shiftEight: Press = { code: 'Digit8', shiftKey: true, key: '*' };
    const { machine, decisions, end, scans } = feed([...digitKeys('12'), star, { code: 'Numpad3', shiftKey: false, key: '3' }, shiftEight], 120);
    const typed = [...decisions, machine.flush(end + 500)].map((d) => d.typed ?? '').join('');
    expect(scans).toEqual([]);
    expect(typed).toBe('12*3*');
    // Typing in a field still goes to the field, never to the keypad.
    const inField = feed([...digitKeys('12'), star], 120, {}, true);
    expect([...inField.decisions, inField.machine.flush(inField.end + 500)].every((d) => d.typed === undefined)).toBe(true);
  });

  it('does not take slow typing outside a text field for a scan', () => {
    const { decisions, scans } = feed([...digitKeys('12345'), enter], 120);
    expect(scans).toEqual([]);
    expect(decisions.at(-1)?.swallow).toBe(false);
  });

  it('in a text field lets the first key through, swallows the rest of a fast burst and reports the leak', () => {
    const { decisions, scans } = feed([...digitKeys('88012345'), enter], 4, {}, true);
    expect(decisions[0]?.swallow).toBe(false);
    expect(decisions.slice(1).every((d) => d.swallow)).toBe(true);
    expect(scans).toEqual([{ code: '88012345', leaked: '8' }]);
  });

  it('gives back a short fast burst to the text field before the Enter that follows it', () => {
    const { decisions, scans } = feed([...digitKeys('123'), enter], 10, {}, true);
    expect(scans).toEqual([]);
    expect(decisions.map((d) => d.swallow)).toEqual([false, true, true, false]);
    expect(decisions[3]?.release).toBe('23');
  });

  it('gives back held typing when the burst goes quiet', () => {
    const { machine, decisions, end } = feed(digitKeys('12'), 10, {}, true);
    expect(decisions[1]?.swallow).toBe(true);
    expect(machine.flush(end + 50).release).toBe('');
    expect(machine.flush(end + 500).release).toBe('2');
    expect(machine.pending).toBe(false);
  });

  it('splits a burst at a pause longer than the inter-key limit', () => {
    const machine = new WedgeMachine();
    const keys = digitKeys('12345678');
    const times = [0, 5, 10, 15, 200, 205, 210];
    keys.slice(0, 7).forEach((k, i) => machine.key({ ...k, timeStamp: times[i] ?? 0 }));
    expect(machine.key({ ...enter, timeStamp: 214 }).scan).toBeNull();
  });

  it('is not fooled by a held key auto-repeating', () => {
    const presses: Press[] = [{ code: 'Digit0', shiftKey: false, key: '0' }, ...Array.from({ length: 6 }, () => ({ code: 'Digit0', shiftKey: false, key: '0', repeat: true }))];
    const { scans, decisions } = feed([...presses, enter], 30, {}, true);
    expect(scans).toEqual([]);
    expect(decisions.slice(1).every((d) => !d.swallow)).toBe(true);
  });

  it('with a prefix, swallows the prefix even in a text field and strips it from the scan', () => {
    const presses: Press[] = [{ code: 'Digit5', shiftKey: true, key: '%' }, ...digitKeys('12345')];
    const { decisions, scans } = feed([...presses, enter], 5, { prefix: '%' }, true);
    expect(decisions.every((d) => d.swallow)).toBe(true);
    expect(scans).toEqual([{ code: '12345', leaked: '' }]);
  });

  it('with a prefix, a fast burst without it is not a scan', () => {
    const { decisions, scans } = feed([...digitKeys('12345'), enter], 5, { prefix: '%' }, true);
    expect(scans).toEqual([]);
    expect(decisions.every((d) => !d.swallow)).toBe(true);
  });

  it('takes a configured suffix (Tab) instead of Enter', () => {
    const tab: Press = { code: 'Tab', shiftKey: false, key: 'Tab' };
    expect(feed([...digitKeys('4006381333931'), tab], 5, { suffix: ['Tab'] }).scans).toEqual([{ code: '4006381333931', leaked: '' }]);
    expect(feed([...digitKeys('4006381333931'), enter], 5, { suffix: ['Tab'] }).scans).toEqual([]);
  });

  it('without a suffix, a fast burst completes when it goes quiet', () => {
    const { machine, end } = feed(digitKeys('4006381333931'), 5, { suffix: null });
    expect(machine.flush(end + 500).scan).toEqual({ code: '4006381333931', leaked: '' });
  });

  it('never starts a scan with Space outside a text field (it presses the focused button)', () => {
    const { decisions } = feed([{ code: 'Space', shiftKey: false, key: ' ' }], 5);
    expect(decisions[0]?.swallow).toBe(false);
  });

  it('ignores shortcuts with Ctrl, Alt or Meta', () => {
    const { decisions } = feed([{ code: 'KeyC', shiftKey: false, key: 'c', modified: true }], 5);
    expect(decisions[0]?.swallow).toBe(false);
  });
});
