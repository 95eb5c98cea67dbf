import type { Catalog, Clock, Ids, TillIdentity } from '../core/ports.ts';
import { isStoredValue } from '../core/tender.ts';
import type { TaxRules } from '../core/tax.ts';
import type { CardDetails } from '../core/tender.ts';
import type { CompletedSale } from '../core/sale.ts';
import { businessDayOf } from '../core/business-day.ts';
import { type Result, fail, ok } from '../core/result.ts';
import { type EarlierReturn, type OriginalLine, priceReturnLine, refundFor, returnableLines } from '../core/returns/returnable.ts';
import { type OriginalTender, paidPerTender, splitRefund } from '../core/returns/refund-split.ts';
import { type Disposition, type ItemCondition, type ReturnPolicy, checkReturn, dispositionFor, receiptlessUnitPrice } from '../core/returns/return-policy.ts';
import type { CompletedReturn, RefundTender, ReturnDraft, ReturnLine } from '../core/returns/sale-return.ts';
import type { SqliteReturns } from '../store/return-repository.ts';
import type { SqlitePriceHistory } from '../store/price-history-repository.ts';
import type { StaffRecord } from '../store/staff-repository.ts';
import type { ReceiptPrinter } from '../../drivers/printer/types.ts';
import type { SqliteReprintQueue } from '../store/reprint-queue-repository.ts';
import type { PaymentTerminal } from '../../drivers/payment/types.ts';
import type { OrderReturnClaim, OrderReturnClaimInput, SaleLookup } from '../../sync/sale-lookup.ts';
import type { CentralResult } from '../../sync/central-client.ts';
import { layoutReturnReceipt } from './return-receipt.ts';
import { supervisorApproval } from './shift-approval.ts';
import { SerialQueue } from './serial-queue.ts';
import type { StoreOrder } from '../core/pickup/store-order.ts';
import { parseOrderQr } from '../core/pickup/order-qr.ts';

/** Every message the returns desk sends to people (English; the renderer localizes by code). */
export const RETURN_SERVICE_MESSAGES = {
  notSignedIn: 'sign in with a staff PIN first',
  codeNotReceipt: (code: string) => `${code} is not a receipt number (store-till-number, e.g. 0001-01-000042)`,
  notFound: (receipt: string) => `no sale ${receipt} was found in this store`,
  offline: (receipt: string) =>
    `sale ${receipt} is not in this till's journal, and the central API cannot be reached: only this till's sales can be found while offline`,
  notFoundYet: 'scan or type the receipt first',
  claimRefused: 'the central API refused the refund of these items',
  returnUnknown: 'that return is not in this till\'s journal',
  orderNotFound: (number: string) => `online order ${number} is not on this till (the order stream brings the store's pickup and recent delivery orders)`,
  orderNotCollected: (number: string) => `online order ${number} has nothing the customer received yet: cancel it instead of returning it`,
  nothingChosen: 'choose at least one item to return',
  policy: (message: string) => `${message}; a supervisor's PIN may approve it`,
  approvalRequired: 'a return without a receipt needs a supervisor\'s PIN',
  pinWrong: 'that PIN is not a supervisor\'s or a manager\'s',
  noTerminal: 'no card terminal is configured on this till: a card refund cannot be made here',
  refundDeclined: (message: string) => `the card terminal refused the refund: ${message}`,
  refundFailed: (message: string) => `the card refund did not complete: ${message}. Try again: the till first asks the terminal what happened`,
  refundInProgress: 'cards were already refunded for another return that is not finished: finish that return first (same items, then refund)',
  tenderUnsupported: (kind: string) => `a refund to ${kind} cannot be made at this till yet`,
  storedValueElsewhere: 'a sale paid by gift card or store credit at another till is refunded to store credit at that till (this till does not know the card\'s account)',
  receiptlessOff: 'this store does not take returns without a receipt',
  productUnknown: (code: string) => `no product has the barcode ${code}`,
  noPrinter: 'no receipt printer is configured',
  voided: (voidNumber: string) => `this sale was post-voided (${voidNumber}): nothing of it is left to return`,
} as const;

export type ReturnErrorCode =
  | 'not_signed_in' | 'invalid_input' | 'return_not_found' | 'return_offline' | 'over_return' | 'return_policy' | 'supervisor_required'
  | 'pin_wrong' | 'refund_declined' | 'refund_failed' | 'refund_in_progress' | 'refund_unsupported' | 'product_unknown' | 'return_error';

const M = RETURN_SERVICE_MESSAGES;

export interface ReturnServiceDeps {
  readonly identity: TillIdentity & { readonly currencyNumeric: number };
  readonly rules: TaxRules;
  /** The policy in force now (the store's from the config stream, over the till's own). */
  readonly policy: () => ReturnPolicy;
  readonly catalog: Catalog;
  readonly returns: SqliteReturns;
  readonly priceHistory: SqlitePriceHistory;
  /** Another till's sale through the central API; null when the till has no central API. */
  readonly lookup: SaleLookup | null;
  /**
   * Claims an online order's items at the centre before their refund (DESIGN.md 4: refunding an online
   * payment is a claim); null: no central API. Unreachable: the return is queued and the centre checks it on arrival.
   */
  readonly claimOrderReturn: ((input: OrderReturnClaimInput) => Promise<CentralResult<OrderReturnClaim>>) | null;
  /** The store's online orders on the till (the order stream): returned at the counter, refunded to their online payment. */
  readonly orders: { byNumber(number: string): StoreOrder | undefined } | null;
  readonly staff: { list(): readonly StaffRecord[] };
  readonly signedIn: () => { readonly id: string; readonly name: string } | null;
  readonly printer: ReceiptPrinter | null;
  /** The printer-fault reprint queue: a return receipt that did not print joins the sales' owed receipts. */
  readonly reprints?: SqliteReprintQueue;
  readonly payment: PaymentTerminal | null;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly businessDay?: () => string | undefined;
  /** After every commit, so the outbox is pushed now. */
  readonly onCommitted: () => void;
  /** The post-void of a sale of this till, if any (main/store/post-void-repository.ts): a voided sale has nothing to return. */
  readonly voidOf?: (saleId: string) => string | null;
}

/** An original sale as the returns desk works with it, from this till's journal or the central API. */
interface Original {
  readonly saleId: string;
  readonly receiptNumber: string;
  readonly soldAt: string;
  readonly source: 'till' | 'central' | 'order';
  readonly lines: readonly OriginalLine[];
  readonly tenders: readonly {
    tenderId: string; kind: string; paid: number; card: CardDetails | null; online?: { method: string; reference: string };
    /** A gift card or store credit: the central account a refund goes back to (as store credit). */
    storedValue?: { accountId: string; maskedNumber: string };
  }[];
  /** Returns of this sale the central API already knew when it was found (source central). */
  readonly centralReturned: { readonly lines: readonly EarlierReturn[]; readonly tenders: readonly { originalTenderId: string; amount: number }[] };
}

export interface ReturnLineView {
  readonly lineId: string;
  readonly barcode: string;
  readonly name: Record<string, string>;
  readonly unitPrice: number;
  readonly sold: number;
  readonly returned: number;
  readonly returnable: number;
  /** What the next unit returned refunds (the paid price, discounts apportioned). */
  readonly unitRefund: number;
  /** Why the policy would refuse it unopened today (a supervisor may still approve), or null. */
  readonly policy: { readonly code: string; readonly message: string } | null;
}

export interface OriginalView {
  readonly saleId: string;
  readonly receiptNumber: string;
  readonly soldAt: string;
  readonly source: 'till' | 'central' | 'order';
  readonly currency: string;
  readonly lines: ReturnLineView[];
  readonly tenders: { kind: string; amount: number; detail?: string }[];
}

export interface ReturnDoneView {
  readonly returnId: string;
  readonly returnNumber: string;
  readonly refund: number;
  readonly currency: string;
  readonly tenders: { kind: string; amount: number; detail?: string }[];
  readonly receipt: { printed: boolean; error?: string };
}

export interface ReturnLineInput {
  readonly lineId: string;
  readonly quantity: number;
  readonly condition: ItemCondition;
  readonly disposition: Disposition;
}

type Reply<T> = Result<T, ReturnErrorCode>;

/** A return whose card refunds started: kept until it commits, so a retry never refunds twice. */
interface Pending {
  readonly returnId: string;
  readonly saleId: string;
  readonly signature: string;
  readonly refunded: Map<string, CardDetails>;
}

const RECEIPT = /^\d{4}-\d{2}-\d{6}$/;
const ORDER_NUMBER = /^\d{6,20}$/;

/**
 * Returns at the lane: find the original (this till's journal, else the store's sales through the
 * central API), see what is returnable, take items back under the return policy, refund to the
 * original tenders (card on the terminal, cash from the drawer), commit, then print.
 */
export class ReturnService {
  private readonly queue = new SerialQueue();
  private readonly found = new Map<string, Original>();
  private pending: Pending | null = null;

  constructor(private readonly deps: ReturnServiceDeps) {}

  find(code: string): Promise<Reply<OriginalView>> {
    return this.queue.run(async () => {
      if (!this.deps.signedIn()) return fail('not_signed_in', M.notSignedIn);
      const receipt = code.trim();
      const orderNumber = parseOrderQr(receipt)?.number ?? (ORDER_NUMBER.test(receipt) ? receipt : null);
      if (orderNumber !== null) {
        const order = this.deps.orders?.byNumber(orderNumber);
        if (!order) return fail('return_not_found', M.orderNotFound(orderNumber));
        const original = fromOrder(order);
        if (original.lines.length === 0) return fail('return_not_found', M.orderNotCollected(orderNumber));
        this.found.set(original.saleId, original);
        return ok(this.view(original));
      }
      if (!RECEIPT.test(receipt)) return fail('invalid_input', M.codeNotReceipt(receipt));
      const local = this.deps.returns.saleByReceipt(receipt);
      let original: Original;
      const voided = local ? (this.deps.voidOf?.(local.id) ?? null) : null;
      if (voided !== null) return fail('return_error', M.voided(voided));
      if (local) original = fromJournal(local);
      else {
        if (!this.deps.lookup) return fail('return_offline', M.offline(receipt));
        const remote = await this.deps.lookup.byReceipt(receipt);
        if (!remote.ok) {
          return remote.code === 'request_rejected' || remote.code === 'invalid_response' || remote.code === 'unauthenticated'
            ? fail('return_error', remote.message)
            : fail('return_offline', M.offline(receipt));
        }
        if (!remote.value) return fail('return_not_found', M.notFound(receipt));
        const s = remote.value;
        original = {
          saleId: s.id,
          receiptNumber: s.receiptNumber,
          soldAt: s.completedAt,
          source: 'central',
          lines: s.lines,
          tenders: paidPerTender(s.tenders, s.change).map((p) => ({ ...p, card: s.tenders.find((t) => t.id === p.tenderId)?.card ?? null })),
          centralReturned: s.returned,
        };
      }
      this.found.set(original.saleId, original);
      return ok(this.view(original));
    });
  }

  /** Takes items of a found sale back and refunds them to its tenders. */
  commit(input: { saleId: string; lines: readonly ReturnLineInput[]; supervisorPin?: string | undefined }): Promise<Reply<ReturnDoneView>> {
    return this.queue.run(async () => {
      const staff = this.deps.signedIn();
      if (!staff) return fail('not_signed_in', M.notSignedIn);
      const original = this.found.get(input.saleId);
      if (!original) return fail('return_not_found', M.notFoundYet);
      // Voided since it was found: checked before any card is refunded (the journal would refuse the return after).
      const voided = original.source === 'till' ? (this.deps.voidOf?.(original.saleId) ?? null) : null;
      if (voided !== null) return fail('return_error', M.voided(voided));
      if (input.lines.length === 0) return fail('invalid_input', M.nothingChosen);
      const now = this.deps.clock.now();
      const earlier = this.earlier(original);
      const returnable = returnableLines(original.lines, earlier.lines);

      // Price each line first: nothing is refunded for a return the journal would refuse.
      const priced: { input: ReturnLineInput; line: OriginalLine; refund: number; policyFailure: string | null }[] = [];
      for (const l of input.lines) {
        const p = priceReturnLine(returnable, l.lineId, l.quantity);
        if (!p.ok) return fail(p.code === 'over_return' ? 'over_return' : 'invalid_input', p.message);
        const category = this.deps.catalog.findByBarcode(p.value.line.line.barcode)?.category ?? '';
        const allowed = checkReturn(this.deps.policy(), category, original.soldAt, now, l.condition);
        priced.push({ input: l, line: p.value.line.line, refund: p.value.refund, policyFailure: allowed.ok ? null : allowed.message });
      }
      let approvedBy: string | null = null;
      const refused = priced.find((p) => p.policyFailure !== null);
      if (refused) {
        if (!input.supervisorPin) return fail('return_policy', M.policy(refused.policyFailure ?? ''));
        const supervisor = await supervisorApproval(this.deps.staff.list(), input.supervisorPin);
        if (!supervisor) return fail('pin_wrong', M.pinWrong);
        approvedBy = supervisor.id;
      }

      const total = priced.reduce((a, p) => a + p.refund, 0);
      const refundedBefore = new Map(earlier.tenders.map((t) => [t.originalTenderId, t.amount]));
      const tenders: OriginalTender[] = original.tenders.map((t) => ({ tenderId: t.tenderId, kind: t.kind, paid: t.paid, refundedBefore: refundedBefore.get(t.tenderId) ?? 0 }));
      const split = splitRefund(total, tenders);
      if (!split.ok) return fail('return_error', split.message);

      const signature = JSON.stringify([input.saleId, input.lines]);
      // Cards already refunded for a return not yet committed: that return is finished first, whatever is asked now.
      if (this.pending && this.pending.signature !== signature && this.pending.refunded.size > 0) {
        return fail('refund_in_progress', M.refundInProgress);
      }
      const pending: Pending = this.pending?.signature === signature ? this.pending : { returnId: this.deps.ids.newId(), saleId: input.saleId, signature, refunded: new Map() };
      this.pending = pending;

      const refundTenders: RefundTender[] = [];
      for (const part of split.value) {
        if (part.kind === 'cash') {
          refundTenders.push({ id: this.deps.ids.newId(), kind: 'cash', amount: part.amount, originalTenderId: part.tenderId });
          continue;
        }
        if (part.kind === 'online') {
          // Refunded by the central API when the return reaches it: at once online, from the outbox after an outage.
          const online = original.tenders.find((t) => t.tenderId === part.tenderId)?.online;
          if (!online) return fail('refund_unsupported', M.tenderUnsupported(part.kind));
          const claim = await this.claimOnline(pending.returnId, original.receiptNumber, priced.map((p) => ({ lineId: p.line.lineId, quantity: p.input.quantity })), part.amount);
          if (!claim.ok) return claim;
          refundTenders.push({ id: this.deps.ids.newId(), kind: 'online', amount: part.amount, originalTenderId: part.tenderId, online });
          continue;
        }
        if (STORED_VALUE_KINDS.has(part.kind)) {
          // Back to the card's central account as store credit, never out of the drawer; the centre credits it with the return.
          const storedValue = original.tenders.find((t) => t.tenderId === part.tenderId)?.storedValue;
          if (!storedValue) return fail('refund_unsupported', M.storedValueElsewhere);
          refundTenders.push({ id: this.deps.ids.newId(), kind: 'storeCredit', amount: part.amount, originalTenderId: part.tenderId, storedValue });
          continue;
        }
        if (part.kind !== 'card') return fail('refund_unsupported', M.tenderUnsupported(part.kind));
        const known = pending.refunded.get(part.tenderId);
        const card: Reply<CardDetails> = known ? ok(known) : await this.refundCard(pending.returnId, part.tenderId, part.amount);
        if (!card.ok) return card;
        pending.refunded.set(part.tenderId, card.value);
        refundTenders.push({ id: this.deps.ids.newId(), kind: 'card', amount: part.amount, originalTenderId: part.tenderId, card: card.value });
      }

      const draft: ReturnDraft = {
        id: pending.returnId,
        staffId: staff.id,
        approvedBy,
        original: { saleId: original.saleId, receiptNumber: original.receiptNumber, soldAt: original.soldAt, source: original.source },
        currency: this.deps.identity.currency,
        lines: priced.map((p): ReturnLine => ({
          lineId: this.deps.ids.newId(),
          originalLineId: p.line.lineId,
          productId: p.line.productId,
          barcode: p.line.barcode,
          name: p.line.name,
          taxClass: p.line.taxClass,
          quantity: p.input.quantity,
          soldQuantity: p.line.quantity,
          refund: p.refund,
          condition: p.input.condition,
          disposition: dispositionFor(p.input.condition, p.input.disposition),
        })),
        tenders: refundTenders,
      };
      return this.finish(draft, staff.name);
    });
  }

  /** A return without a receipt: a supervisor approves it, it is priced at the lowest price of the last N days, and paid back in cash. */
  receiptless(input: { barcode: string; quantity: number; condition: ItemCondition; disposition: Disposition; supervisorPin?: string | undefined }): Promise<Reply<ReturnDoneView>> {
    return this.queue.run(async () => {
      const staff = this.deps.signedIn();
      if (!staff) return fail('not_signed_in', M.notSignedIn);
      const policy = this.deps.policy();
      if (!policy.receiptless.allowed) return fail('return_policy', M.receiptlessOff);
      const product = this.deps.catalog.findByBarcode(input.barcode);
      if (!product) return fail('product_unknown', M.productUnknown(input.barcode));
      if (!input.supervisorPin) return fail('supervisor_required', M.approvalRequired);
      const supervisor = await supervisorApproval(this.deps.staff.list(), input.supervisorPin);
      if (!supervisor) return fail('pin_wrong', M.pinWrong);
      const now = this.deps.clock.now();
      const allowed = checkReturn(policy, product.category, now.toISOString(), now, input.condition);
      if (!allowed.ok) return fail('return_policy', allowed.message);
      const since = new Date(now.getTime() - policy.receiptless.lookbackDays * 86_400_000).toISOString();
      const unit = receiptlessUnitPrice(product.price, this.deps.priceHistory.since(product.id, since), now, policy.receiptless.lookbackDays);
      const refund = unit * input.quantity;
      const draft: ReturnDraft = {
        id: this.deps.ids.newId(),
        staffId: staff.id,
        approvedBy: supervisor.id,
        original: null,
        currency: this.deps.identity.currency,
        lines: [{
          lineId: this.deps.ids.newId(), originalLineId: null, productId: product.id, barcode: product.barcode, name: product.name, taxClass: product.taxClass,
          quantity: input.quantity, soldQuantity: null, refund, condition: input.condition, disposition: dispositionFor(input.condition, input.disposition),
        }],
        tenders: [{ id: this.deps.ids.newId(), kind: 'cash', amount: refund, originalTenderId: null }],
      };
      return this.finish(draft, staff.name, supervisor.name);
    });
  }

  /** The centre's word on an online refund; offline (or a failing centre) the return goes ahead and is queued. */
  private async claimOnline(returnId: string, orderNumber: string, lines: { lineId: string; quantity: number }[], amount: number): Promise<Reply<true>> {
    if (!this.deps.claimOrderReturn) return ok(true);
    const r = await this.deps.claimOrderReturn({ returnId, orderNumber, lines, amount });
    if (!r.ok) return r.code === 'unreachable' || r.code === 'timeout' || r.code === 'http_5xx' ? ok(true) : fail('return_error', r.message);
    if (r.value.status === 'CLAIMED') return ok(true);
    return fail(r.value.code === 'over_return' ? 'over_return' : 'return_error', r.value.message ?? M.claimRefused);
  }

  private async refundCard(returnId: string, tenderId: string, amount: number): Promise<Reply<CardDetails>> {
    const terminal = this.deps.payment;
    if (!terminal) return fail('refund_failed', M.noTerminal);
    // One reference per original card: asking again with it gets what the terminal booked, never a second refund.
    const outcome = await terminal.refund({ amount, currencyNumeric: this.deps.identity.currencyNumeric, reference: `${returnId}/${tenderId}` });
    if (outcome.status === 'declined') return fail('refund_declined', M.refundDeclined(outcome.message));
    if (outcome.status === 'failed') return fail('refund_failed', M.refundFailed(outcome.message));
    return ok({ scheme: outcome.scheme, maskedPan: outcome.maskedPan, approvalCode: outcome.approvalCode, terminalRef: outcome.terminalRef });
  }

  /** Commits, then opens the drawer for cash and prints (a device fault never undoes a return). */
  private async finish(draft: ReturnDraft, cashierName: string, approverName?: string): Promise<Reply<ReturnDoneView>> {
    const now = this.deps.clock.now();
    const committed = this.deps.returns.commitReturn(draft, {
      completedAt: now.toISOString(),
      businessDay: this.deps.businessDay?.() ?? businessDayOf(now, this.deps.identity.timeZone),
      mutationId: this.deps.ids.newId(),
    });
    if (!committed.ok) return fail(committed.code === 'over_return' ? 'over_return' : 'return_error', committed.message);
    this.pending = null;
    const done = committed.value;
    if (done.original) this.found.delete(done.original.saleId);
    this.deps.onCommitted();
    if (done.tenders.some((t) => t.kind === 'cash') && this.deps.printer) {
      const kicked = await this.deps.printer.openDrawer();
      if (!kicked.ok) console.warn(`cash drawer did not open: ${kicked.message}`);
    }
    const receipt = await this.print(done, cashierName, approverName);
    // The paper is owed to the customer: queued like a sale's receipt, reprinted with the others.
    if (!receipt.printed) this.deps.reprints?.enqueue(done.id, receipt.code ?? 'no_printer', now.toISOString(), 'return');
    return ok(doneView(done, { printed: receipt.printed, ...(receipt.error === undefined ? {} : { error: receipt.error }) }));
  }

  /** Prints a return's receipt again, marked as a copy (the paper ran out, the customer lost it). */
  reprint(returnId: string): Promise<Reply<{ printed: boolean; error?: string }>> {
    return this.queue.run(async () => {
      if (!this.deps.signedIn()) return fail('not_signed_in', M.notSignedIn);
      const r = this.deps.returns.findById(returnId);
      if (!r) return fail('return_not_found', M.returnUnknown);
      const { printed, error } = await this.printCopyOf(r);
      return ok(error === undefined ? { printed } : { printed, error });
    });
  }

  /** Prints a queued return receipt (the reprint queue's run), marked as a copy; null: no such return. */
  async printQueued(returnId: string): Promise<{ printed: boolean; code?: string; error?: string } | null> {
    const r = this.deps.returns.findById(returnId);
    return r ? this.printCopyOf(r) : null;
  }

  private printCopyOf(r: CompletedReturn): Promise<{ printed: boolean; code?: string; error?: string }> {
    const name = (id: string | null) => (id === null ? undefined : (this.deps.staff.list().find((s) => s.id === id)?.name ?? id));
    return this.print(r, name(r.staffId) ?? r.staffId, name(r.approvedBy), true);
  }

  private async print(r: CompletedReturn, cashierName: string, approverName?: string, copy = false): Promise<{ printed: boolean; code?: string; error?: string }> {
    if (!this.deps.printer) return { printed: false, code: 'no_printer', error: M.noPrinter };
    const outcome = await this.deps.printer.print(layoutReturnReceipt(r, this.deps.identity, { cashierName, approverName, copy }));
    return outcome.ok ? { printed: true } : { printed: false, code: outcome.code, error: outcome.message };
  }

  /** Earlier returns: this till's own, and (for another till's sale) what the centre knew plus this till's not yet pushed. */
  private earlier(original: Original): { lines: EarlierReturn[]; tenders: { originalTenderId: string; amount: number }[] } {
    const local = original.source === 'central' ? this.deps.returns.unsyncedReturnsOf(original.saleId) : this.deps.returns.returnsOf(original.saleId);
    return {
      lines: [...original.centralReturned.lines, ...local.lines],
      tenders: [...original.centralReturned.tenders, ...local.tenders],
    };
  }

  private view(original: Original): OriginalView {
    const now = this.deps.clock.now();
    const lines = returnableLines(original.lines, this.earlier(original).lines);
    return {
      saleId: original.saleId,
      receiptNumber: original.receiptNumber,
      soldAt: original.soldAt,
      source: original.source,
      currency: this.deps.identity.currency,
      lines: lines.map((r) => {
        const category = this.deps.catalog.findByBarcode(r.line.barcode)?.category ?? '';
        const allowed = checkReturn(this.deps.policy(), category, original.soldAt, now, 'unopened');
        const next = r.returnable > 0 ? refundFor(r, 1) : null;
        return {
          lineId: r.line.lineId, barcode: r.line.barcode, name: { ...r.line.name }, unitPrice: r.line.unitPrice,
          sold: r.line.quantity, returned: r.returned, returnable: r.returnable, unitRefund: next?.ok ? next.value : 0,
          policy: allowed.ok ? null : { code: allowed.code, message: allowed.message },
        };
      }),
      tenders: original.tenders.map((t) => ({
        kind: t.kind, amount: t.paid,
        ...(t.card ? { detail: `${t.card.scheme} ${t.card.maskedPan}` } : t.online ? { detail: t.online.method } : t.storedValue ? { detail: t.storedValue.maskedNumber } : {}),
      })),
    };
  }
}

/** Tender kinds paid from a central account (a journal's and the central API's spelling). */
const STORED_VALUE_KINDS = new Set(['giftCard', 'storeCredit', 'gift_card', 'store_credit']);

function fromJournal(sale: CompletedSale): Original {
  return {
    saleId: sale.id,
    receiptNumber: sale.receiptNumber,
    soldAt: sale.completedAt,
    source: 'till',
    lines: sale.lines.map((l) => ({
      lineId: l.lineId, productId: l.productId, barcode: l.barcode, name: l.name, taxClass: l.taxClass, unitPrice: l.unitPrice,
      quantity: l.quantity, discount: sale.totals.lineDiscounts?.[l.lineId] ?? 0, voided: l.voided,
    })),
    tenders: paidPerTender(sale.tenders, sale.change).map((p) => {
      const t = sale.tenders.find((x) => x.id === p.tenderId);
      return {
        ...p, card: t?.kind === 'card' ? t.card : null,
        ...(t && isStoredValue(t) ? { storedValue: { accountId: t.storedValue.accountId, maskedNumber: t.storedValue.maskedNumber } } : {}),
      };
    }),
    centralReturned: { lines: [], tenders: [] },
  };
}

/**
 * An online order as an original: what the customer received (handed out at pickup, or delivered)
 * is returnable, at the order's prices, back to its online payment less what was refunded already
 * (shortages, refusals at the counter).
 */
function fromOrder(order: StoreOrder): Original {
  const received = (l: StoreOrder['lines'][number]): number =>
    order.fulfilment === 'DELIVERY' ? (order.state === 'DELIVERED' ? l.quantity : 0) : order.state === 'COLLECTED' ? (l.handedOutQuantity ?? 0) : 0;
  const refundedOutside = order.refunds.filter((r) => !r.reason.startsWith('return')).reduce((a, r) => a + r.amount, 0);
  return {
    saleId: order.id,
    receiptNumber: order.number,
    soldAt: order.placedAt,
    source: 'order',
    lines: order.lines
      .filter((l) => received(l) > 0)
      .map((l) => ({ lineId: l.lineId, productId: l.productId, barcode: l.barcode, name: l.name, taxClass: l.taxClass, unitPrice: l.unitPrice, quantity: received(l), discount: 0, voided: false })),
    tenders: [{ tenderId: `online:${order.payment.reference}`, kind: 'online', paid: order.payment.amount - refundedOutside, card: null, online: { method: order.payment.method, reference: order.payment.reference } }],
    centralReturned: { lines: [], tenders: [] },
  };
}

function doneView(r: CompletedReturn, receipt: { printed: boolean; error?: string }): ReturnDoneView {
  return {
    returnId: r.id,
    returnNumber: r.receiptNumber,
    refund: r.totals.total,
    currency: r.currency,
    tenders: r.tenders.map((t) => ({
      kind: t.kind,
      amount: t.amount,
      ...(t.kind === 'card' ? { detail: `${t.card.scheme} ${t.card.maskedPan}` } : t.kind === 'online' ? { detail: t.online.method } : t.kind === 'storeCredit' ? { detail: t.storedValue.maskedNumber } : {}),
    })),
    receipt,
  };
}
