import type { DeviceStatus, Unsubscribe } from '../../drivers/device.ts';
import type { AuthorizationRequest, EndOfDayReport, PaymentOutcome, PaymentTerminal, RefundRequest, Resolution, ReversalRequest, TerminalReport, UnknownOutcome } from '../../drivers/payment/types.ts';

/**
 * The card terminal of training mode: it approves every card at once and talks to no device, so a
 * cashier practising never charges (or refunds) anyone's card. Its approvals say TRAINING.
 */
export class TrainingTerminal implements PaymentTerminal {
  private trace = 0;

  open(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  status(): DeviceStatus {
    return { state: 'online' };
  }

  onStatus(_cb: (status: DeviceStatus) => void): Unsubscribe {
    return () => undefined;
  }

  authorize(req: AuthorizationRequest): Promise<PaymentOutcome> {
    return Promise.resolve(this.approve(req.amount));
  }

  refund(req: RefundRequest): Promise<PaymentOutcome> {
    return Promise.resolve(this.approve(req.amount));
  }

  reverse(_req: ReversalRequest): Promise<PaymentOutcome> {
    return Promise.resolve(this.approve(0));
  }

  abort(): Promise<boolean> {
    return Promise.resolve(false);
  }

  enquireStatus(): Promise<TerminalReport> {
    return Promise.resolve({ ok: true, ready: true, terminalStatus: 0, softwareVersion: 'training' });
  }

  endOfDay(): Promise<EndOfDayReport> {
    return Promise.resolve({ ok: true, total: 0 });
  }

  unresolved(): UnknownOutcome | null {
    return null;
  }

  resolveUnknown(): Promise<Resolution | null> {
    return Promise.resolve(null);
  }

  private approve(amount: number): PaymentOutcome {
    this.trace++;
    return { status: 'approved', amount, scheme: 'TRAINING', maskedPan: '****0000', approvalCode: `T${String(this.trace).padStart(5, '0')}`, terminalRef: `TRAINING/${this.trace}` };
  }
}
