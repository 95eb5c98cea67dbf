import { useCallback, useEffect, useState } from 'react';
import type { ApiError, MethodInput, MethodName, MethodOutput, Reply } from '../../../main/api/contract.ts';
import type { KioskView } from '../../../main/api/kiosk-contract.ts';
import type { LiveTillClient } from '../../client/live-till-client.ts';

export interface Kiosk {
  readonly view: KioskView | null;
  /** The last refusal of a kiosk call (a wrong PIN, a scan that did not ring), for the screen to say. */
  readonly error: ApiError | null;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply<MethodOutput<M>>>;
  clearError(): void;
}

/** The kiosk session as the host keeps it: loaded on every connect, followed by kiosk.session events. */
export function useKiosk(client: LiveTillClient): Kiosk {
  const [view, setView] = useState<KioskView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(async () => {
    const r = await client.invoke('kiosk.status', {});
    if (r.ok) setView(r.value);
  }, [client]);
  useEffect(() => {
    const offs = [
      client.on('kiosk.session', (v) => setView(v)),
      client.onConnection((state) => {
        if (state === 'connected') void load();
      }),
    ];
    void load();
    return () => offs.forEach((off) => off());
  }, [client, load]);
  const call = useCallback(
    async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply<MethodOutput<M>>> => {
      const r = await client.invoke(method, input);
      if (!r.ok) setError(r.error);
      else setError(null);
      return r;
    },
    [client],
  );
  return { view, error, call, clearError: useCallback(() => setError(null), []) };
}
