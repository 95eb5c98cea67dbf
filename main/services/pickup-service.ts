import type { Clock, Ids, TillIdentity } from '../core/ports.ts';
import { type Result, fail, ok } from '../core/result.ts';
import type { Product } from '../core/product.ts';
import { HANDOUT_MESSAGES, type HandoutProof, type Refusal, checkProof, handoutValue, offlineHandoutPolicy, planHandout } from '../core/pickup/handout.ts';
import { parseOrderQr } from '../core/pickup/order-qr.ts';
import { type PickProgress, nothingPicked, pickScan, pickSubstitute, pickSummary, startPicking, unpick } from '../core/pickup/picking.ts';
import { type DeskState, type StoreOrder, availableOf, deskCounts, deskStateOf } from '../core/pickup/store-order.ts';
import type { SqliteStoreOrders } from '../store/store-order-repository.ts';
import type { StreamSinkPort } from '../../sync/ports.ts';
import type { OrderApi } from '../../sync/order-client.ts';
import type { ReceiptPrinter } from '../../drivers/printer/types.ts';
import type { PickupHandoutPayload } from '../core/pickup/order-mutation.ts';
import { parseBarcode } from '../../drivers/scanner/protocol/barcode.ts';
import type { PickupOrderDetail, PickupOrderView, PickupScanView } from '../api/pickup-contract.ts';
import type { StaffView } from '../api/contract.ts';
import { layoutPickupReceipt } from './pickup-receipt-layout.ts';

export const PICKUP_MESSAGES = {
  notSignedIn: 'sign in first',
  unknownOrder: (n: string) => `this store has no pickup order ${n} on this till`,
  notPickable: (n: string, state: string) => `order ${n} cannot be picked now (${state})`,
  notPicking: (n: string) => `order ${n} is not being picked: start picking it first`,
  nothingPicked: 'nothing was picked: an order with nothing in it is cancelled by the web shop, not made ready',
  productUnknown: (b: string) => `no product has barcode ${b}`,
  scanUnexpected: 'scan an order QR, or open an order to pick it first',
  syncing: (n: string) => `order ${n} is still being sent to the central system: try again in a moment`,
  alreadyHandedOut: (n: string) => `order ${n} was already handed out`,
  notToPutBack: (n: string) => `order ${n} is not waiting to be put back`,
  centralError: (m: string) => `the central system could not take the hand-out: ${m}`,
} as const;

const OFFLINE = new Set(['unreachable', 'timeout', 'http_5xx']);

export interface PickupDeskDeps {
  readonly orders: SqliteStoreOrders;
  readonly api: OrderApi;
  readonly findProduct: (barcode: string) => Product | undefined;
  /** The store's offline.pickupHandout policy as configured (config stream). */
  readonly offlinePolicy: () => unknown;
  readonly printer: ReceiptPrinter | null;
  readonly identity: TillIdentity;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly staff: () => StaffView | null;
  /** Push and pull now (a change to send, or an answer to wait for). */
  readonly poke: () => void;
  readonly events: {
    readonly orderArrived: (e: { number: string; customerName: string; dueAt: string | null }) => void;
    readonly ordersChanged: () => void;
    readonly scanned: (s: PickupScanView) => void;
  };
}

/**
 * The pickup desk: the store's online orders picked with the scanner, staged, handed out. A hand-out
 * is a claim through the centre; when the centre cannot be reached it follows the store's offline
 * policy and goes through the outbox, where the centre flags it if another till got there first.
 */
export class PickupDesk {
  /** The pickup screen is showing: the till's scanner feeds the desk. */
  attached = false;
  /** The order this till is picking, where product scans count. */
  private picking: string | null = null;
  /**
   * A claim whose answer never came (the centre may have taken it): asking again sends the very same
   * claim, which the centre answers as it did the first time, so a retry can never hand out twice.
   */
  private readonly unanswered = new Map<string, PickupHandoutPayload>();

  constructor(private readonly deps: PickupDeskDeps) {}

  /** The order stream's sink: tells the desk what arrived. */
  sink(): StreamSinkPort<StoreOrder> {
    return {
      cursor: (stream) => this.deps.orders.cursor(stream),
      applyPage: (stream, items, cursor, reset) => {
        const arrived = items.filter((o) => o.fulfilment === 'PICKUP' && o.state === 'PLACED' && !this.deps.orders.byNumber(o.number));
        this.deps.orders.applyPage(stream, items, cursor, reset);
        for (const o of arrived) this.deps.events.orderArrived({ number: o.number, customerName: o.customerName, dueAt: o.dueAt });
        if (items.length > 0 || reset) this.deps.events.ordersChanged();
      },
    };
  }

  list(): { orders: PickupOrderView[]; counts: Record<DeskState, number>; offlineHandoutAllowed: boolean } {
    const now = this.deps.clock.now();
    const orders = this.deps.orders.pickupOrders();
    return {
      orders: orders.map((o) => this.view(o, now)),
      counts: deskCounts(orders, now),
      offlineHandoutAllowed: offlineHandoutPolicy(this.deps.offlinePolicy()).allowed,
    };
  }

  order(number: string): Result<PickupOrderDetail> {
    const o = this.deps.orders.byNumber(number);
    if (!o || o.fulfilment !== 'PICKUP') return fail('order_unknown', PICKUP_MESSAGES.unknownOrder(number));
    // An order picked here before a restart: opening it carries on picking where the scans left off.
    if (this.deps.orders.pickProgress(number)) this.picking = number;
    return ok(this.detail(o));
  }

  /** A scan at the desk (wedge, manual or the till's scanner); the outcome also goes out as an event. */
  scan(code: string): PickupScanView {
    const outcome = this.scanOutcome(code.trim());
    this.deps.events.scanned(outcome);
    return outcome;
  }

  private scanOutcome(code: string): PickupScanView {
    const refused = (c: string, message: string, number: string | null = this.picking): PickupScanView => ({ outcome: 'refused', number, lineId: null, code: c, message, qr: null });
    const qr = parseOrderQr(code);
    if (qr) {
      const o = this.deps.orders.byNumber(qr.number);
      if (!o || o.fulfilment !== 'PICKUP') return refused('order_unknown', PICKUP_MESSAGES.unknownOrder(qr.number), null);
      const checked = checkProof(o, { kind: 'qr', text: code });
      if (!checked.ok) return refused(checked.code, checked.message, null);
      return { outcome: 'order', number: o.number, lineId: null, code: null, message: null, qr: code };
    }
    const number = this.picking;
    if (!number) return refused('scan_unexpected', PICKUP_MESSAGES.scanUnexpected, null);
    // Validated like a lane scan (check digits): a garbled read never counts as a product.
    const parsed = parseBarcode(code);
    if (!parsed.ok) return refused('barcode_invalid', parsed.message);
    const barcode = parsed.value.kind === 'gtin' ? (parsed.value.ean13 ?? parsed.value.gtin) : parsed.value.data;
    const o = this.deps.orders.byNumber(number);
    const saved = this.deps.orders.pickProgress(number);
    if (!o || !saved) return refused('not_picking', PICKUP_MESSAGES.notPicking(number));
    const r = pickScan(o, saved.progress, barcode);
    if (!r.ok) return refused(r.code, r.message);
    this.deps.orders.savePickProgress(number, saved.staffId, r.value.progress, this.deps.clock.now().toISOString());
    return { outcome: 'picked', number, lineId: r.value.lineId, code: null, message: null, qr: null };
  }

  startPicking(number: string): Result<PickupOrderDetail> {
    const staff = this.deps.staff();
    if (!staff) return fail('not_signed_in', PICKUP_MESSAGES.notSignedIn);
    const o = this.deps.orders.byNumber(number);
    if (!o || o.fulfilment !== 'PICKUP') return fail('order_unknown', PICKUP_MESSAGES.unknownOrder(number));
    if (o.state !== 'PLACED' && o.state !== 'PICKING') return fail('order_not_pickable', PICKUP_MESSAGES.notPickable(number, o.state));
    const at = this.deps.clock.now().toISOString();
    if (!this.deps.orders.pickProgress(number)) this.deps.orders.savePickProgress(number, staff.id, startPicking(o), at);
    this.picking = number;
    if (o.state === 'PLACED') {
      const picking: StoreOrder = { ...o, state: 'PICKING' };
      this.deps.orders.record({ order: picking, mutation: { kind: 'ORDER_PICKING', payload: { orderNumber: number, staffId: staff.id } }, mutationId: this.deps.ids.newId(), at });
      this.changed();
      return ok(this.detail(picking));
    }
    return ok(this.detail(o));
  }

  substitute(number: string, lineId: string, barcode: string): Result<PickupOrderDetail> {
    return this.withProgress(number, (o, progress) => {
      const product = this.deps.findProduct(barcode);
      if (!product) return fail('product_unknown', PICKUP_MESSAGES.productUnknown(barcode));
      return pickSubstitute(o, progress, lineId, { barcode: product.barcode, productId: product.id, name: product.name });
    });
  }

  unpick(number: string, lineId: string): Result<PickupOrderDetail> {
    return this.withProgress(number, (_o, progress) => ok(unpick(progress, lineId)));
  }

  private withProgress(number: string, change: (o: StoreOrder, p: PickProgress) => Result<PickProgress>): Result<PickupOrderDetail> {
    const o = this.deps.orders.byNumber(number);
    const saved = this.deps.orders.pickProgress(number);
    if (!o) return fail('order_unknown', PICKUP_MESSAGES.unknownOrder(number));
    if (!saved) return fail('not_picking', PICKUP_MESSAGES.notPicking(number));
    const r = change(o, saved.progress);
    if (!r.ok) return r;
    this.deps.orders.savePickProgress(number, saved.staffId, r.value, this.deps.clock.now().toISOString());
    this.picking = number;
    return ok(this.detail(o));
  }

  /** Picking done: the order as picked, staged, and ORDER_PICKED in the outbox (the centre notifies the customer). */
  ready(number: string, stagingLocation: string): Result<PickupOrderDetail> {
    const staff = this.deps.staff();
    if (!staff) return fail('not_signed_in', PICKUP_MESSAGES.notSignedIn);
    const o = this.deps.orders.byNumber(number);
    const saved = this.deps.orders.pickProgress(number);
    if (!o) return fail('order_unknown', PICKUP_MESSAGES.unknownOrder(number));
    if (!saved || (o.state !== 'PLACED' && o.state !== 'PICKING' && o.state !== 'CANCELLED')) return fail('not_picking', PICKUP_MESSAGES.notPicking(number));
    if (nothingPicked(saved.progress)) return fail('nothing_picked', PICKUP_MESSAGES.nothingPicked);
    const summary = pickSummary(o, saved.progress);
    const lines = o.lines.map((l) => {
      const s = summary.find((x) => x.lineId === l.lineId);
      const p = saved.progress.find((x) => x.lineId === l.lineId);
      return {
        ...l,
        pickedQuantity: s?.pickedQuantity ?? 0,
        substitute: p?.substitute ? { barcode: p.substitute.barcode, productId: p.substitute.productId, name: p.substitute.name['ko'] ?? null, quantity: p.substitute.quantity } : null,
      };
    });
    // A cancelled order picked anyway stays cancelled: its goods are now staged, to be put back.
    const picked: StoreOrder = { ...o, state: o.state === 'CANCELLED' ? 'CANCELLED' : 'READY', stagingLocation, lines };
    const at = this.deps.clock.now().toISOString();
    this.deps.orders.record({
      order: picked,
      mutation: {
        kind: 'ORDER_PICKED',
        payload: {
          orderNumber: number, staffId: staff.id, stagingLocation,
          lines: summary.map((s) => ({ lineId: s.lineId, pickedQuantity: s.pickedQuantity, substituteBarcode: s.substituteBarcode, substituteQuantity: s.substituteQuantity })),
        },
      },
      mutationId: this.deps.ids.newId(),
      at,
      endPicking: true,
    });
    if (this.picking === number) this.picking = null;
    this.changed();
    return ok(this.detail(picked));
  }

  /** The order the customer's proof points at. */
  find(proof: HandoutProof): Result<PickupOrderDetail> {
    const number = proof.kind === 'qr' ? parseOrderQr(proof.text)?.number : proof.number;
    const o = number ? this.deps.orders.byNumber(number) : undefined;
    if (!o || o.fulfilment !== 'PICKUP') return fail('order_unknown', PICKUP_MESSAGES.unknownOrder(number ?? '?'));
    const checked = checkProof(o, proof);
    if (!checked.ok) return checked;
    return ok(this.detail(o));
  }

  async handOut(number: string, proof: HandoutProof, refusals: readonly Refusal[]): Promise<
    Result<{ order: PickupOrderDetail; mode: 'online' | 'offline'; refunded: number; receipt: { printed: boolean; error?: string } }>
  > {
    const staff = this.deps.staff();
    if (!staff) return fail('not_signed_in', PICKUP_MESSAGES.notSignedIn);
    const o = this.deps.orders.byNumber(number);
    if (!o || o.fulfilment !== 'PICKUP') return fail('order_unknown', PICKUP_MESSAGES.unknownOrder(number));
    const checked = checkProof(o, proof);
    if (!checked.ok) return checked;
    const retry = this.unanswered.get(number);
    // Known here to be collected already (the stream brought a hand-out), unless it may be this till's own unanswered claim.
    if (o.state === 'COLLECTED' && !retry) return fail('already_handed_out', PICKUP_MESSAGES.alreadyHandedOut(number));
    const plan = retry ? ok(retry.lines) : planHandout(o, refusals);
    if (!plan.ok) return plan;
    if (!retry && this.deps.orders.pendingFor(number) > 0) {
      this.deps.poke();
      return fail('order_syncing', PICKUP_MESSAGES.syncing(number));
    }
    const payload: PickupHandoutPayload = retry ?? {
      handoutId: this.deps.ids.newId(), orderNumber: number, expectedVersion: o.version, staffId: staff.id,
      handedOutAt: this.deps.clock.now().toISOString(), proof: checked.value, lines: plan.value,
    };
    const { handoutId, handedOutAt } = payload;
    const handout = { ...payload, mode: 'online' as const };
    const claim = await this.deps.api.claimPickupHandout(payload);
    let mode: 'online' | 'offline' = 'online';
    let after: StoreOrder;
    const collected = (): StoreOrder => ({
      ...o,
      state: 'COLLECTED',
      lines: o.lines.map((l) => {
        const h = plan.value.find((x) => x.lineId === l.lineId);
        return { ...l, handedOutQuantity: h?.quantity ?? 0, refusedQuantity: h?.refused ?? 0 };
      }),
    });
    if (claim.ok) {
      this.unanswered.delete(number);
      if (claim.value.status === 'REFUSED') {
        if (claim.value.order) this.deps.orders.refresh(claim.value.order);
        this.changed();
        return fail(claim.value.code ?? 'claim_refused', claim.value.message ?? claim.value.code ?? 'refused');
      }
      after = claim.value.order ?? collected();
      this.deps.orders.record({ order: after, mutation: null, mutationId: handoutId, at: handedOutAt, handout });
    } else if (OFFLINE.has(claim.code)) {
      // The claim may have reached the centre before the line dropped: kept, to be sent again as it was.
      this.unanswered.set(number, payload);
      if (!offlineHandoutPolicy(this.deps.offlinePolicy()).allowed) return fail('offline_not_allowed', HANDOUT_MESSAGES.offlineNotAllowed);
      this.unanswered.delete(number);
      mode = 'offline';
      after = collected();
      this.deps.orders.record({
        order: after, mutation: { kind: 'PICKUP_HANDOUT', payload }, mutationId: this.deps.ids.newId(), at: handedOutAt, handout: { ...payload, mode },
      });
    } else {
      return fail('central_error', PICKUP_MESSAGES.centralError(claim.message));
    }
    this.changed();
    const { refunded } = handoutValue(o, plan.value);
    const receipt = await this.printReceipt(o, plan.value, refunded, handedOutAt, staff.name, mode === 'offline');
    return ok({ order: this.detail(after), mode, refunded, receipt });
  }

  private async printReceipt(order: StoreOrder, lines: Parameters<typeof layoutPickupReceipt>[0]['lines'], refunded: number, at: string, staffName: string, offline: boolean) {
    if (!this.deps.printer) return { printed: false, error: 'no receipt printer is configured' };
    const outcome = await this.deps.printer.print(layoutPickupReceipt({ order, lines, refunded, handedOutAt: at, staffName, offline }, this.deps.identity));
    return outcome.ok ? { printed: true } : { printed: false, error: outcome.message };
  }

  /** The goods of a no-show (or of a picked order the web shop cancelled) are back on the shelf. */
  putBack(number: string): Result<PickupOrderDetail> {
    const staff = this.deps.staff();
    if (!staff) return fail('not_signed_in', PICKUP_MESSAGES.notSignedIn);
    const o = this.deps.orders.byNumber(number);
    const now = this.deps.clock.now();
    if (!o) return fail('order_unknown', PICKUP_MESSAGES.unknownOrder(number));
    if (deskStateOf(o, now) !== 'to_put_back') return fail('not_to_put_back', PICKUP_MESSAGES.notToPutBack(number));
    const reason = o.state === 'CANCELLED' ? ('cancelled' as const) : ('no_show' as const);
    const at = now.toISOString();
    const putBack: StoreOrder = { ...o, state: 'CANCELLED', putBackAt: at, cancelReason: o.cancelReason ?? reason };
    this.deps.orders.record({ order: putBack, mutation: { kind: 'ORDER_PUT_BACK', payload: { orderNumber: number, staffId: staff.id, reason } }, mutationId: this.deps.ids.newId(), at });
    this.changed();
    return ok(this.detail(putBack));
  }

  private changed(): void {
    this.deps.poke();
    this.deps.events.ordersChanged();
  }

  /**
   * Only pickup orders reach the desk (deskStateOf is null for delivery). An order whose claim from
   * this till went unanswered stays to collect here even if the stream says collected: the customer
   * has nothing yet, and asking again (the same claim) settles whose hand-out it was.
   */
  private view(o: StoreOrder, now: Date): PickupOrderView {
    const unanswered = this.unanswered.has(o.number) && o.state === 'COLLECTED';
    return {
      number: o.number, state: unanswered ? 'READY' : o.state, desk: unanswered ? 'to_collect' : (deskStateOf(o, now) ?? 'handed_out'), customerName: o.customerName, phoneLast4: o.phoneLast4, placedAt: o.placedAt, dueAt: o.dueAt,
      deadlineAt: o.deadlineAt, stagingLocation: o.stagingLocation, total: o.total, currency: o.currency,
      itemCount: o.lines.reduce((a, l) => a + l.quantity, 0), flag: o.flag, syncing: this.deps.orders.pendingFor(o.number) > 0,
      version: o.version,
    };
  }

  private detail(o: StoreOrder): PickupOrderDetail {
    const saved = this.deps.orders.pickProgress(o.number);
    return {
      ...this.view(o, this.deps.clock.now()),
      picking: saved !== undefined,
      payment: { method: o.payment.method, amount: o.payment.amount },
      cancelReason: o.cancelReason,
      lines: o.lines.map((l) => {
        const p = saved?.progress.find((x) => x.lineId === l.lineId);
        const substitute = p ? p.substitute && { barcode: p.substitute.barcode, name: p.substitute.name['ko'] ?? p.substitute.barcode, quantity: p.substitute.quantity }
          : l.substitute && { barcode: l.substitute.barcode, name: l.substitute.name ?? l.substitute.barcode, quantity: l.substitute.quantity };
        const picked = p ? p.picked : (l.pickedQuantity ?? 0);
        return {
          lineId: l.lineId, barcode: l.barcode, name: { ...l.name }, unitPrice: l.unitPrice, quantity: l.quantity, picked, substitute: substitute ?? null,
          available: p ? picked + (substitute?.quantity ?? 0) : availableOf(l), handedOut: l.handedOutQuantity, refused: l.refusedQuantity,
        };
      }),
    };
  }
}
