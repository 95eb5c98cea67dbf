import type { DeviceStatusView } from '../../../main/api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/**
 * "Close the drawer": shown while the printer reports the cash drawer open (after a cash sale, a
 * no-sale, a cash refund), gone when the drawer switch says it is shut. It asks, it does not block:
 * the next customer's items can already be scanned.
 */
export function DrawerPrompt({ devices }: { readonly devices: readonly DeviceStatusView[] }) {
  const { t } = useI18n();
  const open = devices.some((d) => d.device === 'drawer' && d.code === 'drawer_open');
  if (!open) return null;
  return (
    <p role="status" aria-label={t('drawer.prompt')} className="alert alert-drawer">
      {t('drawer.prompt')}
    </p>
  );
}
