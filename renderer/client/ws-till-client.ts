import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, Reply } from '../../main/api/contract.ts';
import type { ClientMessage, ServerMessage } from '../../main/api/till-client.ts';
import type { ConnectionState, LiveTillClient } from './live-till-client.ts';

export interface WsTillClientOptions {
  /** How long a request made while disconnected waits for the connection before it fails. */
  readonly waitForConnectionMs?: number;
  readonly backoffInitialMs?: number;
  readonly backoffMaxMs?: number;
  /** For tests: a WebSocket constructor. */
  readonly webSocket?: new (url: string) => WebSocket;
}

type Settle = (reply: Reply<unknown>) => void;

interface Waiting {
  readonly message: ClientMessage;
  readonly settle: Settle;
  readonly timer: ReturnType<typeof setTimeout>;
}

const disconnected = (message: string): Reply<never> => ({ ok: false, error: { code: 'disconnected', message } });

function isServerMessage(value: unknown): value is ServerMessage {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  if (value.kind === 'reply') {
    return 'id' in value && typeof value.id === 'number' && 'reply' in value && typeof value.reply === 'object' && value.reply !== null && 'ok' in value.reply;
  }
  return value.kind === 'event' && 'event' in value && typeof value.event === 'string';
}

/**
 * The browser-mode TillClient: one WebSocket to the host, JSON ClientMessage/ServerMessage, request
 * ids matched to replies, reconnect with exponential backoff. A request is never sent twice: one in
 * flight when the socket drops fails with 'disconnected' (the host may have done it; the UI reloads
 * the status), and one made while disconnected waits for the connection, bounded.
 */
export class WsTillClient implements LiveTillClient {
  private socket: WebSocket | null = null;
  private state: ConnectionState = 'connecting';
  private nextId = 1;
  private attempt = 0;
  private closed = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly inFlight = new Map<number, Settle>();
  private readonly waiting: Waiting[] = [];
  private readonly eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();
  private readonly waitForConnectionMs: number;
  private readonly backoffInitialMs: number;
  private readonly backoffMaxMs: number;
  private readonly WebSocketImpl: new (url: string) => WebSocket;

  constructor(
    private readonly url: string,
    options: WsTillClientOptions = {},
  ) {
    this.waitForConnectionMs = options.waitForConnectionMs ?? 10_000;
    this.backoffInitialMs = options.backoffInitialMs ?? 250;
    this.backoffMaxMs = options.backoffMaxMs ?? 5_000;
    this.WebSocketImpl = options.webSocket ?? WebSocket;
    this.connect();
  }

  get connection(): ConnectionState {
    return this.state;
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply<MethodOutput<M>>> {
    return new Promise<Reply<unknown>>((settle) => {
      const message: ClientMessage = { id: this.nextId++, method, input };
      if (this.closed) {
        settle(disconnected('the client is closed'));
        return;
      }
      if (this.state === 'connected' && this.socket) {
        this.send(message, settle);
        return;
      }
      const timer = setTimeout(() => {
        const index = this.waiting.findIndex((w) => w.message.id === message.id);
        if (index >= 0) this.waiting.splice(index, 1);
        settle(disconnected(`no connection to the till host within ${this.waitForConnectionMs} ms`));
      }, this.waitForConnectionMs);
      this.waiting.push({ message, settle, timer });
      // The host checks every reply against the contract's output schema; the renderer trusts its shape.
    }) as Promise<Reply<MethodOutput<M>>>;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let listeners = this.eventListeners.get(event);
    if (!listeners) {
      listeners = new Set();
      this.eventListeners.set(event, listeners);
    }
    // Payloads are validated by the host against the contract's event schemas before they are sent.
    const wrapped = (payload: unknown): void => listener(payload as EventPayload<E>);
    listeners.add(wrapped);
    return () => {
      listeners.delete(wrapped);
    };
  }

  /** Stops reconnecting and fails everything pending. */
  close(): void {
    this.closed = true;
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.socket?.close();
    this.failInFlight('the client is closed');
    for (const w of this.waiting.splice(0)) {
      clearTimeout(w.timer);
      w.settle(disconnected('the client is closed'));
    }
  }

  private connect(): void {
    const socket = new this.WebSocketImpl(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.setState('connected');
      for (const w of this.waiting.splice(0)) {
        clearTimeout(w.timer);
        this.send(w.message, w.settle);
      }
    });
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (this.socket === socket && typeof event.data === 'string') this.receive(event.data);
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failInFlight('the connection to the till host was lost before it answered');
      if (this.closed) return;
      if (this.state === 'connected') this.setState('reconnecting');
      this.scheduleReconnect();
    });
    // 'error' is always followed by 'close', which does the work.
  }

  private scheduleReconnect(): void {
    const base = Math.min(this.backoffMaxMs, this.backoffInitialMs * 2 ** this.attempt);
    this.attempt += 1;
    const delay = base / 2 + Math.random() * (base / 2);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.closed) this.connect();
    }, delay);
  }

  private send(message: ClientMessage, settle: Settle): void {
    this.inFlight.set(message.id, settle);
    try {
      this.socket?.send(JSON.stringify(message));
    } catch (error) {
      this.inFlight.delete(message.id);
      settle(disconnected(error instanceof Error ? error.message : 'send failed'));
    }
  }

  private receive(data: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    if (!isServerMessage(parsed)) return;
    if (parsed.kind === 'reply') {
      const settle = this.inFlight.get(parsed.id);
      this.inFlight.delete(parsed.id);
      settle?.(parsed.reply);
      return;
    }
    for (const listener of [...(this.eventListeners.get(parsed.event) ?? [])]) {
      try {
        listener(parsed.payload);
      } catch (error) {
        console.error(`listener for '${parsed.event}' failed`, error);
      }
    }
  }

  private failInFlight(message: string): void {
    const settles = [...this.inFlight.values()];
    this.inFlight.clear();
    for (const settle of settles) settle(disconnected(message));
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of [...this.connectionListeners]) listener(state);
  }
}
