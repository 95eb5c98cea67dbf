import type { SaleView } from '../../../main/api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { type KioskTextKey, kioskText } from './kiosk-text.ts';

const nameIn = (name: Readonly<Record<string, string>>, lang: string): string => name[lang] ?? name['ko'] ?? Object.values(name)[0] ?? '';

/** The customer's basket: big rows, a Remove button on each (the host decides whether staff are needed). */
export function KioskBasket({ sale, lang, onRemove }: { sale: SaleView | null; lang: string; onRemove: (lineId: string) => void }) {
  const { money } = useI18n();
  const tk = (key: KioskTextKey, params?: Record<string, string | number>) => kioskText(lang, key, params);
  const lines = sale?.lines ?? [];
  return (
    <section className="kiosk-basket" aria-label={tk('kiosk.basket')}>
      {lines.length === 0 ? (
        <p className="kiosk-empty">{tk('kiosk.emptyBasket')}</p>
      ) : (
        <table aria-label={tk('kiosk.basket')}>
          <thead>
            <tr>
              <th scope="col">{tk('kiosk.item')}</th>
              <th scope="col">{tk('kiosk.qty')}</th>
              <th scope="col">{tk('kiosk.amount')}</th>
              <th scope="col">
                <span className="visually-hidden">{tk('kiosk.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => {
              const name = nameIn(l.name, lang);
              // State is said in words (and an icon), never by colour alone.
              const state = l.voided ? tk('kiosk.removed') : l.ageCheck === 'pending' ? `⚠ ${tk('kiosk.ageCheck')}` : l.ageCheck === 'confirmed' ? `✓ ${tk('kiosk.ageChecked')}` : null;
              return (
                <tr key={l.lineId} className={l.voided ? 'voided' : undefined}>
                  <td>
                    <span className="kiosk-line-name">{name}</span>
                    {state ? <span className="kiosk-line-state">{state}</span> : null}
                    {l.discount > 0 && !l.voided ? <span className="kiosk-line-saving">{tk('kiosk.saving', { amount: money(l.discount, sale?.currency ?? 'KRW') })}</span> : null}
                  </td>
                  <td>{l.quantity}</td>
                  <td>{money(l.amount - (l.voided ? 0 : l.discount), sale?.currency ?? 'KRW')}</td>
                  <td>
                    {l.voided ? null : (
                      <button type="button" className="kiosk-remove" aria-label={tk('kiosk.removeItem', { name })} onClick={() => onRemove(l.lineId)}>
                        {tk('kiosk.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export { nameIn };
