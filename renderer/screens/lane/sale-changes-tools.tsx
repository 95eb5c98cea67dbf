import { useEffect, useEffectEvent, useState } from 'react';
import type { SaleView } from '../../../main/api/contract.ts';
import type { TrainingView } from '../../../main/api/sale-changes-contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { saleChangeCommandFor, saleChangeKeys, type SaleChangeCommand } from './sale-changes-keys.ts';
import { PostVoidDialog } from './post-void-dialog.tsx';
import { TrainingDialog } from './training-dialog.tsx';
import './sale-changes.css';

interface Props {
  readonly client: TillClient;
  readonly sale: SaleView | null;
  readonly paying: boolean;
}

/** Training mode as the host says it is now, kept current by the 'training' event. */
export function useTraining(client: TillClient): TrainingView {
  const [training, setTraining] = useState<TrainingView>({ on: false, staffId: null, approvedBy: null });
  useEffect(() => {
    let live = true;
    void client.invoke('training.status', {}).then((r) => {
      if (live && r.ok) setTraining(r.value);
    });
    const off = client.on('training', (v) => setTraining(v));
    return () => {
      live = false;
      off();
    };
  }, [client]);
  return training;
}

/** The big banner over the lane while training mode is on: nothing rung now counts. */
export function TrainingBanner({ training }: { training: TrainingView }) {
  const { t } = useI18n();
  if (!training.on) return null;
  return (
    <p className="training-banner" role="status" aria-label={t('training.banner')}>
      {t('training.banner')}
    </p>
  );
}

/** Post-void (Alt+V) and training mode (Alt+N), each a supervisor's call; their keys are read from the key's code (Hangul mode too). */
export function SaleChangesTools({ client, sale, paying, training }: Props & { training: TrainingView }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<SaleChangeCommand | 'none'>('none');
  const saleInProgress = sale !== null && (sale.tenders.length > 0 || sale.lines.some((l) => !l.voided));
  const can: Record<SaleChangeCommand, boolean> = {
    postVoid: !paying && !training.on && (sale === null || sale.tenders.length === 0),
    training: !paying && !saleInProgress,
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const command = saleChangeCommandFor(event);
    if (!command || !can[command]) return;
    event.preventDefault();
    setOpen(command);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <>
      <div className="lane-actions" role="group" aria-label={t('saleChanges.tools')}>
        <KeyButton shortcut={saleChangeKeys.postVoid} disabled={!can.postVoid} onClick={() => setOpen('postVoid')}>
          {t('postVoid.start')}
        </KeyButton>
        <KeyButton shortcut={saleChangeKeys.training} disabled={!can.training} onClick={() => setOpen('training')}>
          {training.on ? t('training.stop') : t('training.start')}
        </KeyButton>
      </div>
      {open === 'postVoid' ? <PostVoidDialog client={client} onClose={() => setOpen('none')} /> : null}
      {open === 'training' ? <TrainingDialog client={client} on={!training.on} onClose={() => setOpen('none')} /> : null}
    </>
  );
}
