import { useState } from 'react';
import type { MemberHitView } from '../../../main/api/contract.ts';
import type { LiveTillClient } from '../../client/live-till-client.ts';
import { type KioskTextKey, kioskErrorText, kioskText } from './kiosk-text.ts';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/** 01012345678 -> 010-1234-5678 while the customer types it (their own number, on their screen only while typing). */
const grouped = (d: string): string => [d.slice(0, 3), d.slice(3, d.length > 10 ? 7 : 6), d.slice(d.length > 10 ? 7 : 6)].filter(Boolean).join('-');

/**
 * Membership by phone number on a big keypad. The host finds members at a kiosk only by the whole
 * number (or the app QR); several matches are told apart by masked name; only masked data stays on screen.
 */
export function KioskMember({ client, lang, onClose }: { client: LiveTillClient; lang: string; onClose: () => void }) {
  const [digits, setDigits] = useState('');
  const [hits, setHits] = useState<MemberHitView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const tk = (key: KioskTextKey) => kioskText(lang, key);
  const attach = async (memberId: string) => {
    const r = await client.invoke('member.attach', { memberId });
    if (!r.ok) return setProblem(kioskErrorText(lang, r.error.code));
    onClose();
  };
  const find = async () => {
    setProblem(null);
    const r = await client.invoke('member.lookup', { query: digits });
    if (!r.ok) return setProblem(kioskErrorText(lang, r.error.code));
    if (r.value.length === 0) return setProblem(tk('kiosk.memberNotFound'));
    const [only] = r.value;
    if (r.value.length === 1 && only) return attach(only.id);
    setHits(r.value);
  };
  return (
    <div className="kiosk-overlay">
      <section role="dialog" aria-modal="true" aria-label={tk('kiosk.memberTitle')} className="kiosk-dialog" data-wedge="off">
        <h2>{tk('kiosk.memberTitle')}</h2>
        {hits ? (
          <ul aria-label={tk('kiosk.memberChoose')} className="kiosk-choices">
            {hits.map((h) => (
              <li key={h.id}>
                <button type="button" onClick={() => void attach(h.id)}>
                  {h.maskedName} ({h.maskedPhone})
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <>
            <output aria-label={tk('kiosk.memberPhone')} className="kiosk-total">
              {digits ? grouped(digits) : '010-'}
            </output>
            <div className="kiosk-keypad" role="group" aria-label={tk('kiosk.memberPhone')}>
              {DIGITS.map((d) => (
                <button key={d} type="button" onClick={() => setDigits((v) => (v.length < 11 ? v + d : v))}>
                  {d}
                </button>
              ))}
              <button type="button" aria-label={tk('kiosk.memberBackspace')} onClick={() => setDigits((v) => v.slice(0, -1))}>
                ⌫
              </button>
              <button type="button" onClick={() => setDigits('')}>
                {tk('kiosk.memberClear')}
              </button>
            </div>
            <button type="button" className="kiosk-primary" disabled={digits.length < 10} onClick={() => void find()}>
              {tk('kiosk.memberFind')}
            </button>
          </>
        )}
        {problem ? <p role="alert">{problem}</p> : null}
        <button type="button" onClick={onClose}>
          {tk('kiosk.cancel')}
        </button>
      </section>
    </div>
  );
}
