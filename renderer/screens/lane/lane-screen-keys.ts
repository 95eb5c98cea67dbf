import type { KeyChord } from './lane-keys.ts';

/**
 * Keys of the lane screen's own tools: the quick keys panel for unbarcoded items (Alt+Q, then the
 * item's number 1-9) and the customer's receipt language (Alt+L). Letters are read from `code`,
 * so Hangul mode works too.
 */
export const laneScreenKeys = {
  quickKeys: 'Alt+Q',
  receiptLanguage: 'Alt+L',
} as const;

export type LaneScreenCommand = keyof typeof laneScreenKeys;

export function laneScreenCommandFor(chord: KeyChord): LaneScreenCommand | undefined {
  if (!chord.altKey || chord.ctrlKey || chord.metaKey || chord.shiftKey || !chord.code.startsWith('Key')) return undefined;
  const combo = `Alt+${chord.code.slice(3)}`;
  return (Object.keys(laneScreenKeys) as LaneScreenCommand[]).find((c) => laneScreenKeys[c] === combo);
}

/** The quick key a typed character means in the panel (1-9), if any. */
export function quickKeyNumber(ch: string): number | undefined {
  return /^[1-9]$/.test(ch) ? Number(ch) : undefined;
}
