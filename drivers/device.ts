/**
 * The device model every driver shares, after UnifiedPOS: a device is opened, used, and closed;
 * it reports its health as a status and its faults as values with a code, never as thrown errors.
 *
 * UnifiedPOS separates open -> claim -> enable. A till owns its devices exclusively and uses them
 * as soon as they are ready, so `open()` folds the three steps into one: after it resolves the
 * device is claimed and enabled (or reports `offline` and keeps trying, for network devices).
 * `close()` releases everything and is safe to call twice.
 */

export type DeviceState = 'online' | 'offline' | 'error' | 'disabled';

/** Fault codes shared by all device classes (UnifiedPOS ErrorCode / extended codes, flattened). */
export const DEVICE_ERROR_CODES = [
  'timeout',
  'disconnected',
  'canceled',
  'declined',
  'paper_out',
  'cover_open',
  'busy',
  'protocol',
] as const;
export type DeviceErrorCode = (typeof DEVICE_ERROR_CODES)[number];

/** A status code is a fault, or a state that does not stop the device (paper near end, the cash drawer standing open). */
export type DeviceStatusCode = DeviceErrorCode | 'paper_near_end' | 'drawer_open';

export interface DeviceStatus {
  state: DeviceState;
  /** Machine-readable reason, for the UI to translate. */
  code?: DeviceStatusCode;
  /** English detail for logs; never shown to a customer as is. */
  detail?: string;
}

export type Unsubscribe = () => void;

/** Lifecycle every device has. */
export interface Device {
  /** Opens, claims and enables the device. Resolves when ready or when it has started reconnecting. */
  open(): Promise<void>;
  /** Releases the device and its sockets or ports; idempotent. */
  close(): Promise<void>;
  /** The last known status; cheap, never does I/O. */
  status(): DeviceStatus;
  /** Called on every status change; returns the unsubscribe function. */
  onStatus(cb: (status: DeviceStatus) => void): Unsubscribe;
}

/** A tiny typed event emitter: event name -> payload type. */
export interface TypedEmitter<Events extends Record<string, unknown>> {
  on<K extends keyof Events>(event: K, cb: (payload: Events[K]) => void): Unsubscribe;
  emit<K extends keyof Events>(event: K, payload: Events[K]): void;
}

/** Creates a TypedEmitter. A throwing listener does not stop the others (a UI bug must not stop a device). */
export function createEmitter<Events extends Record<string, unknown>>(): TypedEmitter<Events> {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>();
  return {
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const entry = cb as (payload: never) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(event, payload) {
      for (const cb of listeners.get(event) ?? []) {
        try {
          (cb as (p: typeof payload) => void)(payload);
        } catch (error) {
          console.error(`listener for ${String(event)} failed`, error);
        }
      }
    },
  };
}
