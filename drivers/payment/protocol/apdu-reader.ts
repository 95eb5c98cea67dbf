import { readApdu, type Apdu } from './zvt.ts';

/** Collects bytes from a stream and hands out whole APDUs in order; `next()` waits for one. */
export class ApduReader {
  private buffer: Uint8Array = new Uint8Array(0);
  private readonly ready: Apdu[] = [];
  private waiter: { resolve: (apdu: Apdu) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  push(chunk: Uint8Array): void {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
    for (let read = readApdu(this.buffer); read; read = readApdu(this.buffer)) {
      this.buffer = this.buffer.slice(read.size);
      this.ready.push(read.apdu);
    }
    this.deliver();
  }

  /** Ends the stream: a pending and every later `next()` reject with the error. */
  fail(error: Error): void {
    this.failure = error;
    this.deliver();
  }

  next(): Promise<Apdu> {
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
      this.deliver();
    });
  }

  /**
   * The next APDU, or undefined after `ms`. A timed-out wait is withdrawn, so an APDU that arrives
   * later is kept for the next call rather than handed to a caller who has stopped listening.
   */
  nextWithin(ms: number): Promise<Apdu | undefined> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.waiter === waiter) this.waiter = undefined;
        resolve(undefined);
      }, Math.max(0, ms));
      const waiter = {
        resolve: (apdu: Apdu) => {
          clearTimeout(timer);
          resolve(apdu);
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiter = waiter;
      this.deliver();
    });
  }

  private deliver(): void {
    if (!this.waiter) return;
    const apdu = this.ready.shift();
    if (apdu) {
      const { resolve } = this.waiter;
      this.waiter = undefined;
      resolve(apdu);
    } else if (this.failure) {
      const { reject } = this.waiter;
      this.waiter = undefined;
      reject(this.failure);
    }
  }
}
