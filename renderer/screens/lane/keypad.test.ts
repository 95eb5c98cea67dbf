import { describe, expect, it } from 'vitest';
import { type KeypadInput, keypadKeyFor, keypadStep } from './keypad.ts';

/** Runs inputs from no digits, collecting the commands. */
function run(...inputs: KeypadInput[]) {
  let digits = '';
  const commands = [];
  for (const input of inputs) {
    const step = keypadStep(digits, input);
    digits = step.digits;
    if (step.command) commands.push(step.command);
  }
  return { digits, commands };
}
const typed = (text: string): KeypadInput => ({ kind: 'typed', text });

describe('the lane keypad', () => {
  it('sets the quantity of the next item with digits and *', () => {
    expect(run(typed('3'), typed('*'))).toEqual({ digits: '', commands: [{ kind: 'nextQuantity', quantity: 3 }] });
    expect(run(typed('12*'))).toEqual({ digits: '', commands: [{ kind: 'nextQuantity', quantity: 12 }] });
  });

  it('sets the selected line\'s quantity with digits and Enter; Enter alone is not the keypad\'s', () => {
    expect(run(typed('4'), { kind: 'enter' })).toEqual({ digits: '', commands: [{ kind: 'lineQuantity', quantity: 4 }] });
    expect(keypadStep('', { kind: 'enter' })).toEqual({ digits: '', command: null, consumed: false });
  });

  it('hands typed digits to the price dialog on Alt+P, which opens either way', () => {
    expect(keypadStep('1500', { kind: 'price' })).toEqual({ digits: '', command: { kind: 'price', amount: 1500 }, consumed: false });
    expect(keypadStep('', { kind: 'price' })).toEqual({ digits: '', command: null, consumed: false });
  });

  it('refuses a quantity of 0 or over 999, changing nothing, and forgets the digits', () => {
    expect(run(typed('0*'))).toEqual({ digits: '', commands: [{ kind: 'refused', reason: 'quantity_range' }] });
    expect(run(typed('1000'), { kind: 'enter' })).toEqual({ digits: '', commands: [{ kind: 'refused', reason: 'quantity_range' }] });
  });

  it('takes a digit back with Backspace and clears with Escape; both are left to others when nothing is typed', () => {
    expect(run(typed('25'), { kind: 'backspace' }, typed('*'))).toEqual({ digits: '', commands: [{ kind: 'nextQuantity', quantity: 2 }] });
    expect(keypadStep('25', { kind: 'clear' })).toEqual({ digits: '', command: null, consumed: true });
    expect(keypadStep('', { kind: 'clear' }).consumed).toBe(false);
    expect(keypadStep('', { kind: 'backspace' }).consumed).toBe(false);
  });

  it('ignores a lone *, letters, and digits past seven', () => {
    expect(run(typed('*a'))).toEqual({ digits: '', commands: [] });
    expect(run(typed('123456789'))).toEqual({ digits: '1234567', commands: [] });
  });

  it('takes Enter (the numpad\'s too: its key is Enter), Backspace and Escape from the lane, nothing else', () => {
    expect(keypadKeyFor('Enter')).toEqual({ kind: 'enter' });
    expect(keypadKeyFor('Backspace')).toEqual({ kind: 'backspace' });
    expect(keypadKeyFor('Escape')).toEqual({ kind: 'clear' });
    expect(keypadKeyFor('F2')).toBeUndefined();
  });
});
