import { useEffect, useEffectEvent, useId, useState, type FormEvent } from 'react';
import type { ApiError, DeviceStatusView, StaffView } from '../../../main/api/contract.ts';
import type { ConfigurableDeviceName, DeviceEndpointsView, DiscoveredView } from '../../../main/api/devices-contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/ko.ts';
import { isMessageKey } from '../../i18n/translate.ts';

interface Props {
  readonly client: TillClient;
  /** The device board, kept current by the `devices` events. */
  readonly devices: readonly DeviceStatusView[];
  readonly staff: StaffView;
  /** The last keyboard-wedge scan while this screen is open (it rings nothing here). */
  readonly wedgeScan: { readonly code: string; readonly at: number } | null;
  readonly onClose: () => void;
}

/** The screen's own keys (the lane's are not active here); Alt+K opens it from the lane. */
export const devicesScreenKeys = { open: 'Alt+K', back: 'Escape' } as const;

/** Alt+K by the physical key (a Hangul IME types ㅏ on K), no other modifier. */
export const isDevicesKey = (e: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string }): boolean =>
  e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyK';

const configurableDevices: readonly ConfigurableDeviceName[] = ['printer', 'scanner', 'payment', 'display'];

type TestAction = 'printTestPage' | 'openDrawer' | 'displayTest';
type Outcome = { kind: 'done'; text: string } | { kind: 'failed'; error: ApiError } | { kind: 'waiting' } | null;

const stateKey = (state: DeviceStatusView['state']): MessageKey => `deviceState.${state}`;
const deviceKey = (device: DeviceStatusView['device']): MessageKey => `device.${device}`;

/**
 * Back office, devices (Alt+K from the lane): every device's health from the board, what is
 * plugged into the machine, a test per device (test page, drawer, pole display, "scan now"),
 * and, for a supervisor or manager, pointing a device at another endpoint (saved on the till,
 * reopened without a restart). Anyone may look and test; only a supervisor changes.
 */
export function DevicesScreen({ client, devices, staff, wedgeScan, onClose }: Props) {
  const { t, error } = useI18n();
  const id = useId();
  const [endpoints, setEndpoints] = useState<DeviceEndpointsView | null>(null);
  const [canConfigure, setCanConfigure] = useState(false);
  const [discovered, setDiscovered] = useState<DiscoveredView | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [target, setTarget] = useState<ConfigurableDeviceName>('display');
  const [endpoint, setEndpoint] = useState('');
  const [configured, setConfigured] = useState<Outcome>(null);

  const loadEndpoints = async () => {
    const r = await client.invoke('devices.endpoints', {});
    if (!r.ok) return;
    setEndpoints(r.value.endpoints);
    setCanConfigure(r.value.canConfigure);
  };
  useEffect(() => {
    void loadEndpoints();
    void client.invoke('devices.discover', {}).then((r) => r.ok && setDiscovered(r.value));
  }, [client, staff.id]);

  useEffect(() => {
    if (wedgeScan) setOutcome({ kind: 'done', text: t('devicesScreen.scanned', { data: wedgeScan.code, source: t('devicesScreen.scannedWedge') }) });
  }, [wedgeScan, t]);

  const test = async (action: TestAction) => {
    setOutcome({ kind: 'waiting' });
    const r = await client.invoke('devices.test', { action });
    setOutcome(r.ok ? { kind: 'done', text: t(`devicesScreen.done.${action}`) } : { kind: 'failed', error: r.error });
  };
  const scanNow = async () => {
    setOutcome({ kind: 'waiting' });
    const r = await client.invoke('devices.scanNext', { timeoutMs: 30_000 });
    setOutcome(r.ok ? { kind: 'done', text: t('devicesScreen.scanned', { data: r.value.data, source: r.value.source }) } : { kind: 'failed', error: r.error });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const r = await client.invoke('devices.configure', { device: target, endpoint });
    if (!r.ok) return setConfigured({ kind: 'failed', error: r.error });
    const device = t(deviceKey(target));
    setConfigured({ kind: 'done', text: r.value.applied ? t('devicesScreen.saved', { device, endpoint: r.value.endpoint }) : t('devicesScreen.savedForRestart', { device }) });
    await loadEndpoints();
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.key !== devicesScreenKeys.back) return;
    event.preventDefault();
    onClose();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  // Leaving the screen while "scan now" waits gives the scanner back to the lane at once.
  useEffect(() => () => void client.invoke('devices.scanCancel', {}), [client]);

  // The board's code in the screen's language; the detail (English, for whoever fixes it) beside it.
  const codeText = (code: string | undefined): string => {
    const key = `deviceCode.${code ?? ''}`;
    return code && isMessageKey(key) ? t(key) : '';
  };
  const endpointOf = (device: DeviceStatusView): string => {
    const configuredUrl = device.device === 'drawer' ? null : endpoints?.[device.device as ConfigurableDeviceName];
    return configuredUrl ?? (device.name === device.device ? t('devicesScreen.none') : device.name);
  };

  return (
    <main className="journal-screen" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('devicesScreen.title')}</h1>
      <table aria-label={t('devicesScreen.health')} className="journal-results">
        <thead>
          <tr>
            <th scope="col">{t('devicesScreen.device')}</th>
            <th scope="col">{t('devicesScreen.state')}</th>
            <th scope="col">{t('devicesScreen.endpoint')}</th>
            <th scope="col">{t('devicesScreen.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.device}>
              <th scope="row">{t(deviceKey(d.device))}</th>
              <td>{t(stateKey(d.state))}</td>
              <td>
                <code>{endpointOf(d)}</code>
              </td>
              <td>
                {codeText(d.code)} {d.detail ? <small>{d.detail}</small> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('devicesScreen.tests')}</h2>
      <div role="group" aria-label={t('devicesScreen.tests')} className="screen-keys">
        <button type="button" onClick={() => void test('printTestPage')}>
          {t('devicesScreen.printTestPage')}
        </button>
        <button type="button" onClick={() => void test('openDrawer')}>
          {t('devicesScreen.openDrawer')}
        </button>
        <button type="button" onClick={() => void test('displayTest')}>
          {t('devicesScreen.displayTest')}
        </button>
        <button type="button" onClick={() => void scanNow()}>
          {t('devicesScreen.scanNow')}
        </button>
      </div>
      <p role="status" aria-live="polite">
        {outcome?.kind === 'done' ? outcome.text : outcome?.kind === 'waiting' ? t('devicesScreen.waitingScan') : ''}
      </p>
      {outcome?.kind === 'failed' ? (
        <p role="alert" className="alert">
          {error(outcome.error, true)}
        </p>
      ) : null}

      <h2>{t('devicesScreen.discovered')}</h2>
      {discovered ? (
        <>
          <h3>{t('devicesScreen.hid')}</h3>
          {!discovered.hid.available ? (
            <p>{t('devicesScreen.unavailable', { message: discovered.hid.message ?? '' })}</p>
          ) : discovered.hid.items.length === 0 ? (
            <p>{t('devicesScreen.noneFound')}</p>
          ) : (
            <ul aria-label={t('devicesScreen.hid')}>
              {discovered.hid.items.map((h) => (
                <li key={`${h.endpoint}-${h.path ?? ''}`}>
                  <code>{h.endpoint}</code> {h.manufacturer ?? ''} {h.product ?? ''} {h.posScanner ? `(${t('devicesScreen.posScanner')})` : ''}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('devicesScreen.serial')}</h3>
          {!discovered.serial.available ? (
            <p>{t('devicesScreen.unavailable', { message: discovered.serial.message ?? '' })}</p>
          ) : discovered.serial.items.length === 0 ? (
            <p>{t('devicesScreen.noneFound')}</p>
          ) : (
            <ul aria-label={t('devicesScreen.serial')}>
              {discovered.serial.items.map((s) => (
                <li key={s.path}>
                  <code>{s.endpoint}</code> {s.manufacturer ?? ''}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}

      <h2>{t('devicesScreen.configure')}</h2>
      {canConfigure ? (
        <form onSubmit={(e) => void save(e)} data-wedge="off" aria-label={t('devicesScreen.configure')}>
          <label>
            {t('devicesScreen.configureDevice')}{' '}
            <select value={target} onChange={(e) => setTarget(e.target.value as ConfigurableDeviceName)}>
              {configurableDevices.map((d) => (
                <option key={d} value={d}>
                  {t(deviceKey(d))}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('devicesScreen.newEndpoint')}{' '}
            <input value={endpoint} onChange={(e) => setEndpoint(e.target.value)} placeholder={endpoints?.[target] ?? 'tcp://127.0.0.1:9100'} size={40} />
          </label>{' '}
          <button type="submit">{t('devicesScreen.save')}</button>
          {configured?.kind === 'done' ? <p role="status">{configured.text}</p> : null}
          {configured?.kind === 'failed' ? (
            <p role="alert" className="alert">
              {error(configured.error, true)}
            </p>
          ) : null}
        </form>
      ) : (
        <p>{t('devicesScreen.supervisorOnly')}</p>
      )}
    </main>
  );
}
