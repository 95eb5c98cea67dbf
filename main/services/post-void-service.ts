import { z } from 'zod';
import type { Clock, Ids, TillIdentity } from '../core/ports.ts';
import type { CompletedSale } from '../core/sale.ts';
import type { CardDetails } from '../core/tender.ts';
import { businessDayOf } from '../core/business-day.ts';
import { type Result, fail, ok } from '../core/result.ts';
import { type CompletedPostVoid, DEFAULT_POST_VOID_POLICY, type PostVoidPolicy, type VoidTender, checkPostVoid, postVoidDraft, voidAmounts } from '../core/post-void.ts';
import type { SqlitePostVoids } from '../store/post-void-repository.ts';
import type { StaffRecord } from '../store/staff-repository.ts';
import type { ReceiptPrinter } from '../../drivers/printer/types.ts';
import type { PaymentTerminal } from '../../drivers/payment/types.ts';
import { supervisorApproval } from './shift-approval.ts';
import { SerialQueue } from './serial-queue.ts';
import { layoutVoidReceipt } from './post-void-receipt.ts';

/** Every message of the post-void desk (English; the renderer localizes by code). */
export const POST_VOID_SERVICE_MESSAGES = {
  notSignedIn: 'sign in with a staff PIN first',
  notReceipt: (code: string) => `${code} is not a receipt number of this till (store-till-number, e.g. 0001-01-000042)`,
  notFound: (receipt: string) => `no sale ${receipt} is in this till's journal: only this till's sales can be post-voided here`,
  supervisorRequired: 'a post-void needs a supervisor\'s or a manager\'s PIN',
  pinWrong: 'that PIN is not a supervisor\'s or a manager\'s: a cashier cannot post-void',
  saleOpen: 'finish the sale in progress first: its card payment would be the terminal\'s last',
  noTerminal: 'no card terminal is configured on this till: a card cannot be given back here',
  refundDeclined: (message: string) => `the card terminal refused to give the card back: ${message}`,
  refundFailed: (message: string) => `the card was not given back: ${message}. Try again: the till first asks the terminal what happened`,
  tenderUnsupported: (kind: string) => `a post-void cannot give back ${kind} at this till yet: take it back as a return`,
  noPrinter: 'no receipt printer is configured',
} as const;
const M = POST_VOID_SERVICE_MESSAGES;

export type PostVoidErrorCode =
  | 'not_signed_in' | 'invalid_input' | 'sale_unknown' | 'supervisor_pin_required' | 'not_supervisor' | 'sale_open' | 'refund_declined' | 'refund_failed'
  | 'refund_unsupported' | 'void_other_till' | 'void_other_day' | 'void_too_old' | 'void_already' | 'void_returned' | 'void_unbalanced';

type Reply<T> = Result<T, PostVoidErrorCode>;

/** The store config key of the post-void policy, field by field over the default (same business day, no age limit). */
export const POST_VOID_POLICY_KEY = 'postVoid.policy';
const policySchema = z.object({ sameBusinessDay: z.boolean(), maxAgeMinutes: z.number().int().positive().nullable() }).partial();
export function postVoidPolicyOf(value: unknown): PostVoidPolicy {
  const r = policySchema.safeParse(value);
  if (!r.success) return DEFAULT_POST_VOID_POLICY;
  return { sameBusinessDay: r.data.sameBusinessDay ?? DEFAULT_POST_VOID_POLICY.sameBusinessDay, maxAgeMinutes: r.data.maxAgeMinutes === undefined ? DEFAULT_POST_VOID_POLICY.maxAgeMinutes : r.data.maxAgeMinutes };
}

export interface PostVoidServiceDeps {
  readonly identity: TillIdentity & { readonly currencyNumeric: number };
  readonly voids: SqlitePostVoids;
  readonly policy: () => PostVoidPolicy;
  readonly staff: { list(): readonly StaffRecord[] };
  readonly signedIn: () => { readonly id: string; readonly name: string } | null;
  /** True while the lane holds a sale with a tender taken (its card would be the terminal's last). */
  readonly laneBusy: () => boolean;
  readonly printer: ReceiptPrinter | null;
  readonly payment: PaymentTerminal | null;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly businessDay?: () => string | undefined;
  /** The till's own copy of a member's points moves at once (the centre's ledger follows with the POST_VOID). */
  readonly members?: { recordSale(memberId: string, pointsDelta: number, couponIds: readonly string[]): void };
  readonly onCommitted: () => void;
}

export interface PostVoidSaleView {
  readonly saleId: string;
  readonly receiptNumber: string;
  readonly completedAt: string;
  readonly total: number;
  readonly currency: string;
  readonly tenders: { kind: string; amount: number; detail?: string }[];
  /** Why it cannot be post-voided now, or null. */
  readonly refusal: { readonly code: string; readonly message: string } | null;
}

export interface PostVoidDoneView {
  readonly voidId: string;
  readonly voidNumber: string;
  readonly receiptNumber: string;
  readonly total: number;
  readonly currency: string;
  readonly tenders: { kind: string; amount: number; detail?: string }[];
  readonly receipt: { printed: boolean; error?: string };
}

/** A post-void whose cards started going back: kept until it commits, so a retry never gives a card back twice. */
interface Pending {
  readonly voidId: string;
  readonly saleId: string;
  readonly done: Map<string, { method: 'reversal' | 'refund'; card: CardDetails }>;
}

const RECEIPT = /^\d{4}-\d{2}-\d{6}$/;

/**
 * Post-void at the lane (Alt+V, or from the F7 journal): a finished sale of this till undone whole with a
 * supervisor's PIN. Cards go back first (a reversal when the sale's card was the terminal's last
 * booking, else a refund), then the void commits with its outbox row, then the drawer opens for the
 * cash and the void receipt prints.
 */
export class PostVoidService {
  private readonly queue = new SerialQueue();
  private pending: Pending | null = null;

  constructor(private readonly deps: PostVoidServiceDeps) {}

  find(code: string): Promise<Reply<PostVoidSaleView>> {
    return this.queue.run(() => {
      if (!this.deps.signedIn()) return fail('not_signed_in', M.notSignedIn);
      const found = this.sale(code.trim());
      if (!found.ok) return found;
      const sale = found.value;
      const allowed = this.check(sale);
      return ok({
        saleId: sale.id, receiptNumber: sale.receiptNumber, completedAt: sale.completedAt, total: sale.totals.total, currency: sale.currency,
        tenders: voidAmounts(sale).map((p) => ({ kind: p.kind, amount: p.amount, ...detailOf(sale, p.tenderId) })),
        refusal: allowed.ok ? null : { code: allowed.code, message: allowed.message },
      });
    });
  }

  commit(input: { receiptNumber: string; supervisorPin?: string | undefined }): Promise<Reply<PostVoidDoneView>> {
    return this.queue.run(async () => {
      const staff = this.deps.signedIn();
      if (!staff) return fail('not_signed_in', M.notSignedIn);
      const found = this.sale(input.receiptNumber.trim());
      if (!found.ok) return found;
      const sale = found.value;
      if (!input.supervisorPin) return fail('supervisor_pin_required', M.supervisorRequired);
      const supervisor = await supervisorApproval(this.deps.staff.list(), input.supervisorPin);
      if (!supervisor) return fail('not_supervisor', M.pinWrong);
      const allowed = this.check(sale);
      if (!allowed.ok) return allowed;
      if (this.deps.laneBusy()) return fail('sale_open', M.saleOpen);

      const pending: Pending = this.pending?.saleId === sale.id ? this.pending : { voidId: this.deps.ids.newId(), saleId: sale.id, done: new Map() };
      this.pending = pending;
      const cards = sale.tenders.filter((t) => t.kind === 'card');
      const lastCard = this.deps.voids.lastCardReference();
      const tenders: VoidTender[] = [];
      for (const part of voidAmounts(sale)) {
        const original = sale.tenders.find((t) => t.id === part.tenderId);
        if (!original || part.amount === 0) continue;
        if (original.kind === 'cash') {
          tenders.push({ id: this.deps.ids.newId(), kind: 'cash', amount: part.amount, originalTenderId: original.id });
          continue;
        }
        if (original.kind === 'points') {
          // The centre's ledger gives them back when the POST_VOID arrives (online or after an outage).
          tenders.push({ id: this.deps.ids.newId(), kind: 'points', amount: part.amount, originalTenderId: original.id, points: { ...original.points } });
          continue;
        }
        if (original.kind !== 'card') return fail('refund_unsupported', M.tenderUnsupported(String((original as { kind: string }).kind)));
        // Only the terminal's very last booking can be reversed: the sale's last card, if nothing moved a card since.
        const reversible = cards.at(-1)?.id === original.id && lastCard !== null && original.card.terminalRef === lastCard;
        const known = pending.done.get(original.id);
        const back = known ? ok(known) : await this.giveBack(pending.voidId, original.id, part.amount, reversible);
        if (!back.ok) return back;
        pending.done.set(original.id, back.value);
        tenders.push({ id: this.deps.ids.newId(), kind: 'card', amount: part.amount, originalTenderId: original.id, method: back.value.method, card: back.value.card });
      }

      const draft = postVoidDraft(sale, pending.voidId, staff.id, supervisor.id, tenders);
      if (!draft.ok) return draft;
      const now = this.deps.clock.now();
      const committed = this.deps.voids.commitVoid(draft.value, {
        completedAt: now.toISOString(),
        businessDay: this.deps.businessDay?.() ?? businessDayOf(now, this.deps.identity.timeZone),
        mutationId: this.deps.ids.newId(),
      });
      if (!committed.ok) return committed;
      this.pending = null;
      const done = committed.value;
      this.deps.onCommitted();
      if (done.loyalty) this.deps.members?.recordSale(done.loyalty.memberId, done.loyalty.pointsRedeemed - done.loyalty.pointsEarned, []);
      // The drawer opens only after the void is committed, and only when cash goes back.
      if (done.tenders.some((t) => t.kind === 'cash') && this.deps.printer) {
        const kicked = await this.deps.printer.openDrawer();
        if (!kicked.ok) console.warn(`cash drawer did not open: ${kicked.message}`);
      }
      const receipt = await this.print(done, sale, staff.name, supervisor.name);
      return ok({
        voidId: done.id, voidNumber: done.voidNumber, receiptNumber: sale.receiptNumber, total: done.totals.total, currency: done.currency,
        tenders: done.tenders.map((t) => ({ kind: t.kind, amount: t.amount, ...(t.kind === 'card' ? { detail: `${t.card.scheme} ${t.card.maskedPan}` } : {}) })),
        receipt,
      });
    });
  }

  private sale(code: string): Reply<CompletedSale> {
    if (!RECEIPT.test(code)) return fail('invalid_input', M.notReceipt(code));
    const sale = this.deps.voids.saleByReceipt(code);
    return sale ? ok(sale) : fail('sale_unknown', M.notFound(code));
  }

  private check(sale: CompletedSale) {
    const now = this.deps.clock.now();
    return checkPostVoid({
      sale, tillId: this.deps.identity.tillId, businessDay: this.deps.businessDay?.() ?? businessDayOf(now, this.deps.identity.timeZone), now,
      policy: this.deps.policy(), voidedBy: this.deps.voids.voidOf(sale.id), returned: this.deps.voids.hasReturns(sale.id),
    });
  }

  /** A card back on the terminal: reversed when it was the last booking (a declined reversal falls back to a refund), else refunded. */
  private async giveBack(voidId: string, tenderId: string, amount: number, reversible: boolean): Promise<Reply<{ method: 'reversal' | 'refund'; card: CardDetails }>> {
    const terminal = this.deps.payment;
    if (!terminal) return fail('refund_failed', M.noTerminal);
    // One reference per card: asking again with it gets what the terminal booked, never a second booking.
    const reference = `${voidId}/${tenderId}`;
    if (reversible) {
      const reversed = await terminal.reverse({ reference });
      if (reversed.status === 'approved') return ok({ method: 'reversal', card: cardOf(reversed) });
      if (reversed.status === 'failed') return fail('refund_failed', M.refundFailed(reversed.message));
    }
    const refunded = await terminal.refund({ amount, currencyNumeric: this.deps.identity.currencyNumeric, reference });
    if (refunded.status === 'declined') return fail('refund_declined', M.refundDeclined(refunded.message));
    if (refunded.status === 'failed') return fail('refund_failed', M.refundFailed(refunded.message));
    return ok({ method: 'refund', card: cardOf(refunded) });
  }

  private async print(v: CompletedPostVoid, sale: CompletedSale, cashierName: string, approverName: string): Promise<{ printed: boolean; error?: string }> {
    if (!this.deps.printer) return { printed: false, error: M.noPrinter };
    const outcome = await this.deps.printer.print(layoutVoidReceipt(v, sale, this.deps.identity, { cashierName, approverName }));
    return outcome.ok ? { printed: true } : { printed: false, error: outcome.message };
  }
}

function cardOf(o: { scheme: string; maskedPan: string; approvalCode: string; terminalRef: string }): CardDetails {
  return { scheme: o.scheme, maskedPan: o.maskedPan, approvalCode: o.approvalCode, terminalRef: o.terminalRef };
}

function detailOf(sale: CompletedSale, tenderId: string): { detail?: string } {
  const t = sale.tenders.find((x) => x.id === tenderId);
  return t?.kind === 'card' ? { detail: `${t.card.scheme} ${t.card.maskedPan}` } : {};
}
