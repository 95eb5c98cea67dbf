import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { Dispatch } from './dispatch.ts';
import type { ServerMessage } from './till-client.ts';

const clientMessage = z.object({ id: z.number().int(), method: z.string().max(100), input: z.unknown() });

export interface EventSource {
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

/**
 * Browser mode's transport: the contract over a WebSocket at /ws on the host's loopback HTTP server.
 * Only same-origin pages may connect (the Origin is checked), so another site open in the
 * same browser cannot drive the till.
 */
export function attachWebSocket(server: Server, dispatch: Dispatch, events: EventSource): { close(): void } {
  const wss = new WebSocketServer({
    server,
    path: '/ws',
    maxPayload: 64 * 1024,
    verifyClient: ({ origin, req }: { origin: string; req: IncomingMessage }) => !origin || origin === `http://${req.headers.host ?? ''}`,
  });
  const send = (ws: WebSocket, msg: ServerMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      let parsed: z.infer<typeof clientMessage>;
      try {
        parsed = clientMessage.parse(JSON.parse(String(data)));
      } catch {
        ws.close(1003, 'messages are JSON {id, method, input}');
        return;
      }
      void dispatch(parsed.method, parsed.input).then((reply) => send(ws, { kind: 'reply', id: parsed.id, reply }));
    });
  });
  const off = events.onEvent((event, payload) => {
    for (const ws of wss.clients) send(ws, { kind: 'event', event, payload });
  });
  return {
    close() {
      off();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
