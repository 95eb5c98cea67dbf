/**
 * A camera sees the same barcode in frame after frame while the customer holds the item up. An
 * item rings once per presentation: the same code again rings only after it was out of sight for
 * `gapMs` (the customer took the item away and showed it again); a different code rings at once.
 */
export class CameraScanDedupe {
  private last: { code: string; seenAt: number } | null = null;

  constructor(private readonly gapMs = 1200) {}

  /** Called for every decoded frame; true when this sighting is a new scan to ring. */
  sighted(code: string, now: number): boolean {
    const last = this.last;
    const fresh = !last || last.code !== code || now - last.seenAt > this.gapMs;
    this.last = { code, seenAt: now };
    return fresh;
  }

  reset(): void {
    this.last = null;
  }
}
