import { useEffect, useState } from 'react';
import type { TillClient } from '../../../main/api/till-client.ts';

/** How many pickup orders wait to be picked, kept current from the desk's events (shown on the lane's F12 key). */
export function usePickupWaiting(client: TillClient, signedIn: boolean): number {
  const [waiting, setWaiting] = useState(0);
  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    const load = () =>
      void client.invoke('pickup.list', {}).then((r) => {
        if (live && r.ok) setWaiting(r.value.counts.to_pick);
      });
    load();
    const off = client.on('pickup.ordersChanged', load);
    return () => {
      live = false;
      off();
    };
  }, [client, signedIn]);
  return waiting;
}
