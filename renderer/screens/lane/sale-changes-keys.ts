import type { KeyChord } from './lane-keys.ts';

/** Post-void (Alt+V: also from the F7 journal on a found sale) and training mode on/off (Alt+N). */
export const saleChangeKeys = {
  postVoid: 'Alt+V',
  training: 'Alt+N',
} as const;

export type SaleChangeCommand = keyof typeof saleChangeKeys;

/** The command an Alt+letter chord means, if any; letters from `code`, so Hangul mode types them too. */
export function saleChangeCommandFor(chord: KeyChord): SaleChangeCommand | undefined {
  if (!chord.altKey || chord.ctrlKey || chord.metaKey || chord.shiftKey || !chord.code.startsWith('Key')) return undefined;
  const combo = `Alt+${chord.code.slice(3)}`;
  return (Object.keys(saleChangeKeys) as SaleChangeCommand[]).find((c) => saleChangeKeys[c] === combo);
}
