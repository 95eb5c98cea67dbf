import type { Duplex } from 'node:stream';
import { ApduReader } from '../protocol/apdu-reader.ts';
import { LINE_ACK, LINE_NAK, ZvtSerialReader, encodeSerialFrame } from '../protocol/zvt-serial-frame.ts';
import type { LabTerminal } from './lab-terminal.ts';

/** Line faults the lab can play on a serial terminal, for the next frame (or frames). */
export interface LabSerialLine {
  /** Sends the next frame with a broken CRC (the ECR must NAK it; the lab then repeats it intact). */
  corruptNextFrame(): void;
  /** Answers the next good frame (or the next `count`) from the ECR with NAK (the ECR must repeat it). */
  refuseNextFrame(count?: number): void;
  /** How many frames the lab refused or had to repeat. */
  readonly stats: { naksSent: number; repeats: number };
}

/**
 * Plays a lab terminal over a serial stream (the device end of a pty): ZVT serial framing with
 * line ACK/NAK, and a repeat of the last frame when the ECR answers NAK.
 */
export function serveZvtSerial(terminal: LabTerminal, port: Duplex, options: { lineAckTimeoutMs?: number } = {}): LabSerialLine {
  const frames = new ZvtSerialReader();
  const reader = new ApduReader();
  // One frame on the line at a time: the next goes when the ECR acknowledged this one (or never answered).
  const queue: Uint8Array[] = [];
  let inFlight: Uint8Array | undefined;
  let timer: NodeJS.Timeout | undefined;
  let corruptNext = false;
  let refuseNext = 0;
  const stats = { naksSent: 0, repeats: 0 };
  port.on('data', (chunk: Buffer) => {
    for (const event of frames.push(chunk)) {
      if (event.kind === 'frame') {
        if (refuseNext > 0) {
          refuseNext -= 1;
          stats.naksSent += 1;
          port.write(Uint8Array.of(LINE_NAK));
          continue;
        }
        port.write(Uint8Array.of(LINE_ACK));
        reader.push(event.apdu);
      } else if (event.kind === 'corrupt') {
        stats.naksSent += 1;
        port.write(Uint8Array.of(LINE_NAK));
      } else if (event.kind === 'nak' && inFlight) {
        stats.repeats += 1;
        transmit(inFlight);
      } else if (event.kind === 'ack') {
        inFlight = undefined;
        pump();
      }
    }
  });
  function transmit(frame: Uint8Array): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      inFlight = undefined;
      pump();
    }, options.lineAckTimeoutMs ?? 1_000);
    if (!port.destroyed) port.write(frame);
  }
  function pump(): void {
    if (inFlight) return;
    const next = queue.shift();
    if (!next) {
      clearTimeout(timer);
      return;
    }
    inFlight = next;
    if (corruptNext) {
      corruptNext = false;
      const bad = Uint8Array.from(next);
      bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0x5a;
      transmit(bad);
    } else transmit(next);
  }
  port.on('error', () => port.destroy());
  port.once('close', () => {
    clearTimeout(timer);
    reader.fail(new Error('closed'));
  });
  terminal.serve({
    reader,
    write(bytes) {
      if (port.destroyed) return;
      queue.push(encodeSerialFrame(bytes));
      pump();
    },
    get open() {
      return !port.destroyed;
    },
  });
  return {
    corruptNextFrame: () => {
      corruptNext = true;
    },
    refuseNextFrame: (count = 1) => {
      refuseNext = count;
    },
    stats,
  };
}
