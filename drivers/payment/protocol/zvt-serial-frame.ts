/**
 * ZVT's serial transport framing (transport protocol PA00P016, RS-232): every APDU travels as
 *   DLE STX <APDU, each DLE doubled> DLE ETX CRC-low CRC-high
 * and the receiver answers each frame with ACK (06) or NAK (15) on the line; the sender repeats a
 * frame that was refused or not acknowledged in time (at most three sends in all).
 * The CRC is CRC-16/CCITT in its reflected form (polynomial 0x8408, initial value 0, no final XOR),
 * computed over the unstuffed APDU and the ETX byte, sent low byte first.
 */

export const DLE = 0x10;
export const STX = 0x02;
export const ETX = 0x03;
export const LINE_ACK = 0x06;
export const LINE_NAK = 0x15;

export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  return crc & 0xffff;
}

export function encodeSerialFrame(apdu: Uint8Array): Uint8Array {
  const body: number[] = [];
  for (const byte of apdu) {
    body.push(byte);
    if (byte === DLE) body.push(DLE);
  }
  const checked = new Uint8Array(apdu.length + 1);
  checked.set(apdu);
  checked[apdu.length] = ETX;
  const crc = crc16(checked);
  return Uint8Array.from([DLE, STX, ...body, DLE, ETX, crc & 0xff, crc >> 8]);
}

/** What the line said: a whole frame's APDU, a line ACK or NAK, or a frame that failed its checks. */
export type SerialEvent = { kind: 'frame'; apdu: Uint8Array } | { kind: 'ack' } | { kind: 'nak' } | { kind: 'corrupt'; reason: 'crc' | 'framing' };

type State = 'idle' | 'idle-dle' | 'body' | 'body-dle' | 'crc';

/** Reads frames and line acknowledgements from a byte stream; a frame may arrive in any number of chunks. */
export class ZvtSerialReader {
  private state: State = 'idle';
  private body: number[] = [];
  private crc: number[] = [];

  push(chunk: Uint8Array): SerialEvent[] {
    const events: SerialEvent[] = [];
    for (const byte of chunk) {
      const event = this.step(byte);
      if (event) events.push(event);
    }
    return events;
  }

  reset(): void {
    this.state = 'idle';
    this.body = [];
    this.crc = [];
  }

  private step(byte: number): SerialEvent | undefined {
    switch (this.state) {
      case 'idle':
        if (byte === DLE) this.state = 'idle-dle';
        else if (byte === LINE_ACK) return { kind: 'ack' };
        else if (byte === LINE_NAK) return { kind: 'nak' };
        // Anything else outside a frame is line noise.
        return undefined;
      case 'idle-dle':
        if (byte === STX) {
          this.state = 'body';
          this.body = [];
        } else this.state = byte === DLE ? 'idle-dle' : 'idle';
        return undefined;
      case 'body':
        if (byte === DLE) this.state = 'body-dle';
        else this.body.push(byte);
        return undefined;
      case 'body-dle':
        if (byte === DLE) {
          this.body.push(DLE);
          this.state = 'body';
        } else if (byte === ETX) {
          this.state = 'crc';
          this.crc = [];
        } else if (byte === STX) {
          // A new frame began before this one ended: the sender started over.
          this.body = [];
          this.state = 'body';
          return { kind: 'corrupt', reason: 'framing' };
        } else {
          this.state = 'idle';
          return { kind: 'corrupt', reason: 'framing' };
        }
        return undefined;
      case 'crc': {
        this.crc.push(byte);
        if (this.crc.length < 2) return undefined;
        this.state = 'idle';
        const apdu = Uint8Array.from(this.body);
        const expected = crc16(Uint8Array.from([...this.body, ETX]));
        const got = (this.crc[0] ?? 0) | ((this.crc[1] ?? 0) << 8);
        return got === expected ? { kind: 'frame', apdu } : { kind: 'corrupt', reason: 'crc' };
      }
    }
  }
}
