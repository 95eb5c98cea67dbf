import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, Reply } from '../../main/api/contract.ts';
import type { TillBridge } from '../till-bridge.d.ts';
import type { ConnectionState, LiveTillClient } from './live-till-client.ts';

/** The Electron TillClient: a typed face on the preload bridge. The MessagePort never drops. */
export class PreloadTillClient implements LiveTillClient {
  readonly connection: ConnectionState = 'connected';

  constructor(private readonly bridge: TillBridge) {}

  onConnection(): () => void {
    return () => {};
  }

  async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply<MethodOutput<M>>> {
    try {
      // The host validated the output against the contract before it crossed the bridge.
      return (await this.bridge.invoke(method, input)) as Reply<MethodOutput<M>>;
    } catch (error) {
      return { ok: false, error: { code: 'disconnected', message: error instanceof Error ? error.message : String(error) } };
    }
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.bridge.on(event, (payload) => listener(payload as EventPayload<E>));
  }
}
