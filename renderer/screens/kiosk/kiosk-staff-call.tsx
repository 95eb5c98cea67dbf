import { useState } from 'react';
import type { KioskView } from '../../../main/api/kiosk-contract.ts';
import type { SaleView } from '../../../main/api/contract.ts';
import { type KioskTextKey, kioskErrorText, kioskText } from './kiosk-text.ts';
import { nameIn } from './kiosk-basket.tsx';

type Call = KioskView['interventions'][number];

/**
 * While staff are called: the customer reads that someone is coming (and the staff light shows);
 * the staff member answers each call with their PIN on the same screen.
 */
export function KioskStaffCall({ calls, sale, pickup, lang, error, onAnswer }: {
  calls: readonly Call[];
  pickup: KioskView['pickup'];
  sale: SaleView | null;
  lang: string;
  error: string | null;
  onAnswer: (interventionId: string, pin: string, approved: boolean) => Promise<boolean>;
}) {
  const [pin, setPin] = useState('');
  const tk = (key: KioskTextKey, params?: Record<string, string | number>) => kioskText(lang, key, params);
  const lineName = (lineId: string | null) => {
    const line = sale?.lines.find((l) => l.lineId === lineId);
    return line ? nameIn(line.name, lang) : null;
  };
  const answer = async (id: string, approved: boolean) => {
    if (await onAnswer(id, pin, approved)) setPin('');
  };
  const labels = (c: Call): [KioskTextKey, KioskTextKey] =>
    c.reason === 'age' ? ['kiosk.approve.age', 'kiosk.refuse.age'] : c.reason === 'pickup' ? ['kiosk.approve.pickup', 'kiosk.refuse.pickup'] : c.reason === 'removal' ? ['kiosk.approve.removal', 'kiosk.refuse.removal'] : ['kiosk.approve.other', 'kiosk.refuse.other'];
  return (
    <div className="kiosk-overlay">
      <section role="alertdialog" aria-modal="true" aria-label={tk('kiosk.staffComing')} className="kiosk-dialog kiosk-staff-call">
        <p className="kiosk-staff-light" role="status">
          <span aria-hidden="true">🔔 </span>
          {tk('kiosk.staffLight')}
        </p>
        <h2>{tk('kiosk.staffComing')}</h2>
        {pickup ? (
          <p className="kiosk-total">
            {tk(pickup.ready ? 'kiosk.pickupComing' : 'kiosk.pickupNotReady', { number: pickup.number, count: pickup.itemCount, place: pickup.waitAt[lang] ?? pickup.waitAt['ko'] ?? '' })}
          </p>
        ) : null}
        <ul aria-label={tk('kiosk.staffLight')}>
          {calls.map((c) => (
            <li key={c.id}>
              <span>
                {tk(`kiosk.reason.${c.reason}`)}
                {lineName(c.lineId) ? `: ${lineName(c.lineId)}` : ''}
              </span>
              <span className="kiosk-call-actions">
                <button type="button" disabled={pin.length < 4} onClick={() => void answer(c.id, true)}>
                  {tk(labels(c)[0])}
                </button>
                <button type="button" disabled={pin.length < 4} onClick={() => void answer(c.id, false)}>
                  {tk(labels(c)[1])}
                </button>
              </span>
            </li>
          ))}
        </ul>
        <label className="kiosk-pin">
          {tk('kiosk.staffPin')}
          <input type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pin} data-wedge="off" onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
        </label>
        {error ? (
          <p role="alert" className="alert">
            {kioskErrorText(lang, error)}
          </p>
        ) : null}
      </section>
    </div>
  );
}
