import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, Reply } from './contract.ts';

/**
 * What the renderer talks to, and nothing else: the preload bridge in Electron,
 * a WebSocket client in browser mode.
 */
export interface TillClient {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply<MethodOutput<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Wire messages shared by the WebSocket and MessagePort transports. */
export type ClientMessage = { readonly id: number; readonly method: string; readonly input: unknown };
export type ServerMessage =
  | { readonly kind: 'reply'; readonly id: number; readonly reply: Reply<unknown> }
  | { readonly kind: 'event'; readonly event: string; readonly payload: unknown };
