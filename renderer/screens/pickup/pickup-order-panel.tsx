import { useState, type FormEvent } from 'react';
import type { ApiError, MethodInput, MethodOutput } from '../../../main/api/contract.ts';
import type { PickupOrderDetail } from '../../../main/api/pickup-contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

type Proof = MethodInput<'pickup.find'>['proof'];

/** Why a customer refuses a line at the counter (recorded with its refund). */
const REFUSAL_REASONS = ['damaged', 'wrong_item', 'not_wanted'] as const;
type RefusalReason = (typeof REFUSAL_REASONS)[number];

interface Props {
  readonly client: TillClient;
  readonly order: PickupOrderDetail;
  /** The customer's proof, once the QR was scanned or the number and phone digits matched. */
  readonly proof: Proof | null;
  readonly onChanged: (order: PickupOrderDetail) => void;
  readonly onFailure: (failure: ApiError) => void;
  readonly onClose: () => void;
}

/** One order at the desk: picking (scan, substitute, stage, ready), hand-out (refusals, receipt) or put-back. */
export function PickupOrderPanel({ client, order, proof, onChanged, onFailure, onClose }: Props) {
  const { t, money, dateTime, lang } = useI18n();
  const [staging, setStaging] = useState(order.stagingLocation ?? '');
  const [substitutes, setSubstitutes] = useState<Record<string, string>>({});
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, RefusalReason>>({});
  const [done, setDone] = useState<MethodOutput<'pickup.handOut'> | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async <T extends PickupOrderDetail>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>) => {
    if (busy) return;
    setBusy(true);
    const r = await call();
    setBusy(false);
    if (r.ok) onChanged(r.value);
    else onFailure(r.error);
  };

  const ready = (event: FormEvent) => {
    event.preventDefault();
    void run(() => client.invoke('pickup.ready', { number: order.number, stagingLocation: staging.trim() }));
  };

  const handOut = async (event: FormEvent) => {
    event.preventDefault();
    if (!proof || busy) return;
    setBusy(true);
    const list = order.lines
      .map((l) => ({ lineId: l.lineId, refused: Number(refusals[l.lineId] ?? '0') || 0, reason: reasons[l.lineId] ?? 'not_wanted' }))
      .filter((r) => r.refused > 0);
    const r = await client.invoke('pickup.handOut', { number: order.number, proof, refusals: list });
    setBusy(false);
    if (!r.ok) return onFailure(r.error);
    setDone(r.value);
    onChanged(r.value.order);
  };

  const name = (l: PickupOrderDetail['lines'][number]) => l.name[lang] ?? l.name['ko'] ?? l.barcode;
  const picking = order.desk === 'to_pick' || order.desk === 'picking';
  const short = order.lines.reduce((a, l) => a + Math.max(0, l.quantity - l.available), 0);

  return (
    <section className="pickup-order" aria-label={t('pickup.order.title', { number: order.number })}>
      <h2>{t('pickup.order.title', { number: order.number })}</h2>
      <p>{t('pickup.order.customer', { name: order.customerName, last4: order.phoneLast4 })}</p>
      <p>
        {t(`pickup.state.${order.desk}`)}
        {order.dueAt ? ` · ${t('pickup.col.due')} ${dateTime(order.dueAt)}` : ''}
        {order.stagingLocation ? ` · ${t('pickup.col.staging')} ${order.stagingLocation}` : ''}
        {` · ${money(order.total, order.currency)}`}
      </p>
      <table aria-label={t('pickup.order.lines')}>
        <thead>
          <tr>
            <th>{t('pickup.line.name')}</th>
            <th>{t('pickup.line.ordered')}</th>
            <th>{t('pickup.line.picked')}</th>
            <th>{t('pickup.line.substitute')}</th>
            {order.desk === 'to_collect' ? <th>{t('pickup.line.refuse')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.lineId} aria-label={name(l)}>
              <td>{name(l)}</td>
              <td>{l.quantity}</td>
              <td>{l.picked}</td>
              <td>
                {l.substitute ? `${l.substitute.name} x${l.substitute.quantity}` : ''}
                {picking && order.picking && l.available < l.quantity ? (
                  <span className="pickup-substitute">
                    <input
                      aria-label={t('pickup.line.substituteFor', { name: name(l) })}
                      inputMode="numeric"
                      value={substitutes[l.lineId] ?? ''}
                      onChange={(e) => setSubstitutes({ ...substitutes, [l.lineId]: e.target.value })}
                    />
                    <button
                      type="button"
                      onClick={() => void run(() => client.invoke('pickup.substitute', { number: order.number, lineId: l.lineId, barcode: (substitutes[l.lineId] ?? '').trim() }))}
                    >
                      {t('pickup.pick.addSubstitute')}
                    </button>
                  </span>
                ) : null}
                {picking && order.picking && l.available > 0 ? (
                  <button type="button" onClick={() => void run(() => client.invoke('pickup.unpick', { number: order.number, lineId: l.lineId }))}>
                    {t('pickup.pick.undo')}
                  </button>
                ) : null}
              </td>
              {order.desk === 'to_collect' ? (
                <td>
                  <input
                    aria-label={t('pickup.line.refuseFor', { name: name(l) })}
                    type="number"
                    min={0}
                    max={l.available}
                    value={refusals[l.lineId] ?? '0'}
                    onChange={(e) => setRefusals({ ...refusals, [l.lineId]: e.target.value })}
                  />
                  {Number(refusals[l.lineId] ?? '0') > 0 ? (
                    <select
                      aria-label={t('pickup.refuse.reasonFor', { name: name(l) })}
                      value={reasons[l.lineId] ?? 'not_wanted'}
                      onChange={(e) => setReasons({ ...reasons, [l.lineId]: e.target.value as RefusalReason })}
                    >
                      {REFUSAL_REASONS.map((r) => (
                        <option key={r} value={r}>
                          {t(`pickup.refuse.${r}`)}
                        </option>
                      ))}
                    </select>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>

      {picking && !order.picking ? (
        <KeyButton shortcut="Enter" autoFocus onClick={() => void run(() => client.invoke('pickup.startPicking', { number: order.number }))}>
          {t('pickup.pick.start')}
        </KeyButton>
      ) : null}
      {picking && order.picking ? (
        <form className="pickup-ready" onSubmit={ready}>
          <p>{t('pickup.pick.hint')}</p>
          {short > 0 ? <p>{t('pickup.pick.short', { count: short })}</p> : null}
          <label>
            {t('pickup.pick.staging')}
            <input value={staging} onChange={(e) => setStaging(e.target.value)} />
          </label>
          <button type="submit">{t('pickup.pick.ready')}</button>
        </form>
      ) : null}

      {order.desk === 'to_collect' ? (
        <form className="pickup-handout" aria-label={t('pickup.handout.title')} onSubmit={(e) => void handOut(e)}>
          <p>{proof ? t(proof.kind === 'qr' ? 'pickup.handout.proofQr' : 'pickup.handout.proofPhone') : t('pickup.handout.needProof')}</p>
          <button type="submit" disabled={!proof}>
            {t('pickup.handout.submit')}
          </button>
        </form>
      ) : null}
      {done ? (
        <div role="status" aria-label={t('pickup.handout.title')}>
          <p>{t('pickup.handout.done', { mode: t(done.mode === 'online' ? 'pickup.handout.online' : 'pickup.handout.offline') })}</p>
          {done.refunded > 0 ? <p>{t('pickup.handout.refund', { amount: money(done.refunded, order.currency) })}</p> : null}
          {done.receipt.printed ? null : <p>{t('pickup.handout.receiptFailed', { detail: done.receipt.error ?? '' })}</p>}
        </div>
      ) : null}

      {order.desk === 'to_put_back' ? (
        <div>
          <p>{t('pickup.putBack.hint')}</p>
          <button type="button" onClick={() => void run(() => client.invoke('pickup.putBack', { number: order.number }))}>
            {t('pickup.putBack.submit')}
          </button>
        </div>
      ) : null}
      <KeyButton shortcut="Esc" onClick={onClose}>
        {t('pickup.order.close')}
      </KeyButton>
    </section>
  );
}
