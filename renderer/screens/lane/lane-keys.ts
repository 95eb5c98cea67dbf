/** The lane's keys. Function keys, so they never collide with what a wedge scanner types. */
export const laneKeys = {
  cash: 'F2',
  card: 'F3',
  voidLine: 'F4',
  search: 'F5',
  signOut: 'F8',
  typeCode: 'F9',
  close: 'Escape',
  previousLine: 'ArrowUp',
  nextLine: 'ArrowDown',
} as const;

export type LaneCommand = keyof typeof laneKeys;

const byKey = new Map<string, LaneCommand>(Object.entries(laneKeys).map(([command, key]) => [key, command as LaneCommand]));

/** The command a key press means, if any. Arrows only move the selection outside text fields. */
export function laneCommandFor(key: string, inTextField: boolean): LaneCommand | undefined {
  const command = byKey.get(key);
  if (inTextField && (command === 'previousLine' || command === 'nextLine')) return undefined;
  return command;
}

/** The line after moving `step` from the current one among the live lines (clamped). */
export function moveSelection(liveLineIds: readonly string[], current: string | null, step: number): string | null {
  if (liveLineIds.length === 0) return null;
  const index = current === null ? -1 : liveLineIds.indexOf(current);
  const from = index < 0 ? liveLineIds.length : index;
  const next = Math.min(liveLineIds.length - 1, Math.max(0, from + step));
  return liveLineIds[next] ?? null;
}

/**
 * Keys of the sale tools (discount, price override, suspend, resume, cancel). F10 and Alt+letter
 * combos: Chromium takes F6/F7/F11/F12 and Alt+D/E/F for itself, and a wedge never types Alt.
 * Letters are read from `code`, so they work with the Korean (두벌식) layout in Hangul mode too.
 */
export const saleToolKeys = {
  discount: 'F10',
  priceOverride: 'Alt+P',
  suspend: 'Alt+S',
  resumeList: 'Alt+R',
  cancelSale: 'Alt+X',
  /** Save the sale: order the selected line for pickup elsewhere or delivery. */
  orderForLater: 'Alt+O',
  /** 현금영수증: a cash receipt for this sale's cash. */
  cashReceipt: 'Alt+C',
} as const;

export type SaleToolCommand = keyof typeof saleToolKeys;

/** Starts a return (its own dialog, beside the sale tools). */
export const returnKey = 'Alt+T';

const toolByKey = new Map<string, SaleToolCommand>(Object.entries(saleToolKeys).map(([command, key]) => [key, command as SaleToolCommand]));

export interface KeyChord {
  readonly key: string;
  readonly code: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

/** The sale tool a key press means, if any ("Alt+P" from Alt and the P key, whatever it types). */
export function saleToolCommandFor(chord: KeyChord): SaleToolCommand | undefined {
  if (chord.ctrlKey || chord.metaKey || chord.shiftKey) return undefined;
  if (chord.altKey) return chord.code.startsWith('Key') ? toolByKey.get(`Alt+${chord.code.slice(3)}`) : undefined;
  const command = toolByKey.get(chord.key);
  return command !== undefined && !saleToolKeys[command].includes('+') ? command : undefined;
}

/** Loyalty keys: identify the member (Alt+M), pay with points (Alt+U). Letters read from `code`, as for the sale tools. */
export const memberKeys = {
  member: 'Alt+M',
  points: 'Alt+U',
} as const;

export type MemberCommand = keyof typeof memberKeys;

/** The command of `keys` an Alt+letter chord means, if any (the letter read from `code`). */
function altLetterCommand<K extends string>(keys: Readonly<Record<K, string>>, chord: KeyChord): K | undefined {
  if (!chord.altKey || chord.ctrlKey || chord.metaKey || chord.shiftKey || !chord.code.startsWith('Key')) return undefined;
  const combo = `Alt+${chord.code.slice(3)}`;
  return (Object.keys(keys) as K[]).find((c) => keys[c] === combo);
}

/** The loyalty command an Alt+letter chord means, if any. */
export function memberCommandFor(chord: KeyChord): MemberCommand | undefined {
  return altLetterCommand(memberKeys, chord);
}

/** Tender keys: a gift card or store credit (Alt+G), a mobile payment by the customer's barcode (Alt+B). Read from `code`, as above. */
export const tenderKeys = {
  giftCard: 'Alt+G',
  mobile: 'Alt+B',
} as const;

export type TenderCommand = keyof typeof tenderKeys;

/** The tender command an Alt+letter chord means, if any. */
export function tenderCommandFor(chord: KeyChord): TenderCommand | undefined {
  return altLetterCommand(tenderKeys, chord);
}
