/**
 * Physical key (KeyboardEvent.code) to the character a US-layout keyboard-wedge scanner means.
 * Scanners emulate a US keyboard; reading the physical key instead of `event.key` keeps a scan
 * intact while the OS keyboard is in Hangul IME mode (where `key` is 'Process' or a jamo).
 */
const shiftedDigits = ')!@#$%^&*(';

const punctuation: Readonly<Record<string, readonly [string, string]>> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Backquote: ['`', '~'],
  Space: [' ', ' '],
  NumpadDecimal: ['.', '.'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
};

/** Both characters a physical key can produce (unshifted, shifted), or undefined for a non-character key. */
export function keyCharacters(code: string): readonly [string, string] | undefined {
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit?.[1] !== undefined) {
    const d = Number(digit[1]);
    return [digit[1], shiftedDigits.charAt(d)];
  }
  const numpad = /^Numpad([0-9])$/.exec(code);
  if (numpad?.[1] !== undefined) return [numpad[1], numpad[1]];
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter?.[1] !== undefined) return [letter[1].toLowerCase(), letter[1]];
  return punctuation[code];
}

/**
 * The character of a key press. `key` is trusted only when it is one of the two characters the
 * physical key can produce (this honours Caps Lock and synthetic events that carry no Shift);
 * otherwise (IME 'Process', Hangul jamo, dead keys) the physical key and Shift decide.
 */
export function characterOf(code: string, shiftKey: boolean, key?: string): string | undefined {
  const chars = keyCharacters(code);
  if (!chars) return undefined;
  if (key !== undefined && (key === chars[0] || key === chars[1])) return key;
  return shiftKey ? chars[1] : chars[0];
}

const modifierCodes = new Set(['ShiftLeft', 'ShiftRight', 'CapsLock', 'NumLock']);

/** Keys that scanners interleave (Shift for capitals) and that must not break a burst. */
export const isNeutralKey = (code: string): boolean => modifierCodes.has(code);
