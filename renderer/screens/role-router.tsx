import { Suspense, lazy, useEffect, useState } from 'react';
import type { TillStatusView } from '../../main/api/contract.ts';
import type { LiveTillClient } from '../client/live-till-client.ts';
import { App } from './app.tsx';

// Customers' screens load apart from the lane: the camera decoder and QR encoder stay out of a lane's bundle.
const KioskScreen = lazy(() => import('./kiosk/kiosk-screen.tsx').then((m) => ({ default: m.KioskScreen })));
const PriceCheckerScreen = lazy(() => import('./price-checker/price-checker-screen.tsx').then((m) => ({ default: m.PriceCheckerScreen })));

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
  if (role === 'kiosk' || role === 'price-checker') {
    return <Suspense fallback={null}>{role === 'kiosk' ? <KioskScreen client={client} /> : <PriceCheckerScreen client={client} />}</Suspense>;
  }
  return <App client={client} />;
}
