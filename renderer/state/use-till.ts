import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ApiError, MethodInput, MethodName, MethodOutput, Reply, StaffView } from '../../main/api/contract.ts';
import type { ConnectionState, LiveTillClient } from '../client/live-till-client.ts';
import { initialTillState, tillReducer, type TillState } from './till-state.ts';

export interface TillActions {
  reload(): Promise<void>;
  signIn(pin: string): Promise<Reply<StaffView>>;
  signOut(): Promise<void>;
  /** Queued: scans reach the host one at a time, in order, never dropped. */
  scan(code: string, source: 'wedge' | 'manual'): void;
  voidLine(lineId: string): Promise<void>;
  /** Resolves true when the sale completed or the tender was taken. */
  payCash(received: number): Promise<boolean>;
  /** `instalmentMonths`: 할부 as the cardholder chose it (undefined: nothing was asked). */
  payCard(instalmentMonths?: number): Promise<boolean>;
  dismissCompleted(): void;
  clearNotice(): void;
}

export interface Till {
  readonly state: TillState;
  readonly connection: ConnectionState;
  readonly actions: TillActions;
}

/** Holds the till's state for the screens: loads the status on every connect, follows events. */
export function useTill(client: LiveTillClient): Till {
  const [state, dispatch] = useReducer(tillReducer, initialTillState);
  const [connection, setConnection] = useState<ConnectionState>(client.connection);
  const scanQueue = useRef<Promise<void>>(Promise.resolve());

  const reload = useCallback(async () => {
    const reply = await client.invoke('till.status', {});
    if (reply.ok) dispatch({ type: 'status', status: reply.value });
    else dispatch({ type: 'loadFailed', error: reply.error });
  }, [client]);

  /** Every call goes through here: a not_signed_in answer means the session ended on the host. */
  const call = useCallback(
    async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply<MethodOutput<M>>> => {
      const reply = await client.invoke(method, input);
      if (!reply.ok && reply.error.code === 'not_signed_in') void reload();
      return reply;
    },
    [client, reload],
  );

  useEffect(() => {
    const offs = [
      client.onConnection((next) => {
        setConnection(next);
        // Events may have been missed while away: the status is the truth.
        if (next === 'connected') void reload();
      }),
      client.on('sale', (sale) => dispatch({ type: 'sale', sale })),
      client.on('saleCompleted', (completed) => dispatch({ type: 'completed', completed })),
      client.on('scanRejected', ({ code, reason, message }) =>
        dispatch({ type: 'notice', notice: { kind: 'scan', code, error: { code: reason, message } } }),
      ),
      client.on('devices', (devices) => dispatch({ type: 'devices', devices })),
      client.on('sync', (sync) => dispatch({ type: 'sync', sync })),
    ];
    setConnection(client.connection);
    // The WebSocket client holds requests until it connects, so this also works while connecting.
    void reload();
    return () => offs.forEach((off) => off());
  }, [client, reload]);

  const actions = useMemo<TillActions>(() => {
    const fail = (kind: 'payment' | 'action', error: ApiError) => dispatch({ type: 'notice', notice: { kind, error } });
    const pay = async (reply: Reply<MethodOutput<'sale.payCash'>>): Promise<boolean> => {
      if (!reply.ok) {
        fail('payment', reply.error);
        return false;
      }
      dispatch({ type: 'notice', notice: null });
      if (reply.value.completed) dispatch({ type: 'completed', completed: reply.value.completed });
      dispatch({ type: 'sale', sale: reply.value.sale });
      return true;
    };
    return {
      reload,
      async signIn(pin) {
        const reply = await client.invoke('session.signIn', { pin });
        if (reply.ok) {
          dispatch({ type: 'staff', staff: reply.value });
          void reload();
        }
        return reply;
      },
      async signOut() {
        const reply = await call('session.signOut', {});
        if (reply.ok) dispatch({ type: 'staff', staff: null });
        else fail('action', reply.error);
      },
      scan(code, source) {
        dispatch({ type: 'dismissCompleted' });
        scanQueue.current = scanQueue.current.then(async () => {
          const reply = await call('sale.scan', { code, source });
          if (reply.ok) {
            dispatch({ type: 'sale', sale: reply.value });
            dispatch({ type: 'notice', notice: null });
          } else {
            dispatch({ type: 'notice', notice: { kind: 'scan', code, error: reply.error } });
          }
        });
      },
      async voidLine(lineId) {
        const reply = await call('sale.voidLine', { lineId });
        if (reply.ok) dispatch({ type: 'sale', sale: reply.value });
        else fail('action', reply.error);
      },
      async payCash(received) {
        return pay(await call('sale.payCash', { received }));
      },
      async payCard(instalmentMonths) {
        return pay(await call('sale.payCard', instalmentMonths === undefined ? {} : { instalmentMonths }));
      },
      dismissCompleted: () => dispatch({ type: 'dismissCompleted' }),
      clearNotice: () => dispatch({ type: 'notice', notice: null }),
    };
  }, [client, call, reload]);

  return { state, connection, actions };
}
