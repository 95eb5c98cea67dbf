import { useEffect, useRef, useState } from 'react';
import type { ApiError, MethodOutput } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useWedgeTyped } from '../../scanner/use-wedge-typed.ts';
import { ApprovalFailure } from './approval-failure.tsx';
import { quickKeyNumber } from './lane-screen-keys.ts';
import { ToolDialog } from './tool-dialog.tsx';

type QuickKeys = MethodOutput<'quickKeys.list'>;

/**
 * The quick keys panel (Alt+Q): what has no barcode (a bag, flowers, goods by the scoop), each on
 * its number key 1-9 (or a click). One key rings one item, as a scan would (the keypad's `3 *`
 * first rings three), and the panel closes.
 */
export function QuickKeysDialog({ client, onClose }: { client: TillClient; onClose: () => void }) {
  const { t, lang, money } = useI18n();
  const [keys, setKeys] = useState<QuickKeys | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const busy = useRef(false);

  useEffect(() => {
    let live = true;
    void client.invoke('quickKeys.list', {}).then((r) => live && (r.ok ? setKeys(r.value) : setFailure(r.error)));
    return () => {
      live = false;
    };
  }, [client]);

  const ring = async (barcode: string) => {
    if (busy.current) return;
    busy.current = true;
    const reply = await client.invoke('sale.scan', { code: barcode, source: 'manual' });
    busy.current = false;
    if (reply.ok) onClose();
    else setFailure(reply.error);
  };
  // A number typed outside a field reaches the page through the wedge (it cannot tell a person yet).
  useWedgeTyped((text) => {
    const n = quickKeyNumber(text.slice(-1));
    const key = keys?.find((k) => k.key === n && k.price !== null);
    if (key) void ring(key.barcode);
  });

  return (
    <ToolDialog title={t('quickKeys.title')} className="quick-keys-dialog" onClose={onClose}>
      {keys !== null && keys.length === 0 ? <p>{t('quickKeys.empty')}</p> : null}
      <ul className="quick-keys" aria-label={t('quickKeys.list')}>
        {(keys ?? []).map((k) => {
          const name = k.name[lang] ?? k.name['ko'] ?? k.barcode;
          return (
            <li key={k.key}>
              <KeyButton shortcut={String(k.key)} disabled={k.price === null} onClick={() => void ring(k.barcode)}>
                {k.price === null ? t('quickKeys.unknown', { name }) : t('quickKeys.entry', { name, price: money(k.price, k.currency) })}
              </KeyButton>
            </li>
          );
        })}
      </ul>
      <ApprovalFailure failure={failure} />
      <div className="panel-actions">
        <KeyButton shortcut="Esc" onClick={onClose}>
          {t('panel.close')}
        </KeyButton>
      </div>
    </ToolDialog>
  );
}
