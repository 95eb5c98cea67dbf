/**
 * The shell's own line to the host (a MessagePort beside the windows'): it asks how much is not
 * synced before closing, and hears when a supervisor approved closing. The contract's wire format.
 */
import { MessageChannelMain, type UtilityProcess } from 'electron';
import type { EventPayload, MethodOutput, Reply } from '../api/contract.ts';

type Message = { kind: 'reply'; id: number; reply: Reply<unknown> } | { kind: 'event'; event: string; payload: unknown };

export interface HostControl {
  /** Mutations not yet pushed, or null when the host does not answer within `timeoutMs`. */
  queued(timeoutMs?: number): Promise<number | null>;
}

export function hostControl(host: UtilityProcess, onQuitApproved: (e: EventPayload<'app.quitApproved'>) => void): HostControl {
  const { port1, port2 } = new MessageChannelMain();
  host.postMessage({ kind: 'port' }, [port1]);
  let nextId = 1;
  const pending = new Map<number, (reply: Reply<unknown>) => void>();
  port2.on('message', (e) => {
    const msg = e.data as Message;
    if (msg.kind === 'reply') {
      pending.get(msg.id)?.(msg.reply);
      pending.delete(msg.id);
    } else if (msg.event === 'app.quitApproved') onQuitApproved({});
  });
  port2.start();
  return {
    queued(timeoutMs = 2000) {
      const id = nextId++;
      return new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(null);
        }, timeoutMs);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          resolve(reply.ok ? (reply.value as MethodOutput<'app.quitCheck'>).queued : null);
        });
        port2.postMessage({ id, method: 'app.quitCheck', input: {} });
      });
    },
  };
}
