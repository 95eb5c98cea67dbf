import type { TillClient } from '../../main/api/till-client.ts';

/**
 * 'connecting' before the first connection, 'reconnecting' after losing one. Events sent while
 * not connected are lost, so the UI reloads `till.status` on every 'connected'.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

/** A TillClient whose transport state the UI can show. */
export interface LiveTillClient extends TillClient {
  readonly connection: ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}
