import type { Reply } from '../main/api/contract.ts';

/**
 * What the Electron preload exposes on `window.till` (contextBridge). Untyped by method on
 * purpose: it is a pipe; PreloadTillClient puts the contract's types on it.
 */
export interface TillBridge {
  invoke(method: string, input: unknown): Promise<Reply<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    readonly till?: TillBridge;
  }
}
