import { useRef, useState, type RefObject } from 'react';
import type { ApiError, Reply } from '../../../main/api/contract.ts';

export interface SupervisorApproval {
  /** The host asked for a supervisor: the PIN field is shown. */
  readonly needed: boolean;
  readonly pin: string;
  setPin(pin: string): void;
  readonly pinRef: RefObject<HTMLInputElement | null>;
  /** What went wrong last (approval_required, approval_refused, pin_wrong, or any other). */
  readonly failure: ApiError | null;
  setFailure(failure: ApiError | null): void;
  /** The PIN to send with the next try, or undefined while none is asked for. */
  readonly supervisorPin: string | undefined;
  /** False (and focuses the field) when a PIN is asked for but not yet typed. */
  ready(): boolean;
  /** Takes the host's answer: true when it was done; otherwise shows why and asks for (another) PIN. */
  settle(reply: Reply<unknown>): boolean;
}

/** The retry-with-a-supervisor-PIN flow shared by the discount and price override dialogs. */
export function useSupervisorApproval(): SupervisorApproval {
  const [needed, setNeeded] = useState(false);
  const [pin, setPin] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  return {
    needed,
    pin,
    setPin,
    pinRef,
    failure,
    setFailure,
    supervisorPin: needed && pin !== '' ? pin : undefined,
    ready() {
      if (!needed || pin !== '') return true;
      pinRef.current?.focus();
      return false;
    },
    settle(reply) {
      if (reply.ok) {
        setFailure(null);
        return true;
      }
      const code = reply.error.code;
      setFailure(reply.error);
      if (code === 'approval_required' || code === 'approval_refused' || code === 'pin_wrong') {
        setNeeded(true);
        setPin('');
        pinRef.current?.focus();
      }
      return false;
    },
  };
}
