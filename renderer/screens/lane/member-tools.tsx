import { useState } from 'react';
import { useKeyCommand } from './use-key-command.ts';
import type { SaleView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { memberCommandFor, memberKeys, type MemberCommand } from './lane-keys.ts';
import { MemberDialog } from './member-dialog.tsx';
import { MemberPointsDialog } from './member-points-dialog.tsx';
import './member-tools.css';
import { MemberDataRequest } from './member-data-request.tsx';
import { MemberTimeline } from './member-timeline.tsx';

interface Props {
  readonly client: TillClient;
  readonly sale: SaleView | null;
  readonly paying: boolean;
}

/**
 * The member on the sale (masked: 김*지 010-****-5678), their points and coupons; Alt+M finds a
 * member, Alt+U pays with points. The host pushes the repriced sale as an event.
 */
export function MemberTools({ client, sale, paying }: Props) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<MemberCommand | 'none'>('none');
  const member = sale?.member ?? null;
  const can: Record<MemberCommand, boolean> = {
    member: !paying && (sale === null || sale.tenders.length === 0),
    points: !paying && member !== null && sale !== null && sale.payment.due > 0 && member.pointsAvailable > 0,
  };

  const run = (command: MemberCommand) => {
    if (can[command]) setOpen(command);
  };

  useKeyCommand(memberCommandFor, run);

  const close = () => setOpen('none');
  return (
    <>
      {member ? (
        <section className="member-strip" aria-label={t('member.onSale')}>
          <p>
            <strong>{member.maskedName}</strong> {member.maskedPhone} · {member.tier}
          </p>
          <p aria-label={t('member.pointsLabel')}>{t('member.points', { points: member.pointsAvailable.toLocaleString() })}</p>
          <MemberTimeline client={client} memberId={member.id} currency={sale?.currency ?? 'KRW'} />
          <MemberDataRequest client={client} memberId={member.id} />
          {member.coupons.length > 0 ? (
            <ul aria-label={t('member.coupons')}>
              {member.coupons.map((c) => (
                <li key={c.id}>
                  {c.name[lang] ?? c.name['ko'] ?? c.id} · {c.applied ? t('member.couponApplied') : t('member.couponWaiting')}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <div className="lane-actions member-actions" role="group" aria-label={t('member.tools')}>
        <KeyButton shortcut={memberKeys.member} disabled={!can.member} onClick={() => run('member')}>
          {member ? t('member.change') : t('member.find')}
        </KeyButton>
        <KeyButton shortcut={memberKeys.points} disabled={!can.points} onClick={() => run('points')}>
          {t('points.use')}
        </KeyButton>
      </div>
      {open === 'member' ? <MemberDialog client={client} onClose={close} /> : null}
      {open === 'points' && sale && member ? <MemberPointsDialog client={client} sale={sale} member={member} onClose={close} /> : null}
    </>
  );
}
