import type { Device, DeviceStatus, Unsubscribe } from '../../drivers/device.ts';

/**
 * A place for one device that can be refilled while the till runs: a supervisor points the till at
 * another scanner or display, and the services holding the slot's `device` go on using it, now
 * talking to the new one. Subscriptions made through `device` (onData, onStatus, ...) are kept by
 * the slot and moved to each new device, so nothing listening is lost in the swap.
 */
export class DeviceSlot<D extends Device> {
  private current: D | null = null;
  private readonly subscriptions = new Set<{ key: string; cb: unknown; off: Unsubscribe | undefined }>();
  readonly device: D;

  constructor() {
    // The proxy stands in for whichever device is in the slot now; it holds no state of its own.
    this.device = new Proxy({} as D, {
      get: (_target, key) => {
        // Not a promise, not inspectable by symbol: awaiting or logging the slot asks nothing of a device.
        if (typeof key !== 'string' || key === 'then') return undefined;
        if (key === 'status') return (): DeviceStatus => this.current?.status() ?? { state: 'disabled', detail: 'not configured' };
        if (/^on[A-Z]/.test(key)) return (cb: unknown): Unsubscribe => this.subscribe(key, cb);
        const device = this.current;
        if (!device) throw new Error(`no device is configured for this slot (${key})`);
        const value: unknown = Reflect.get(device, key);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(device) : value;
      },
    });
  }

  /** The device in the slot now, or null when none is configured. */
  get active(): D | null {
    return this.current;
  }

  /** Puts `next` in the slot (closing the one before), moves the subscriptions over, and opens it. */
  async fill(next: D | null): Promise<void> {
    const previous = this.current;
    for (const s of this.subscriptions) {
      s.off?.();
      s.off = undefined;
    }
    this.current = next;
    await previous?.close();
    if (!next) return;
    for (const s of this.subscriptions) s.off = this.attach(next, s.key, s.cb);
    await next.open();
  }

  private subscribe(key: string, cb: unknown): Unsubscribe {
    const entry = { key, cb, off: this.current ? this.attach(this.current, key, cb) : undefined };
    this.subscriptions.add(entry);
    return () => {
      entry.off?.();
      this.subscriptions.delete(entry);
    };
  }

  private attach(device: D, key: string, cb: unknown): Unsubscribe | undefined {
    const on: unknown = Reflect.get(device, key);
    if (typeof on !== 'function') return undefined;
    return (on as (listener: unknown) => Unsubscribe).call(device, cb);
  }
}
