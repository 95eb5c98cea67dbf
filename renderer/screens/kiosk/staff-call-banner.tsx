import './kiosk.css';
import { useEffect, useState } from 'react';
import type { StaffCallsView } from '../../../main/api/kiosk-contract.ts';
import type { LiveTillClient } from '../../client/live-till-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { type KioskTextKey, kioskText } from './kiosk-text.ts';

/** On a staff till: which self-checkout kiosks are calling, and for what. Nothing when none is. */
export function StaffCallBanner({ client }: { client: LiveTillClient }) {
  const { lang } = useI18n();
  const [calls, setCalls] = useState<StaffCallsView['calls']>([]);
  useEffect(() => {
    const off = client.on('kiosk.staffCalls', (v) => setCalls(v.calls));
    void client.invoke('kiosk.staffCalls', {}).then((r) => {
      if (r.ok) setCalls(r.value.calls);
    });
    return off;
  }, [client]);
  if (calls.length === 0) return null;
  return (
    <section className="staff-call-banner" role="alert" aria-label={kioskText(lang, 'staffCalls.label')}>
      <ul>
        {calls.map((c) => (
          <li key={c.id}>
            🔔{' '}
            {kioskText(lang, 'staffCalls.one', {
              till: c.tillNumber,
              reason: kioskText(lang, `kiosk.reason.${c.reason}` as KioskTextKey),
              minutes: Math.max(0, Math.floor((Date.now() - Date.parse(c.raisedAt)) / 60_000)),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
