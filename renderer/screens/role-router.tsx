import { useEffect, useState } from 'react';
import type { TillStatusView } from '../../main/api/contract.ts';
import type { LiveTillClient } from '../client/live-till-client.ts';
import { App } from './app.tsx';
import { KioskScreen } from './kiosk/kiosk-screen.tsx';
import { PriceCheckerScreen } from './price-checker/price-checker-screen.tsx';

/**
 * Opens the screens of the till's configured role: a self-checkout kiosk and a price checker are
 * customers' screens with no staff sign-in; the lane (and what staff reach from it) is the App.
 */
export function RoleRouter({ client }: { client: LiveTillClient }) {
  const [role, setRole] = useState<TillStatusView['role'] | null>(null);
  useEffect(() => {
    void client.invoke('till.status', {}).then((r) => setRole(r.ok ? r.value.role : 'lane'));
  }, [client]);
  if (role === null) return null;
  if (role === 'kiosk') return <KioskScreen client={client} />;
  if (role === 'price-checker') return <PriceCheckerScreen client={client} />;
  return <App client={client} />;
}
