import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Notice, TillState } from '../../state/till-state.ts';
import type { TillActions } from '../../state/use-till.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { BasketTable } from './basket-table.tsx';
import { CardPanel } from './card-panel.tsx';
import { CashPanel } from './cash-panel.tsx';
import { CompletionPanel } from './completion-panel.tsx';
import { laneCommandFor, moveSelection, type LaneCommand } from './lane-keys.ts';
import { ManualEntry } from './manual-entry.tsx';
import { SaleTools } from './sale-tools.tsx';
import { ReturnTool } from './return-tool.tsx';
import { MemberTools } from './member-tools.tsx';
import { TenderTools } from './tender-tools.tsx';
import { useInstalmentChoice } from './instalment-dialog.tsx';
import { SearchDialog } from './search-dialog.tsx';
import { TotalsPanel } from './totals-panel.tsx';
import { useKeypad } from './use-keypad.ts';
import { LaneScreenTools } from './lane-screen-tools.tsx';
import { KeypadDisplay } from './keypad-display.tsx';
import { keypadKeyFor } from './keypad.ts';
import { CouponList } from './coupon-list.tsx';
import { DrawerPrompt } from './drawer-prompt.tsx';
import { SaleChangesTools, TrainingBanner, useTraining } from './sale-changes-tools.tsx';

interface Props {
  readonly state: TillState;
  readonly actions: TillActions;
  /** For the dialogs that ask the host directly (product search). */
  readonly client: TillClient;
}

type Panel = 'none' | 'cash' | 'card';

function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

function NoticeAlert({ notice }: { notice: Notice }) {
  const { t, error } = useI18n();
  const text =
    notice.kind === 'scan'
      ? t('notice.scan', { code: notice.code, message: error(notice.error) })
      : notice.kind === 'payment'
        ? t('notice.payment', { message: error(notice.error, true) })
        : t('notice.action', { message: error(notice.error) });
  return (
    <p role="alert" className={`alert alert-${notice.kind}`}>
      {text}
    </p>
  );
}

export function LaneScreen({ state, actions, client }: Props) {
  const { t } = useI18n();
  const { sale, completed, notice } = state;
  const currency = sale?.currency ?? state.store?.currency ?? 'KRW';
  const [panel, setPanel] = useState<Panel>('none');
  const [paying, setPaying] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const barcodeField = useRef<HTMLInputElement>(null);
  const [searching, setSearching] = useState(false);
  const training = useTraining(client);

  const liveLineIds = (sale?.lines ?? []).filter((l) => !l.voided).map((l) => l.lineId);
  // The selection follows the newest line unless the cashier picked one that is still live.
  const selectedLineId = selected !== null && liveLineIds.includes(selected) ? selected : (liveLineIds.at(-1) ?? null);
  const keypad = useKeypad(client, selectedLineId);
  const lineCount = sale?.lines.length ?? 0;
  useEffect(() => setSelected(null), [lineCount, sale?.id]);

  const due = sale?.payment.due ?? 0;
  const canPay = sale !== null && due > 0 && !paying;

  // No sale left to pay (completed, or emptied by events): the payment panel has nothing to do.
  useEffect(() => {
    if (!canPay && !paying) setPanel('none');
  }, [canPay, paying]);

  const payCash = async (received: number) => {
    setPaying(true);
    const ok = await actions.payCash(received);
    setPaying(false);
    if (ok) setPanel('none');
  };

  const instalments = useInstalmentChoice(client, currency);
  const payCard = async () => {
    if (!canPay) return;
    // 할부 is asked before the terminal starts (only when what is due reaches the store's minimum).
    const months = await instalments.ask();
    if (months === null) return;
    setPanel('card');
    setPaying(true);
    await actions.payCard(months);
    setPaying(false);
    setPanel('none');
  };

  const openCash = () => {
    if (!canPay) return;
    actions.clearNotice();
    setPanel('cash');
  };

  const voidSelected = () => {
    if (selectedLineId !== null) void actions.voidLine(selectedLineId);
  };

  const run = (command: LaneCommand) => {
    switch (command) {
      case 'cash':
        return openCash();
      case 'card':
        return void payCard();
      case 'voidLine':
        return voidSelected();
      case 'signOut':
        return void actions.signOut();
      case 'search':
        return setSearching(true);
      case 'typeCode':
        return barcodeField.current?.focus();
      case 'close':
        if (panel === 'cash') setPanel('none');
        else if (completed) actions.dismissCompleted();
        else actions.clearNotice();
        return;
      case 'previousLine':
        return setSelected(moveSelection(liveLineIds, selectedLineId, -1));
      case 'nextLine':
        return setSelected(moveSelection(liveLineIds, selectedLineId, 1));
    }
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    // The wedge swallowed it: a scan, not a command.
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    // Digits typed on the lane, then Enter (the selected line's quantity), Backspace or Escape.
    const keypadKey = inTextField(event.target) ? undefined : keypadKeyFor(event.key);
    if (keypadKey && keypad.key(keypadKey)) {
      event.preventDefault();
      return;
    }
    const command = laneCommandFor(event.key, inTextField(event.target));
    if (!command) return;
    event.preventDefault();
    run(command);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const showCompletion = completed !== null && sale === null;

  return (
    <main className="lane">
      <section className="lane-sale">
        <TrainingBanner training={training} />
        {showCompletion ? (
          <CompletionPanel completed={completed} currency={currency} onNewSale={actions.dismissCompleted} client={client} />
        ) : (
          <BasketTable sale={sale} selectedLineId={selectedLineId} onSelect={setSelected} onVoid={(id) => void actions.voidLine(id)} />
        )}
        {notice ? <NoticeAlert notice={notice} /> : null}
        <DrawerPrompt devices={state.devices} />
        {searching ? <SearchDialog client={client} onClose={() => setSearching(false)} /> : null}
        <ManualEntry inputRef={barcodeField} onEnter={(code) => actions.scan(code, 'manual')} />
        <KeypadDisplay keypad={keypad} />
      </section>
      <aside className="lane-side">
        <TotalsPanel sale={sale} currency={currency} />
        <CouponList client={client} sale={sale} paying={paying} />
        {panel === 'cash' ? <CashPanel due={due} currency={currency} busy={paying} onPay={(r) => void payCash(r)} onClose={() => setPanel('none')} /> : null}
        {panel === 'card' ? <CardPanel amount={due} currency={currency} /> : null}
        <div className="lane-actions" role="group" aria-label={t('actions.title')}>
          <KeyButton shortcut="F2" className="primary big" disabled={!canPay} onClick={openCash}>
            {t('actions.cash')}
          </KeyButton>
          <KeyButton shortcut="F3" className="primary big" disabled={!canPay} onClick={() => void payCard()}>
            {t('actions.card')}
          </KeyButton>
          <KeyButton shortcut="F4" disabled={selectedLineId === null || paying} onClick={voidSelected}>
            {t('actions.voidSelected')}
          </KeyButton>
          <KeyButton shortcut="F5" onClick={() => setSearching(true)}>
            {t('actions.search')}
          </KeyButton>
          <KeyButton shortcut="F9" onClick={() => barcodeField.current?.focus()}>
            {t('actions.typeCode')}
          </KeyButton>
        </div>
        <SaleTools client={client} sale={sale} selectedLineId={selectedLineId} paying={paying} takeKeypadPrice={keypad.takePrice} />
        <ReturnTool client={client} disabled={paying} />
        <MemberTools client={client} sale={sale} paying={paying} />
        <TenderTools client={client} sale={sale} paying={paying} />
        {instalments.dialog}
        <LaneScreenTools client={client} sale={sale} paying={paying} />
        <SaleChangesTools client={client} sale={sale} paying={paying} training={training} />
      </aside>
    </main>
  );
}
