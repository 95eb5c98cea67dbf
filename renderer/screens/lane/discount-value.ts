/** A percent as typed ("20", "12.5", "7.25%") in basis points (2000, 1250, 725); null for anything else or outside (0, 100] %. */
export function percentToBps(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!match?.[1]) return null;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bps > 0 && bps <= 10000 ? bps : null;
}
