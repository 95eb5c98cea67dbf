import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { LiveTillClient } from '../../client/live-till-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { langs, type Lang } from '../../i18n/translate.ts';
import { listenKeyboardWedge } from '../../scanner/keyboard-wedge.ts';
import { wedgeOptionsOf, type WedgeSettings } from '../../scanner/wedge-settings.ts';
import { useTill } from '../../state/use-till.ts';
import { CameraScanner } from '../../camera/camera-scanner.tsx';
import { beep, unlockAudio } from './beep.ts';
import { KioskBasket } from './kiosk-basket.tsx';
import { KioskMember } from './kiosk-member.tsx';
import { KioskLooseItems } from './kiosk-loose-items.tsx';
import { KioskReceipt } from './kiosk-receipt.tsx';
import { KioskStaffCall } from './kiosk-staff-call.tsx';
import { KioskStaffExit } from './kiosk-staff-exit.tsx';
import { type KioskTextKey, LANGUAGE_NAMES, kioskErrorText, kioskText } from './kiosk-text.ts';
import { useKiosk } from './use-kiosk.ts';
import './kiosk.css';

const TOUCH_EVERY_MS = 2000;

/**
 * The self-checkout kiosk: attract -> basket -> card -> receipt, as the host's kiosk session says.
 * Touch first with big targets; the scanner (device, wedge or camera) is live on every step.
 */
export function KioskScreen({ client }: { client: LiveTillClient }) {
  const { state } = useTill(client);
  const kiosk = useKiosk(client);
  const { money, setLang } = useI18n();
  const view = kiosk.view;
  const lang = view?.language ?? 'ko';
  const tk = (key: KioskTextKey, params?: Record<string, string | number>) => kioskText(lang, key, params);
  const [highContrast, setHighContrast] = useState(false);
  const [largeText, setLargeText] = useState(false);
  const [camera, setCamera] = useState(false);
  const [memberOpen, setMemberOpen] = useState(false);
  const [looseOpen, setLooseOpen] = useState(false);
  const [scanProblem, setScanProblem] = useState<string | null>(null);

  // Money and dates follow the customer's language.
  useEffect(() => {
    if ((langs as readonly string[]).includes(lang)) setLang(lang as Lang);
  }, [lang, setLang]);

  // A new customer starts with the default display and the camera off: nothing of the last one stays.
  const phase = view?.phase ?? 'attract';
  useEffect(() => {
    if (phase === 'attract') {
      setHighContrast(false);
      setLargeText(false);
      setCamera(false);
      setMemberOpen(false);
      setLooseOpen(false);
      setScanProblem(null);
      kiosk.clearError();
    }
  }, [phase, kiosk.clearError]);

  const scan = async (code: string, source: 'camera' | 'wedge' | 'manual') => {
    const r = await kiosk.call('kiosk.scan', { code, source });
    if (!r.ok) {
      beep('error');
      setScanProblem(kioskErrorText(lang, r.error.code));
    } else setScanProblem(null);
  };
  const onWedge = useEffectEvent((code: string) => void scan(code, 'wedge'));
  const [wedge, setWedge] = useState<WedgeSettings | null>(null);
  useEffect(() => {
    void client.invoke('till.status', {}).then((r) => {
      if (r.ok) setWedge(r.value.wedge);
    });
  }, [client]);
  useEffect(() => listenKeyboardWedge((code) => onWedge(code), wedgeOptionsOf(wedge ?? {})), [wedge]);

  // A beep for every item that rang, whichever scanner it came from.
  const items = state.sale?.totals.itemCount ?? 0;
  const lastItems = useRef(items);
  // Screen readers hear what was added (the last live line), as sighted customers see it appear.
  const [announce, setAnnounce] = useState('');
  useEffect(() => {
    if (items > lastItems.current) {
      beep('ok');
      const last = state.sale?.lines.filter((l) => !l.voided).at(-1);
      if (last) setAnnounce(tk('kiosk.added', { name: last.name[lang] ?? last.name['ko'] ?? '', total: money(state.sale?.totals.total ?? 0, state.sale?.currency ?? 'KRW') }));
    }
    lastItems.current = items;
    // Only a change of the item count announces; the texts it reads are current at that moment.
  }, [items]);
  // Nothing of a customer stays for the next one, not even in what a screen reader would read.
  useEffect(() => {
    if (phase === 'attract') setAnnounce('');
  }, [phase]);
  // A device scan the host refused (unknown product) is said too.
  const notice = state.notice;
  useEffect(() => {
    if (notice?.kind === 'scan') {
      beep('error');
      setScanProblem(kioskErrorText(lang, notice.error.code));
    }
  }, [notice, lang]);

  const lastTouch = useRef(0);
  const onPointer = () => {
    unlockAudio();
    const now = Date.now();
    if (now - lastTouch.current > TOUCH_EVERY_MS) {
      lastTouch.current = now;
      void client.invoke('kiosk.touch', {});
    }
  };

  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!view?.idleWarning) return;
    const t = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(t);
  }, [view?.idleWarning]);

  if (!view) {
    return (
      <main className="kiosk centered">
        <p aria-live="polite">{tk('kiosk.title')}</p>
      </main>
    );
  }

  const sale = state.sale;
  const currency = sale?.currency ?? view.completed?.currency ?? 'KRW';
  const calls = view.interventions;
  const accessibility = (
    <div className="kiosk-access" role="group" aria-label={tk('kiosk.access')}>
      <button type="button" aria-pressed={highContrast} onClick={() => setHighContrast((v) => !v)}>
        ◐ {tk('kiosk.highContrast')}
      </button>
      <button type="button" aria-pressed={largeText} onClick={() => setLargeText((v) => !v)}>
        A+ {tk('kiosk.largeText')}
      </button>
    </div>
  );
  const languages = (
    <div className="kiosk-languages" role="group" aria-label={tk('kiosk.languages')}>
      {view.languages.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => void kiosk.call('kiosk.start', { language: l })}>
          {LANGUAGE_NAMES[l] ?? l}
        </button>
      ))}
    </div>
  );

  return (
    <div className={`kiosk${highContrast ? ' high-contrast' : ''}${largeText ? ' large-text' : ''}`} lang={lang} onPointerDown={onPointer}>
      <header className="kiosk-header">
        <h1>{tk('kiosk.title')}</h1>
        {phase !== 'attract' ? languages : null}
        {accessibility}
        {phase !== 'attract' ? (
          <button type="button" className="kiosk-help" onClick={() => void kiosk.call('kiosk.callStaff', { reason: 'help' })}>
            🔔 {tk('kiosk.help')}
          </button>
        ) : null}
      </header>

      {phase === 'attract' ? (
        <main className="kiosk-attract" aria-label={tk('kiosk.welcome')}>
          <h2>{tk('kiosk.welcome')}</h2>
          <p>{tk('kiosk.attractHint')}</p>
          {scanProblem ? (
            <p role="alert" className="alert">
              {tk('kiosk.scanFailed', { detail: scanProblem })}
            </p>
          ) : null}
          {languages}
          <button type="button" className="kiosk-primary" onClick={() => void kiosk.call('kiosk.start', { language: lang })}>
            {tk('kiosk.start')}
          </button>
        </main>
      ) : phase === 'scanning' ? (
        <main className="kiosk-main">
          <KioskBasket sale={sale} lang={lang} onRemove={(lineId) => void kiosk.call('kiosk.remove', { lineId })} />
          <aside className="kiosk-side">
            <section className="kiosk-totals" aria-label={tk('kiosk.total')}>
              <p>{tk('kiosk.itemCount', { count: sale?.totals.itemCount ?? 0 })}</p>
              {sale && sale.totals.discount > 0 ? (
                <p>
                  {tk('kiosk.savings')}: <span aria-label={tk('kiosk.savings')}>{money(sale.totals.discount, currency)}</span>
                </p>
              ) : null}
              {sale?.savings.map((s, i) => (
                <p key={i} className="kiosk-saving">
                  {s.label[lang] ?? s.label['ko']} −{money(s.amount, currency)}
                </p>
              ))}
              <p className="kiosk-total">
                {tk('kiosk.total')} <strong aria-label={tk('kiosk.total')}>{money(sale?.totals.total ?? 0, currency)}</strong>
              </p>
              {sale?.member ? (
                <p className="kiosk-member-on" role="status">
                  ★ {tk('kiosk.memberOn', { name: sale.member.maskedName, phone: sale.member.maskedPhone, tier: sale.member.tier, points: sale.member.pointsAvailable })}
                </p>
              ) : null}
            </section>
            {scanProblem ? (
              <p role="alert" className="alert">
                {tk('kiosk.scanFailed', { detail: scanProblem })}
              </p>
            ) : null}
            <button type="button" className="kiosk-primary" disabled={!sale || sale.payment.due <= 0 || calls.length > 0} onClick={() => void kiosk.call('kiosk.pay', {})}>
              💳 {tk('kiosk.payCard')}
            </button>
            {calls.length > 0 ? <p>{tk('kiosk.payHintStaff')}</p> : null}
            {!sale?.member ? (
              <button type="button" onClick={() => setMemberOpen(true)}>
                ★ {tk('kiosk.member')}
              </button>
            ) : null}
            {memberOpen ? <KioskMember client={client} lang={lang} onClose={() => setMemberOpen(false)} /> : null}
            <button type="button" onClick={() => setLooseOpen(true)}>
              🥬 {tk('kiosk.loose')}
            </button>
            {looseOpen ? <KioskLooseItems client={client} lang={lang} onClose={() => setLooseOpen(false)} /> : null}
            <button type="button" aria-pressed={camera} onClick={() => setCamera((v) => !v)}>
              📷 {camera ? tk('kiosk.cameraOff') : tk('kiosk.camera')}
            </button>
            {camera ? (
              <CameraScanner
                onScan={(code) => void scan(code, 'camera')}
                holdText={tk('kiosk.cameraHold')}
                previewLabel={tk('kiosk.cameraPreview')}
                unavailableText={(detail) => tk('kiosk.cameraUnavailable', { detail })}
              />
            ) : null}
          </aside>
        </main>
      ) : phase === 'paying' ? (
        <main className="kiosk-paying">
          <h2>{tk('kiosk.paying')}</h2>
          <p className="kiosk-total">{tk('kiosk.amountDue', { amount: money(sale?.payment.due ?? 0, currency) })}</p>
          {view.payment === 'in_flight' ? (
            <p role="status" className="kiosk-instructions">
              <span aria-hidden="true">💳 ⬇ </span>
              {tk('kiosk.cardInstructions')}
            </p>
          ) : (
            <section role="alert" aria-label={tk('kiosk.declined')}>
              <h3>⚠ {tk('kiosk.declined')}</h3>
              {view.paymentError ? <p>{view.paymentError}</p> : null}
              <div className="kiosk-choices">
                <button type="button" className="kiosk-primary" onClick={() => void kiosk.call('kiosk.pay', {})}>
                  {tk('kiosk.retry')}
                </button>
                <button type="button" onClick={() => void kiosk.call('kiosk.callStaff', { reason: 'payment_failed' })}>
                  🔔 {tk('kiosk.callStaff')}
                </button>
                <button type="button" onClick={() => void kiosk.call('kiosk.back', {})}>
                  {tk('kiosk.backToBasket')}
                </button>
              </div>
            </section>
          )}
        </main>
      ) : (
        <KioskReceipt view={view} lang={lang} onChoose={(choice) => void kiosk.call('kiosk.receipt', { choice })} onDone={() => void kiosk.call('kiosk.finish', {})} />
      )}

      {calls.length > 0 ? (
        <KioskStaffCall
          calls={calls}
          sale={sale}
          pickup={view.pickup}
          lang={lang}
          error={kiosk.error?.code ?? null}
          onAnswer={async (interventionId, pin, approved) => (await kiosk.call('kiosk.approve', { interventionId, pin, approved })).ok}
        />
      ) : null}

      {view.idleWarning && calls.length === 0 ? (
        <div className="kiosk-overlay">
          <section role="alertdialog" aria-modal="true" aria-label={tk('kiosk.idleTitle')} className="kiosk-dialog">
            <h2>{tk('kiosk.idleTitle')}</h2>
            <p aria-live="polite">
              {tk('kiosk.idleCountdown', { seconds: view.idleResetAt ? Math.max(0, Math.ceil((Date.parse(view.idleResetAt) - now) / 1000)) : 0 })}
            </p>
            <button type="button" className="kiosk-primary" onClick={() => void client.invoke('kiosk.touch', {})}>
              {tk('kiosk.stillHere')}
            </button>
          </section>
        </div>
      ) : null}

      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      <KioskStaffExit lang={lang} client={client} />
    </div>
  );
}
