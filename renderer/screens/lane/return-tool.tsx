import { useEffect, useEffectEvent, useState } from 'react';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { returnKey } from './lane-keys.ts';
import { ReturnDialog } from './return-dialog.tsx';

/** The lane's return button (Alt+T, read from the key's code so it works in Hangul mode too) and its dialog. */
export function ReturnTool({ client, disabled }: { client: TillClient; disabled: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (`Alt+${event.code.replace(/^Key/, '')}` !== returnKey || disabled) return;
    event.preventDefault();
    setOpen(true);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <>
      <div className="lane-actions" role="group" aria-label={t('return.tools')}>
        <KeyButton shortcut={returnKey} disabled={disabled} onClick={() => setOpen(true)}>
          {t('return.start')}
        </KeyButton>
      </div>
      {open ? <ReturnDialog client={client} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
