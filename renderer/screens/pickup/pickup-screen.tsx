import { useCallback, useEffect, useEffectEvent, useState, type FormEvent } from 'react';
import type { ApiError, MethodInput, MethodOutput } from '../../../main/api/contract.ts';
import type { PickupOrderDetail } from '../../../main/api/pickup-contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { PickupOrderPanel } from './pickup-order-panel.tsx';
import './pickup.css';

type Desk = MethodOutput<'pickup.list'>['orders'][number]['desk'];
type Proof = MethodInput<'pickup.find'>['proof'];

const DESKS: readonly Desk[] = ['to_pick', 'picking', 'to_collect', 'to_put_back', 'handed_out', 'cancelled'];

/**
 * The pickup desk (F12 from the lane; a till configured as a pickup desk opens here): the store's
 * online orders by state, picked with the scanner, handed out against the order QR or the order
 * number and the phone's last four digits. Alt+1..Alt+6 switch the state (a wedge never types Alt,
 * and swallows bare digits), Esc closes an order.
 */
export function PickupScreen({ client, onClose, connected = true }: {
  readonly client: TillClient;
  readonly onClose: (() => void) | null;
  /** The host is reachable; after a reconnect (a restarted host forgot) the desk takes the scanner again. */
  readonly connected?: boolean;
}) {
  const { t, error, dateTime, lang } = useI18n();
  const [list, setList] = useState<MethodOutput<'pickup.list'> | null>(null);
  const [desk, setDesk] = useState<Desk>('to_pick');
  const [order, setOrder] = useState<PickupOrderDetail | null>(null);
  const [proof, setProof] = useState<Proof | null>(null);
  const [arrived, setArrived] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [findNumber, setFindNumber] = useState('');
  const [findPhone, setFindPhone] = useState('');
  const [now, setNow] = useState(() => Date.now());

  const reload = useCallback(async (number?: string | null) => {
    const r = await client.invoke('pickup.list', {});
    if (r.ok) setList(r.value);
    if (number) {
      const d = await client.invoke('pickup.order', { number });
      if (d.ok) setOrder(d.value);
    }
  }, [client]);

  const open = async (number: string, withProof: Proof | null) => {
    const d = await client.invoke('pickup.order', { number });
    if (!d.ok) return setFailure(d.error);
    setFailure(null);
    setNote(null);
    setOrder(d.value);
    setProof(withProof);
    setDesk(d.value.desk);
  };

  const onChanged = useEffectEvent(() => void reload(order?.number));
  const onScanned = useEffectEvent((s: MethodOutput<'pickup.scan'>) => {
    if (s.outcome === 'order' && s.number) void open(s.number, s.qr ? { kind: 'qr', text: s.qr } : null);
    else if (s.outcome === 'picked') {
      setFailure(null);
      const line = order?.lines.find((l) => l.lineId === s.lineId);
      setNote(line ? t('pickup.pick.scanned', { name: line.name[lang] ?? line.name['ko'] ?? line.barcode }) : null);
      void reload(s.number);
    } else setFailure({ code: s.code ?? 'scan_refused', message: s.message ?? '' });
  });

  useEffect(() => {
    if (!connected) return;
    void client.invoke('pickup.attach', { active: true });
    void reload();
  }, [client, connected, reload]);

  useEffect(() => {
    const offs = [
      client.on('pickup.ordersChanged', () => onChanged()),
      client.on('pickup.orderArrived', (e) => setArrived(t('pickup.arrived', { number: e.number, customer: e.customerName }))),
      client.on('pickup.scanned', (s) => onScanned(s)),
    ];
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      offs.forEach((off) => off());
      clearInterval(tick);
      void client.invoke('pickup.attach', { active: false });
    };
  }, [client, reload, t]);

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape' && order && !event.altKey) {
      event.preventDefault();
      setOrder(null);
      setProof(null);
      return;
    }
    // event.code: Alt with a digit types no character on some layouts, but the key is the key.
    const n = Number(/^Digit(\d)$/.exec(event.code)?.[1] ?? NaN);
    if (event.altKey && n >= 1 && n <= DESKS.length) {
      event.preventDefault();
      setDesk(DESKS[n - 1] ?? 'to_pick');
      setOrder(null);
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    const p: Proof = { kind: 'number_phone', number: findNumber.trim(), phoneLast4: findPhone.trim() };
    const r = await client.invoke('pickup.find', { proof: p });
    if (!r.ok) return setFailure(r.error);
    setFindNumber('');
    setFindPhone('');
    await open(r.value.number, p);
  };

  const shown = (list?.orders ?? []).filter((o) => o.desk === desk);
  const minutes = (iso: string) => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));

  return (
    <main className="pickup-screen" aria-label={t('pickup.title')}>
      <header className="pickup-header">
        <h1>{t('pickup.title')}</h1>
        {list ? <p className="pickup-policy">{t(list.offlineHandoutAllowed ? 'pickup.handout.offlineAllowed' : 'pickup.handout.offlineNotAllowed')}</p> : null}
        {onClose ? (
          <KeyButton shortcut="F12" onClick={onClose}>
            {t('pickup.back')}
          </KeyButton>
        ) : null}
      </header>
      {arrived ? (
        <p role="status" className="pickup-arrived">
          {arrived}
        </p>
      ) : null}
      <nav className="pickup-tabs" aria-label={t('pickup.states')}>
        {DESKS.map((d, i) => (
          <KeyButton key={d} shortcut={`Alt+${i + 1}`} aria-pressed={d === desk} onClick={() => { setDesk(d); setOrder(null); }}>
            {t('pickup.tab', { state: t(`pickup.state.${d}`), count: list?.counts[d] ?? 0 })}
          </KeyButton>
        ))}
      </nav>
      <form className="pickup-find" aria-label={t('pickup.find.title')} onSubmit={(e) => void find(e)}>
        <p>{t('pickup.find.hint')}</p>
        <label>
          {t('pickup.find.number')}
          <input inputMode="numeric" value={findNumber} onChange={(e) => setFindNumber(e.target.value)} />
        </label>
        <label>
          {t('pickup.find.phone')}
          <input inputMode="numeric" maxLength={4} value={findPhone} onChange={(e) => setFindPhone(e.target.value)} />
        </label>
        <button type="submit">{t('pickup.find.submit')}</button>
      </form>
      {failure ? (
        <p role="alert" className="alert">
          {error(failure)}
        </p>
      ) : null}
      {note ? <p role="status">{note}</p> : null}
      {order ? (
        <PickupOrderPanel
          client={client}
          order={order}
          proof={proof}
          onFailure={setFailure}
          onChanged={(d) => {
            setOrder(d);
            setFailure(null);
            void reload();
          }}
          onClose={() => {
            setOrder(null);
            setProof(null);
          }}
        />
      ) : (
        <table className="pickup-orders" aria-label={t('pickup.orders')}>
          <thead>
            <tr>
              <th>{t('pickup.col.number')}</th>
              <th>{t('pickup.col.customer')}</th>
              <th>{t('pickup.col.items')}</th>
              <th>{t('pickup.col.age')}</th>
              <th>{t('pickup.col.due')}</th>
              <th>{t('pickup.col.deadline')}</th>
              <th>{t('pickup.col.staging')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((o) => (
              <tr key={o.number}>
                <td>
                  <button type="button" aria-label={t('pickup.open', { number: o.number })} onClick={() => void open(o.number, null)}>
                    {o.number}
                  </button>
                  {o.syncing ? <span className="badge"> {t('pickup.syncing')}</span> : null}
                  {o.flag ? <span className="badge alert"> {t('pickup.flag', { flag: o.flag })}</span> : null}
                </td>
                <td>{`${o.customerName} (${o.phoneLast4})`}</td>
                <td>{o.itemCount}</td>
                <td>{t('pickup.age', { minutes: minutes(o.placedAt) })}</td>
                <td>{o.dueAt ? dateTime(o.dueAt) : ''}</td>
                <td>{o.deadlineAt ? dateTime(o.deadlineAt) : ''}</td>
                <td>{o.stagingLocation ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!order && shown.length === 0 ? <p>{t('pickup.empty')}</p> : null}
    </main>
  );
}
