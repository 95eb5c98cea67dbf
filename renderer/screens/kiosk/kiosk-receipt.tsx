import type { KioskView } from '../../../main/api/kiosk-contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { type KioskTextKey, kioskText } from './kiosk-text.ts';
import { QrCode } from './qr-code.tsx';

/** Paid: the receipt choice (print, digital by QR, none), then what the customer chose and Done. */
export function KioskReceipt({ view, lang, onChoose, onDone }: {
  view: KioskView;
  lang: string;
  onChoose: (choice: 'print' | 'digital' | 'none') => void;
  onDone: () => void;
}) {
  const { money } = useI18n();
  const tk = (key: KioskTextKey, params?: Record<string, string | number>) => kioskText(lang, key, params);
  const done = view.completed;
  const receipt = view.receipt;
  return (
    <main className="kiosk-receipt">
      <section role="status" aria-label={tk('kiosk.thanks')}>
        <h2>✓ {tk('kiosk.thanks')}</h2>
        {done ? <p>{tk('kiosk.paidTotal', { amount: money(done.total, done.currency), number: done.receiptNumber })}</p> : null}
      </section>
      {!receipt ? (
        <section aria-label={tk('kiosk.receiptChoice')}>
          <h3>{tk('kiosk.receiptChoice')}</h3>
          <div className="kiosk-choices">
            <button type="button" className="kiosk-primary" onClick={() => onChoose('print')}>
              🧾 {tk('kiosk.receiptPrint')}
            </button>
            <button type="button" className="kiosk-primary" onClick={() => onChoose('digital')}>
              📱 {tk('kiosk.receiptDigital')}
            </button>
            <button type="button" onClick={() => onChoose('none')}>
              {tk('kiosk.receiptNone')}
            </button>
          </div>
        </section>
      ) : (
        <section>
          {receipt.choice === 'print' ? (
            receipt.printed ? (
              <p>{tk('kiosk.receiptPrinted')}</p>
            ) : (
              <p role="alert">{tk('kiosk.receiptPrintFailed', { detail: receipt.error ?? '' })}</p>
            )
          ) : null}
          {receipt.choice === 'digital' && receipt.url ? (
            <figure className="kiosk-digital">
              <QrCode text={receipt.url} label={tk('kiosk.receiptDigital')} />
              <figcaption>
                {tk('kiosk.receiptQr')}
                <br />
                <a href={receipt.url} aria-label={tk('kiosk.receiptLink')} target="_blank" rel="noreferrer">
                  {receipt.url}
                </a>
              </figcaption>
            </figure>
          ) : null}
          <button type="button" className="kiosk-primary" onClick={onDone}>
            {tk('kiosk.done')}
          </button>
        </section>
      )}
    </main>
  );
}
