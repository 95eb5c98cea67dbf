import type { Duplex } from 'node:stream';
import { createEmitter, type DeviceStatus, type Unsubscribe } from './device.ts';

/**
 * The lifecycle of a device that is reopened until closed (a scanner or display unplugged and
 * plugged back in comes back without a restart): open -> connect attempts every reconnectDelayMs
 * -> online; gone -> offline -> attempts again. Subclasses say how to connect and how to let go.
 */
export abstract class ReconnectingDevice {
  private readonly statusEvents = createEmitter<{ status: DeviceStatus }>();
  private current: DeviceStatus = { state: 'disabled' };
  private timer: NodeJS.Timeout | undefined;
  protected closed = true;
  /** Whether a new detail alone (same state and code) is a status change worth telling. */
  protected reportDetailChanges = false;

  constructor(
    /** The endpoint, for the status detail. */
    protected readonly endpoint: string,
    private readonly reconnectDelayMs = 1_000,
  ) {}

  /** Starts connecting; resolves after the first attempt succeeded or failed (then it keeps trying). */
  open(): Promise<void> {
    if (!this.closed) return Promise.resolve();
    this.closed = false;
    this.setStatus({ state: 'offline', code: 'disconnected', detail: `connecting to ${this.endpoint}` });
    return this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.release();
    this.setStatus({ state: 'disabled' });
  }

  status(): DeviceStatus {
    return this.current;
  }

  onStatus(cb: (status: DeviceStatus) => void): Unsubscribe {
    return this.statusEvents.on('status', cb);
  }

  /** One attempt: on failure set a status and call retry(); on success set online. */
  protected abstract connect(): Promise<void>;

  /** Lets go of the open connection, if any. */
  protected abstract release(): Promise<void>;

  protected retry(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), this.reconnectDelayMs);
  }

  protected setStatus(status: DeviceStatus): void {
    const now = this.current;
    if (status.state === now.state && status.code === now.code && (!this.reportDetailChanges || status.detail === now.detail)) return;
    this.current = status;
    this.statusEvents.emit('status', status);
  }
}

/** Destroys a stream and waits until it has closed. */
export async function destroyStream(stream: Duplex | undefined): Promise<void> {
  if (!stream || stream.destroyed) return;
  const gone = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  stream.destroy();
  await gone;
}

/** A reconnecting device on a byte stream (a TCP socket, a serial port): reopened when the stream closes. */
export abstract class StreamDevice extends ReconnectingDevice {
  protected stream: Duplex | undefined;

  constructor(
    endpoint: string,
    private readonly openStream: () => Promise<Duplex>,
    reconnectDelayMs?: number,
  ) {
    super(endpoint, reconnectDelayMs);
  }

  /** Takes a freshly opened stream into use (listeners, a greeting), before the device reports online. */
  protected abstract attach(stream: Duplex): void;

  /** The status detail when the stream went away. */
  protected goneDetail(): string {
    return `${this.endpoint} went away; reconnecting`;
  }

  protected async release(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    await destroyStream(stream);
  }

  protected async connect(): Promise<void> {
    if (this.closed) return;
    let stream: Duplex;
    try {
      stream = await this.openStream();
    } catch (error) {
      this.setStatus({ state: 'offline', code: 'disconnected', detail: (error as Error).message });
      this.retry();
      return;
    }
    if (this.closed) {
      stream.destroy();
      return;
    }
    this.stream = stream;
    stream.on('error', () => {
      // 'close' follows and schedules the reconnect.
    });
    stream.once('close', () => {
      if (this.stream !== stream || this.closed) return;
      this.stream = undefined;
      this.setStatus({ state: 'offline', code: 'disconnected', detail: this.goneDetail() });
      this.retry();
    });
    this.attach(stream);
    this.setStatus({ state: 'online' });
  }
}
