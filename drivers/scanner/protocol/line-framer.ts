/**
 * Splits a byte stream into scans terminated by CR, LF or CRLF, the framing serial scanners use.
 * A scan split across packets is held until its terminator arrives.
 */
export class LineFramer {
  private pending = '';

  /** Feeds a chunk; returns the complete scans it finished. Scans are ASCII/latin1 on the wire. */
  push(chunk: Uint8Array): string[] {
    this.pending += Buffer.from(chunk).toString('latin1');
    const parts = this.pending.split(/\r\n|\r|\n/);
    // A chunk ending in CR may be followed by LF in the next one: the empty line it makes is dropped below.
    this.pending = parts.pop() ?? '';
    return parts.filter((p) => p.length > 0);
  }

  reset(): void {
    this.pending = '';
  }
}
