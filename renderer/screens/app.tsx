import { useEffect, useEffectEvent, useState } from 'react';
import type { LiveTillClient } from '../client/live-till-client.ts';
import { TillHeader } from '../components/till-header.tsx';
import { KeyButton } from '../components/key-button.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { listenKeyboardWedge } from '../scanner/keyboard-wedge.ts';
import { wedgeOptionsOf, type WedgeSettings } from '../scanner/wedge-settings.ts';
import { useTill } from '../state/use-till.ts';
import { LaneScreen } from './lane/lane-screen.tsx';
import { ShiftScreen } from './shift/shift-screen.tsx';
import { JournalScreen } from './journal/journal-screen.tsx';
import { SyncScreen } from './backoffice/sync-screen.tsx';
import { DevicesScreen, isDevicesKey } from './backoffice/devices-screen.tsx';
import { UnsyncedDialog } from './shift/unsynced-dialog.tsx';
import { QuitRequestDialog } from './shift/quit-request-dialog.tsx';
import type { ApiError } from '../../main/api/contract.ts';
import { SignInScreen } from './sign-in/sign-in-screen.tsx';
import { StaffCallBanner } from './kiosk/staff-call-banner.tsx';
import { PickupScreen } from './pickup/pickup-screen.tsx';
import { usePickupWaiting } from './pickup/use-pickup-waiting.ts';

/**
 * Routes by session: nobody signed in -> sign-in; signed in -> the lane (the till's role from
 * configuration picks kiosk or pickup later). The wedge scanner listens here, for every screen.
 */
export function App({ client }: { client: LiveTillClient }) {
  const { t, error, setTimeZone } = useI18n();
  const { state, connection, actions } = useTill(client);
  const [scannedSignedOut, setScannedSignedOut] = useState<string | null>(null);

  const onScan = useEffectEvent((code: string) => {
    // At the pickup desk a scan is an order QR or an item being picked, never a basket line.
    if (state.staff && route === 'pickup') void client.invoke('pickup.scan', { code, source: 'wedge' });
    // On the devices screen a scan is a test of the scanner: shown there, never rung.
    else if (state.staff && route === 'devices') setWedgeScan({ code, at: Date.now() });
    else if (state.staff) actions.scan(code, 'wedge');
    else setScannedSignedOut(code);
  });
  // The wedge's timing is the till's configuration (scanners differ); it listens with defaults until told.
  const [wedge, setWedge] = useState<WedgeSettings | null>(null);
  useEffect(() => {
    void client.invoke('till.status', {}).then((r) => {
      if (!r.ok) return;
      setWedge(r.value.wedge);
      if (r.value.role === 'pickup') setRoute('pickup');
      // A page reloaded on the pickup screen left the desk holding the till's scanner: the lane takes it back.
      else void client.invoke('pickup.attach', { active: false });
      setTimeZone(r.value.store.timeZone);
    });
  }, [client, setTimeZone]);
  useEffect(() => listenKeyboardWedge((code) => onScan(code), wedgeOptionsOf(wedge ?? {})), [wedge]);

  // Signing out with sales not yet synced warns and asks a supervisor (the host checks it too).
  const [askSignOut, setAskSignOut] = useState(false);
  const [signOutFailure, setSignOutFailure] = useState<ApiError | null>(null);
  const unsynced = state.sync?.queued ?? 0;
  const signOut = async () => {
    if (unsynced > 0) {
      setSignOutFailure(null);
      setAskSignOut(true);
      return;
    }
    await actions.signOut();
  };
  const signOutApproved = async (supervisorPin: string) => {
    const reply = await client.invoke('session.signOut', { supervisorPin });
    if (!reply.ok) return setSignOutFailure(reply.error);
    setAskSignOut(false);
    await actions.reload();
  };
  const laneActions = { ...actions, signOut };

  // Screens besides the lane, each a key away from it (the lane's own keys live in lane-keys.ts).
  const [route, setRoute] = useState<'lane' | 'shift' | 'journal' | 'sync' | 'pickup' | 'devices'>('lane');
  const [wedgeScan, setWedgeScan] = useState<{ code: string; at: number } | null>(null);
  const pickupWaiting = usePickupWaiting(client, Boolean(state.staff));
  const onRouteKey = useEffectEvent((event: KeyboardEvent) => {
    // Alt+K: the devices screen (read from the physical key, so it works in Hangul mode too).
    if (isDevicesKey(event) && route === 'lane' && state.staff && !event.defaultPrevented) {
      event.preventDefault();
      setWedgeScan(null);
      setRoute('devices');
      return;
    }
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || !state.staff) return;
    // F12 switches between the lane and the pickup desk.
    if (event.key === 'F12' && (route === 'lane' || route === 'pickup')) {
      event.preventDefault();
      setRoute(route === 'lane' ? 'pickup' : 'lane');
      return;
    }
    if (route !== 'lane') return;
    const next = event.key === 'F6' ? 'shift' : event.key === 'F7' ? 'journal' : event.key === 'F11' ? 'sync' : null;
    if (next) {
      event.preventDefault();
      setRoute(next);
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onRouteKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  useEffect(() => {
    if (state.staff) setScannedSignedOut(null);
  }, [state.staff]);

  return (
    <div className="app">
      <TillHeader store={state.store} staff={state.staff} devices={state.devices} sync={state.sync} onSignOut={() => void signOut()} />
      {askSignOut ? (
        <UnsyncedDialog count={unsynced} action="signOut" failure={signOutFailure} onConfirm={(pin) => void signOutApproved(pin)} onCancel={() => setAskSignOut(false)} />
      ) : null}
      <QuitRequestDialog client={client} />
      {/* Self-checkout kiosks calling for staff (kiosk issue #7). */}
      <StaffCallBanner client={client} />
      {connection === 'reconnecting' ? (
        <p className="connection-banner" aria-live="polite">
          {t('app.reconnecting')}
        </p>
      ) : null}
      {state.phase === 'ready' && state.staff && route === 'lane' ? (
        <nav className="screen-keys" aria-label={t('nav.screens')}>
          <KeyButton shortcut="F6" onClick={() => setRoute('shift')}>
            {t('actions.shift')}
          </KeyButton>
          <KeyButton shortcut="F7" onClick={() => setRoute('journal')}>
            {t('actions.journal')}
          </KeyButton>
          <KeyButton shortcut="F11" onClick={() => setRoute('sync')}>
            {t('actions.sync')}
          </KeyButton>
          <KeyButton shortcut="Alt+K" onClick={() => setRoute('devices')}>
            {t('actions.devices')}
          </KeyButton>
          <KeyButton shortcut="F12" onClick={() => setRoute('pickup')}>
            {pickupWaiting > 0 ? t('actions.pickupWaiting', { count: pickupWaiting }) : t('actions.pickup')}
          </KeyButton>
        </nav>
      ) : null}
      {state.phase === 'loading' ? (
        <main className="centered">
          <p aria-live="polite">{t('app.connecting')}</p>
        </main>
      ) : state.phase === 'failed' ? (
        <main className="centered">
          <p role="alert" className="alert">
            {t('app.loadFailed', { detail: state.loadError ? error(state.loadError) : '' })}
          </p>
          <button type="button" onClick={() => void actions.reload()}>
            {t('app.retry')}
          </button>
        </main>
      ) : state.staff && route === 'shift' ? (
        <ShiftScreen client={client} onClose={() => setRoute('lane')} />
      ) : state.staff && route === 'journal' ? (
        <JournalScreen client={client} onClose={() => setRoute('lane')} />
      ) : state.staff && route === 'pickup' ? (
        <PickupScreen client={client} connected={connection === 'connected'} onClose={() => setRoute('lane')} />
      ) : state.staff && route === 'devices' ? (
        <DevicesScreen client={client} devices={state.devices} staff={state.staff} wedgeScan={wedgeScan} onClose={() => setRoute('lane')} />
      ) : state.staff && route === 'sync' ? (
        <SyncScreen client={client} sync={state.sync} staff={state.staff} onClose={() => setRoute('lane')} />
      ) : state.staff ? (
        <LaneScreen state={state} actions={laneActions} client={client} />
      ) : (
        <SignInScreen onSignIn={actions.signIn} scannedCode={scannedSignedOut} />
      )}
    </div>
  );
}
