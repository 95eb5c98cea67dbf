/** The lane's keys. Function keys, so they never collide with what a wedge scanner types. */
export const laneKeys = {
  cash: 'F2',
  card: 'F3',
  voidLine: 'F4',
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
