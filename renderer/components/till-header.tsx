import type { DeviceStatusView, StaffView, SyncStatusView, TillStatusView } from '../../main/api/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { KeyButton } from './key-button.tsx';
import { queuedAge } from './queued-age.ts';
import { useEffect, useState } from 'react';

interface Props {
  readonly store: TillStatusView['store'] | null;
  readonly staff: StaffView | null;
  readonly devices: readonly DeviceStatusView[];
  readonly sync: SyncStatusView | null;
  readonly onSignOut: () => void;
}

const stateMark: Readonly<Record<DeviceStatusView['state'], string>> = { online: '●', offline: '○', error: '✕', disabled: '–' };

function DeviceChip({ device }: { device: DeviceStatusView }) {
  const { t } = useI18n();
  // The drawer's own states (open, closed) say more than "online".
  const drawer = device.device === 'drawer' && device.state === 'online';
  const params = { device: t(`device.${device.device}`), state: drawer ? t(device.code === 'drawer_open' ? 'drawer.open' : 'drawer.closed') : t(`deviceState.${device.state}`) };
  const text = device.detail && !drawer ? t('device.chipDetail', { ...params, detail: device.detail }) : t('device.chip', params);
  return (
    <li className={`chip chip-${device.state}`} title={device.name}>
      <span aria-hidden="true" className="chip-mark">
        {stateMark[device.state]}
      </span>{' '}
      {text}
    </li>
  );
}

/** Now, again every 15 s while something is queued: the oldest unsynced sale's age keeps counting between status events. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function SyncText({ sync }: { sync: SyncStatusView | null }) {
  const { t, dateTime } = useI18n();
  const now = useNow((sync?.queued ?? 0) > 0);
  const age = sync && sync.queued > 0 && sync.oldestQueuedAt ? queuedAge(sync.oldestQueuedAt, now) : null;
  const parts = !sync
    ? [t('sync.unknown')]
    : [
        sync.online ? t('sync.online') : t('sync.offline'),
        ...(sync.queued > 0 ? [t('sync.queued', { count: sync.queued })] : []),
        ...(age ? [t('sync.oldest', { age: t(age.key, { n: age.n }) })] : []),
        ...(sync.quarantined > 0 ? [t('sync.quarantined', { count: sync.quarantined })] : []),
        ...(sync.lastPushAt ? [t('sync.lastPush', { time: dateTime(sync.lastPushAt) })] : []),
      ];
  const state = !sync ? 'unknown' : sync.online ? 'online' : 'offline';
  return (
    <p className={`sync sync-${state}`} title={sync?.lastError ?? undefined}>
      {t('sync.label')}: {parts.join(' · ')}
    </p>
  );
}

/** Store and till, who is signed in, device health, sync, language and sign-out. */
export function TillHeader({ store, staff, devices, sync, onSignOut }: Props) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="till-header">
      <div className="till-identity">
        {store ? (
          <p className="store-name">
            {store.name} · {t('header.till', { number: store.tillNumber })}
          </p>
        ) : null}
        {staff ? <p className="staff-name">{t('header.staff', { name: staff.name })}</p> : null}
      </div>
      <ul className="chips" aria-label={t('header.devices')}>
        {devices.map((device) => (
          <DeviceChip key={`${device.device}-${device.name}`} device={device} />
        ))}
      </ul>
      {store ? <SyncText sync={sync} /> : null}
      <div className="header-actions">
        <button type="button" lang={lang === 'ko' ? 'en' : 'ko'} onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}>
          {t('lang.switch')}
        </button>
        {staff ? (
          <KeyButton shortcut="F8" onClick={onSignOut}>
            {t('header.signOut')}
          </KeyButton>
        ) : null}
      </div>
    </header>
  );
}
