import type { Clock, Ids } from '../core/ports.ts';
import type { OpenSale } from '../core/sale.ts';
import type { Tender } from '../core/tender.ts';
import { maskNumber } from '../core/tender.ts';
import { fail, ok } from '../core/result.ts';
import { readMobilePayBarcode } from '../core/tenders/mobile-pay.ts';
import type { TenderClient } from '../../sync/tender-client.ts';
import type { SqliteMobilePaymentAttempts } from '../store/mobile-payment-repository.ts';
import type { Lane, LaneResult, PaymentReply } from './lane.ts';

export const MOBILE_PAY_SERVICE_MESSAGES = {
  offline: 'mobile payments are authorised through the central server, which cannot be reached now: take another tender',
  lost: 'the pay app\'s answer was lost on the way: scan the customer\'s barcode again (Alt+B); the same payment is asked again and never charged twice',
  declined: (why: string | null) => `the pay app declined the payment${why ? `: ${why}` : ''}`,
  overDue: (amount: number, due: number) => `the payment asked before (${amount}) is more than is now due (${due}): ask the customer whether their app shows it charged`,
} as const;

export interface MobilePayServiceDeps {
  readonly lane: () => Lane;
  readonly client: Pick<TenderClient, 'authorizeMobilePayment'>;
  readonly attempts: SqliteMobilePaymentAttempts;
  readonly online: () => boolean;
  readonly currency: string;
  readonly clock: Clock;
  readonly ids: Ids;
}

/**
 * A mobile payment by the customer's one-time barcode, authorised through the central API. The
 * payment id (idempotency key) is written to the till's file before the request goes out: an answer
 * lost on the way is asked again at once, and again at the cashier's next scan (after a restart too),
 * under the same key, so the customer is never charged twice. Offline it is refused.
 */
export class MobilePayService {
  constructor(private readonly deps: MobilePayServiceDeps) {}

  async pay(raw: string): Promise<LaneResult<PaymentReply>> {
    let asked: string | null = null;
    const r = await this.deps.lane().payWith(async (sale, due) => {
      const t = await this.tender(sale, due, raw);
      if (t.ok) asked = t.value.kind === 'mobile' ? t.value.mobile.paymentId : null;
      return t;
    });
    // Tendered (or already committed): the key has done its work.
    if (r.ok && asked !== null) this.deps.attempts.settle(asked);
    return r;
  }

  private async tender(sale: OpenSale, due: number, raw: string): Promise<LaneResult<Tender>> {
    const barcode = readMobilePayBarcode(raw);
    if (!barcode.ok) return barcode;
    if (!this.deps.online()) return fail('mobile_offline', MOBILE_PAY_SERVICE_MESSAGES.offline);
    let pending = this.deps.attempts.pending(sale.id);
    // An approval already on the sale (the till stopped before the key was cleared) is not asked again.
    if (pending && sale.tenders.some((t) => t.kind === 'mobile' && t.mobile.paymentId === pending?.paymentId)) {
      this.deps.attempts.settle(pending.paymentId);
      pending = undefined;
    }
    const amount = pending?.amount ?? due;
    const paymentId = pending?.paymentId ?? this.deps.ids.newId();
    if (!pending) this.deps.attempts.begin({ paymentId, saleId: sale.id, amount, maskedToken: maskNumber(barcode.value), startedAt: this.deps.clock.now().toISOString() });
    const ask = () => this.deps.client.authorizeMobilePayment({ paymentId, saleId: sale.id, barcode: barcode.value, amount, currency: this.deps.currency });
    let r = await ask();
    if (!r.ok && (r.code === 'timeout' || r.code === 'unreachable' || r.code === 'http_5xx')) r = await ask();
    if (!r.ok) return fail('mobile_unknown', r.code === 'request_rejected' ? r.message : MOBILE_PAY_SERVICE_MESSAGES.lost);
    const p = r.value;
    if (p.status === 'DECLINED') {
      this.deps.attempts.settle(paymentId);
      return fail('payment_declined', MOBILE_PAY_SERVICE_MESSAGES.declined(p.message));
    }
    if (p.amount > due) return fail('mobile_unknown', MOBILE_PAY_SERVICE_MESSAGES.overDue(p.amount, due));
    return ok({
      id: this.deps.ids.newId(), kind: 'mobile', amount: p.amount,
      mobile: { provider: p.provider, maskedToken: p.maskedToken, approvalCode: p.approvalCode ?? '', paymentId },
    });
  }
}
