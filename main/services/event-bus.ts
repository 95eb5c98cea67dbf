import type { EventName, EventPayload } from '../api/contract.ts';

type Listener = (event: string, payload: unknown) => void;

/** The host's events (scan rejected, sale changed, device status, sync status) for whichever transport listens. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(event, payload);
      } catch (e) {
        console.error(`event listener for ${event} failed`, e);
      }
    }
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
