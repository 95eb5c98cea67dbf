import { useState } from 'react';
import type { LiveTillClient } from '../../client/live-till-client.ts';
import { type KioskTextKey, kioskErrorText, kioskText } from './kiosk-text.ts';

/** A small staff button: a supervisor's or manager's PIN leaves kiosk mode (Electron closes the locked window). */
export function KioskStaffExit({ lang, client }: { lang: string; client: LiveTillClient }) {
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [exited, setExited] = useState(false);
  const tk = (key: KioskTextKey) => kioskText(lang, key);
  const leave = async () => {
    const r = await client.invoke('kiosk.exit', { pin });
    setPin('');
    if (!r.ok) return setError(r.error.code);
    setExited(true);
    // In Electron's kiosk window this closes the app; a browser tab may refuse, and says so below.
    window.close();
  };
  if (exited) return <p role="status" className="kiosk-exited">{tk('kiosk.exited')}</p>;
  return (
    <>
      <button type="button" className="kiosk-staff-button" onClick={() => setOpen(true)}>
        {tk('kiosk.staffExit')}
      </button>
      {open ? (
        <div className="kiosk-overlay">
          <section role="dialog" aria-modal="true" aria-label={tk('kiosk.exitTitle')} className="kiosk-dialog" data-wedge="off">
            <h2>{tk('kiosk.exitTitle')}</h2>
            <label className="kiosk-pin">
              {tk('kiosk.staffPin')}
              <input type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
            </label>
            {error ? <p role="alert">{kioskErrorText(lang, error)}</p> : null}
            <div className="kiosk-choices">
              <button type="button" disabled={pin.length < 4} onClick={() => void leave()}>
                {tk('kiosk.exit')}
              </button>
              <button type="button" onClick={() => { setOpen(false); setPin(''); setError(null); }}>
                {tk('kiosk.cancel')}
              </button>
            </div>
          </section>
        </div>
      ) : null}
    </>
  );
}
