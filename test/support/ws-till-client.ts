import WebSocket from 'ws';
import type { EventName, MethodInput, MethodName, MethodOutput, Reply } from '../../main/api/contract.ts';
import type { ServerMessage } from '../../main/api/till-client.ts';

/** A TillClient for Node tests: the same wire protocol the renderer speaks. */
export class NodeTillClient {
  private nextId = 1;
  private readonly pending = new Map<number, (r: Reply<unknown>) => void>();
  readonly events: { event: string; payload: unknown }[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as ServerMessage;
      if (msg.kind === 'reply') {
        this.pending.get(msg.id)?.(msg.reply);
        this.pending.delete(msg.id);
      } else this.events.push({ event: msg.event, payload: msg.payload });
    });
  }

  static async connect(url: string): Promise<NodeTillClient> {
    const u = new URL(url);
    const ws = new WebSocket(`ws://${u.host}/ws`, { origin: `http://${u.host}` });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new NodeTillClient(ws);
  }

  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply<MethodOutput<M>>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (r: Reply<unknown>) => void);
      this.ws.send(JSON.stringify({ id, method, input }));
    });
  }

  /** Invokes and unwraps, failing the test with the host's message on an error reply. */
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const r = await this.invoke(method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
    return r.value;
  }

  eventsOf(name: EventName): unknown[] {
    return this.events.filter((e) => e.event === name).map((e) => e.payload);
  }

  close(): void {
    this.ws.close();
  }
}
