/**
 * Runs operations one at a time, in arrival order. A scan that arrives while a card
 * payment waits on the terminal is queued behind it, never dropped or interleaved.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(op: () => Promise<T> | T): Promise<T> {
    const next = this.tail.then(op, op);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
