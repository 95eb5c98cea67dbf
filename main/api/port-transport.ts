import { z } from 'zod';
import type { Dispatch } from './dispatch.ts';
import type { EventSource } from './ws-transport.ts';
import type { ServerMessage } from './till-client.ts';

const clientMessage = z.object({ id: z.number().int(), method: z.string().max(100), input: z.unknown() });

/** The minimal MessagePort shape shared by Electron's MessagePortMain and Node's worker ports. */
export interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  start?(): void;
}

/**
 * Electron's transport: the same contract over a MessagePort between the renderer's preload
 * and the host running in a utilityProcess.
 */
export function attachPort(port: PortLike, dispatch: Dispatch, events: EventSource): () => void {
  const send = (msg: ServerMessage): void => port.postMessage(msg);
  port.on('message', (e) => {
    const parsed = clientMessage.safeParse(e.data);
    if (!parsed.success) return;
    void dispatch(parsed.data.method, parsed.data.input).then((reply) => send({ kind: 'reply', id: parsed.data.id, reply }));
  });
  port.start?.();
  return events.onEvent((event, payload) => send({ kind: 'event', event, payload }));
}
