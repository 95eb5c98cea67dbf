/**
 * The lane's numeric keypad: digits typed outside any field (the wedge hands them over, see
 * keyboard-wedge.ts), then what they are for:
 * - `3 *` (NumpadMultiply or Shift+8): the next item rung rings 3;
 * - `3 Enter`: the selected line's quantity becomes 3;
 * - `1500` then Alt+P: the price dialog opens with 1,500 in it;
 * Backspace takes the last digit back, Escape clears them. Pure: keys in, digits and a command out.
 */

export type KeypadInput =
  | { readonly kind: 'typed'; readonly text: string }
  | { readonly kind: 'enter' }
  | { readonly kind: 'backspace' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'price' };

export type KeypadCommand =
  | { readonly kind: 'nextQuantity'; readonly quantity: number }
  | { readonly kind: 'lineQuantity'; readonly quantity: number }
  | { readonly kind: 'price'; readonly amount: number }
  /** Typed digits that are no quantity (0, more than the most a line takes): nothing is changed. */
  | { readonly kind: 'refused'; readonly reason: 'quantity_range' };

export interface KeypadStep {
  readonly digits: string;
  readonly command: KeypadCommand | null;
  /** The key meant something to the keypad: nobody else acts on it (Enter, Backspace, Escape). */
  readonly consumed: boolean;
}

export const MAX_KEYPAD_QUANTITY = 999;
/** Enough for a price of 9,999,999 won; more is a slip of the finger. */
const MAX_DIGITS = 7;

const quantityCommand = (digits: string, kind: 'nextQuantity' | 'lineQuantity'): KeypadCommand => {
  const quantity = Number(digits);
  return quantity >= 1 && quantity <= MAX_KEYPAD_QUANTITY ? { kind, quantity } : { kind: 'refused', reason: 'quantity_range' };
};

export function keypadStep(digits: string, input: KeypadInput): KeypadStep {
  switch (input.kind) {
    case 'typed': {
      let d = digits;
      let command: KeypadCommand | null = null;
      for (const ch of input.text) {
        if (ch >= '0' && ch <= '9') {
          if (d.length < MAX_DIGITS) d += ch;
        } else if (ch === '*' && d !== '') {
          command = quantityCommand(d, 'nextQuantity');
          d = '';
        }
        // Anything else typed outside a field (a letter, a lone *) means nothing here.
      }
      return { digits: d, command, consumed: true };
    }
    case 'enter':
      return digits === '' ? { digits, command: null, consumed: false } : { digits: '', command: quantityCommand(digits, 'lineQuantity'), consumed: true };
    case 'backspace':
      return digits === '' ? { digits, command: null, consumed: false } : { digits: digits.slice(0, -1), command: null, consumed: true };
    case 'clear':
      return digits === '' ? { digits, command: null, consumed: false } : { digits: '', command: null, consumed: true };
    case 'price':
      // The price dialog opens either way (Alt+P is the sale tools' key); typed digits go into it.
      return digits === '' ? { digits, command: null, consumed: false } : { digits: '', command: { kind: 'price', amount: Number(digits) }, consumed: false };
  }
}

/** The lane keys the keypad may take (when digits are typed): Enter (the numpad's too), Backspace, Escape. */
export function keypadKeyFor(key: string): Exclude<KeypadInput, { kind: 'typed' | 'price' }> | undefined {
  if (key === 'Enter') return { kind: 'enter' };
  if (key === 'Backspace') return { kind: 'backspace' };
  if (key === 'Escape') return { kind: 'clear' };
  return undefined;
}
