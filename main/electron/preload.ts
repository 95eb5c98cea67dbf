/**
 * The preload bridge (sandboxed, so it may use only contextBridge and ipcRenderer): it receives the
 * MessagePort to the host and exposes the TillClient contract as window.till. Nothing else crosses.
 */
import { contextBridge, ipcRenderer } from 'electron';

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type ServerMessage = { kind: 'reply'; id: number; reply: Reply } | { kind: 'event'; event: string; payload: unknown };

let port: MessagePort | null = null;
const waiting: ((p: MessagePort) => void)[] = [];
const pending = new Map<number, (r: Reply) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 1;

ipcRenderer.on('till-port', (event) => {
  const p = event.ports[0];
  if (!p) return;
  port = p;
  p.onmessage = (e: MessageEvent<ServerMessage>) => {
    const msg = e.data;
    if (msg.kind === 'reply') {
      pending.get(msg.id)?.(msg.reply);
      pending.delete(msg.id);
    } else {
      for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
    }
  };
  p.start();
  for (const w of waiting.splice(0)) w(p);
});

// The shell asks before closing with unsynced sales; the renderer hears it as the contract's app.quitRequested.
ipcRenderer.on('till-quit-request', (_event, payload: unknown) => {
  for (const l of listeners.get('app.quitRequested') ?? []) l(payload);
});

function withPort(): Promise<MessagePort> {
  return port ? Promise.resolve(port) : new Promise((resolve) => waiting.push(resolve));
}

contextBridge.exposeInMainWorld('till', {
  invoke: async (method: string, input: unknown): Promise<Reply> => {
    const p = await withPort();
    const id = nextId++;
    return new Promise<Reply>((resolve) => {
      pending.set(id, resolve);
      p.postMessage({ id, method, input });
    });
  },
  on: (event: string, cb: (payload: unknown) => void): (() => void) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(cb);
    return () => set.delete(cb);
  },
});
