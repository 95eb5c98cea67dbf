import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { useWedgeTyped } from '../../scanner/use-wedge-typed.ts';
import { type KeypadInput, keypadStep } from './keypad.ts';

export interface Keypad {
  /** Digits typed so far (shown on the lane). */
  readonly digits: string;
  /** The quantity waiting for the next item (the host's, after `3 *`), or null. */
  readonly nextQuantity: number | null;
  /** The last keypad entry the host or the rules refused, to show. */
  readonly failure: ApiError | 'quantity_range' | null;
  /** A lane key (Enter, Backspace, Escape): true when the keypad took it. */
  key(input: Exclude<KeypadInput, { kind: 'typed' | 'price' }>): boolean;
  /** Alt+P: the typed digits as the new price (and cleared), or null. */
  takePrice(): number | null;
  clearNextQuantity(): void;
}

/** True while any dialog is open: typing then belongs to it, never to the lane's keypad. */
const dialogOpen = (): boolean => document.querySelector('[aria-modal="true"]') !== null;

/** The keypad of the lane screen: digits from the wedge's typing outside fields, commands to the host. */
export function useKeypad(client: TillClient, selectedLineId: string | null): Keypad {
  const [digits, setDigits] = useState('');
  // The wedge hands digits over just before the Enter that follows them: read them synchronously.
  const current = useRef('');
  const selected = useRef(selectedLineId);
  selected.current = selectedLineId;
  const [nextQuantity, setNextQuantity] = useState<number | null>(null);
  const waiting = useRef<number | null>(null);
  waiting.current = nextQuantity;
  const [failure, setFailure] = useState<Keypad['failure']>(null);

  const apply = (input: KeypadInput): { consumed: boolean; price: number | null } => {
    const step = keypadStep(current.current, input);
    current.current = step.digits;
    setDigits(step.digits);
    const c = step.command;
    if (c) setFailure(null);
    if (c?.kind === 'refused') setFailure('quantity_range');
    if (c?.kind === 'nextQuantity') void client.invoke('sale.nextQuantity', { quantity: c.quantity }).then((r) => !r.ok && setFailure(r.error));
    if (c?.kind === 'lineQuantity') {
      const lineId = selected.current;
      if (lineId !== null) void client.invoke('sale.setQuantity', { lineId, quantity: c.quantity }).then((r) => !r.ok && setFailure(r.error));
    }
    return { consumed: step.consumed, price: c?.kind === 'price' ? c.amount : null };
  };
  const applyRef = useRef(apply);
  applyRef.current = apply;

  useWedgeTyped((text) => {
    if (!dialogOpen()) applyRef.current({ kind: 'typed', text });
  });

  useEffect(() => client.on('sale.nextQuantity', (e) => setNextQuantity(e.quantity)), [client]);

  return {
    digits,
    nextQuantity,
    failure,
    key: (input) => {
      if (dialogOpen()) return false;
      if (applyRef.current(input).consumed) return true;
      // Escape with nothing typed takes back a quantity waiting for the next item.
      if (input.kind !== 'clear' || waiting.current === null) return false;
      void client.invoke('sale.nextQuantity', { quantity: null });
      return true;
    },
    takePrice: () => applyRef.current({ kind: 'price' }).price,
    clearNextQuantity: () => void client.invoke('sale.nextQuantity', { quantity: null }),
  };
}
