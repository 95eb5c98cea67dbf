import type { Catalog, Clock, Ids } from '../core/ports.ts';
import { digitalReceiptUrl } from './digital-receipt-url.ts';
import type { TaxRules } from '../core/tax.ts';
import {
  type InterventionReason,
  type KioskPolicy,
  type KioskSession,
  attractSession,
  backToBasket,
  basketChanged,
  canPay,
  idle,
  isMemberAppCode,
  paid,
  paymentDeclined,
  paymentStarted,
  raise,
  removalNeedsStaff,
  resolve,
  start,
  touch,
  warned,
} from '../core/kiosk/kiosk-session.ts';
import { promotionsForProduct } from '../core/kiosk/price-check.ts';
import { readLookupQuery } from '../core/loyalty/member.ts';
import { parseOrderQr } from '../core/pickup/order-qr.ts';
import type { HandoutProof } from '../core/pickup/handout.ts';
import type { PickupOrderDetail } from '../api/pickup-contract.ts';
import { type Result, fail, ok } from '../core/result.ts';
import type { Handlers } from '../api/dispatch.ts';
import type { CompletedSaleView, Reply, SaleView } from '../api/contract.ts';
import type { KioskView, PriceCheckView } from '../api/kiosk-contract.ts';
import type { SqliteKioskEvents } from '../store/kiosk-event-repository.ts';
import type { SqliteLooseItems } from '../store/loose-item-repository.ts';
import type { Product } from '../core/product.ts';
import type { SqlitePromotions } from '../store/promotion-repository.ts';
import type { StaffRecord } from '../store/staff-repository.ts';
import { parseBarcode } from '../../drivers/scanner/protocol/barcode.ts';
import type { EventBus } from './event-bus.ts';
import type { StaffCallClient } from '../../sync/staff-call-client.ts';
import type { StaffCallWatch } from './staff-call-watch.ts';
import type { KioskConfig } from './kiosk-config.ts';
import type { Lane } from './lane.ts';
import { verifyPin } from './pin-hash.ts';
import { SUPERVISOR_ROLES } from './shift-approval.ts';

export const KIOSK_MESSAGES = {
  notAKiosk: 'this till is not a self-checkout kiosk',
  staffRequired: 'at a self-checkout kiosk this needs a staff member: the kiosk calls one',
  cashNotFitted: 'this kiosk takes cards only (no cash module is configured)',
  noCall: 'that staff call is no longer open',
  pinWrong: 'that PIN is not a staff PIN',
  exitNeedsSupervisor: 'leaving kiosk mode needs a supervisor or manager PIN',
  noReceipt: 'there is no paid sale to give a receipt for',
  paymentInFlight: 'the card terminal is taking a payment: scan again when it is done',
  lineNotFound: 'that line is not in the basket',
  orderUnknown: 'this till does not know that order',
  memberUnknown: 'no member with that app code on this till',
  orderClosed: (n: string) => `order ${n} was already collected or cancelled`,
  fullPhoneRequired: 'at a kiosk a member is found by the whole mobile number or the app QR code',
  productUnknown: (code: string) => `no product with the barcode ${code}`,
} as const;

type KioskResult<T> = Result<T, string>;

export interface KioskDeps {
  readonly lane: Lane;
  readonly bus: EventBus;
  readonly log: SqliteKioskEvents;
  readonly staff: { list(): readonly StaffRecord[] };
  readonly config: KioskConfig;
  readonly identity: { readonly tillId: string; readonly tillNumber: string; readonly currency: string };
  /** The central API's URL; digital receipts live on its origin unless configured elsewhere. */
  readonly centralUrl: string;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Members on the till: the app's QR scanned at the kiosk identifies the customer. */
  readonly members?: { lookup(raw: string): Result<readonly { id: string }[], string>; attach(memberId: string): Promise<Result<SaleView, string>> };
  /** Items for the picture grid (by the configured categories). */
  readonly looseItems?: Pick<SqliteLooseItems, 'byCategories'>;
  /** The store's online orders on this till: a customer scanning an order QR is found here. */
  readonly pickup?: { find(proof: HandoutProof): Result<PickupOrderDetail, string> };
  /** Tells the store's staff tills about calls through the central API (a notice: the log above is the record). */
  readonly relay?: Pick<StaffCallClient, 'raise' | 'close'>;
}

/**
 * The self-checkout kiosk: the customer's session over the lane's own sale flow (pricing, tenders,
 * commit and push are the lane's), plus what only a kiosk does: staff calls answered by PIN, the
 * idle reset, the receipt choice, a staff exit. Every call and answer goes to the kiosk log.
 */
export class KioskService {
  private session: KioskSession;
  private paymentError: string | null = null;
  private completed: (CompletedSaleView & { currency: string }) | null = null;
  private receipt: KioskView['receipt'] = null;
  private pickup: KioskView['pickup'] = null;
  private readonly policy: KioskPolicy;
  private readonly timer: NodeJS.Timeout;
  private readonly offBus: () => void;
  /** Call notices not yet told to central (offline): sent in order when it answers again. */
  private readonly outgoing: ({ kind: 'raise'; id: string; reason: string; raisedAt: string } | { kind: 'close'; id: string })[] = [];
  private relaying = false;

  private constructor(private readonly deps: KioskDeps) {
    this.policy = { idleWarnMs: deps.config.idleWarnMs, idleResetMs: deps.config.idleResetMs, maxItems: deps.config.maxItems };
    this.session = attractSession(this.defaultLanguage, this.now());
    this.offBus = deps.bus.onEvent((event, payload) => {
      if (event === 'sale') this.onSale(payload as SaleView | null);
    });
    // The idle rule is checked twice a second: a warning shows within half a second of being due.
    this.timer = setInterval(() => void this.tick(), 500);
    this.timer.unref();
  }

  /** Attends the lane as the kiosk and picks up where a crash left off: a paid draft is committed, an open basket is resumed. */
  static async start(deps: KioskDeps): Promise<KioskService> {
    deps.lane.attend({ id: `kiosk-${deps.identity.tillId}`, name: `Self-checkout ${deps.identity.tillNumber}`, role: 'kiosk' });
    const kiosk = new KioskService(deps);
    const finished = await deps.lane.finishPaid();
    if (finished?.ok && finished.value.completed) {
      kiosk.complete(finished.value.completed);
    } else {
      const open = deps.lane.view();
      if (open) kiosk.onSale(open);
    }
    return kiosk;
  }

  stop(): void {
    clearInterval(this.timer);
    this.offBus();
  }

  private get defaultLanguage(): string {
    return this.deps.config.languages[0] ?? 'ko';
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
  }

  private newId = (): string => this.deps.ids.newId();

  view(): KioskView {
    const s = this.session;
    const idles = s.phase !== 'attract' && s.payment !== 'in_flight' && s.interventions.length === 0 && !(s.tendered && s.phase !== 'receipt');
    return {
      phase: s.phase,
      language: s.language,
      interventions: s.interventions.map((i) => ({ id: i.id, reason: i.reason, lineId: i.lineId ?? null, raisedAt: this.iso(i.raisedAt) })),
      payment: s.payment,
      paymentError: s.payment === 'declined' ? this.paymentError : null,
      idleWarning: s.idleWarning,
      idleResetAt: idles ? this.iso(s.lastActivityAt + this.policy.idleResetMs) : null,
      completed: this.completed
        ? { saleId: this.completed.saleId, receiptNumber: this.completed.receiptNumber, total: this.completed.total, currency: this.completed.currency }
        : null,
      receipt: this.receipt,
      pickup: this.pickup,
      cashAllowed: this.deps.config.cash,
      languages: [...this.deps.config.languages],
    };
  }

  /** Sets the session, logs the staff calls it newly raised, and tells the screens. */
  private commit(next: KioskSession): KioskView {
    const before = new Set(this.session.interventions.map((i) => i.id));
    const saleId = this.deps.lane.view()?.id ?? null;
    for (const i of next.interventions) {
      if (!before.has(i.id)) this.record('called', { interventionId: i.id, reason: i.reason, lineId: i.lineId ?? null, saleId, detail: i.reason === 'pickup' ? (this.pickup?.number ?? null) : null });
    }
    const after = new Set(next.interventions.map((i) => i.id));
    for (const i of next.interventions) if (!before.has(i.id)) this.outgoing.push({ kind: 'raise', id: i.id, reason: i.reason, raisedAt: this.iso(i.raisedAt) });
    for (const id of before) if (!after.has(id)) this.outgoing.push({ kind: 'close', id });
    if (this.outgoing.length > 0) void this.relay();
    this.session = next;
    const view = this.view();
    this.deps.bus.emit('kiosk.session', view);
    return view;
  }

  private record(kind: Parameters<SqliteKioskEvents['record']>[0]['kind'], fields: Omit<Parameters<SqliteKioskEvents['record']>[0], 'id' | 'at' | 'kind'> = {}): void {
    this.deps.log.record({ id: this.newId(), at: this.iso(this.now()), kind, ...fields });
  }

  private onSale(view: SaleView | null): void {
    let s = this.session;
    // The next customer scans while the last one's receipt screen is still up: a new session.
    if (view && s.phase === 'receipt' && view.lines.length > 0) s = this.fresh(s.language);
    if (!view && s.phase !== 'scanning') return;
    const facts = {
      hasSale: view !== null,
      itemCount: view?.totals.itemCount ?? 0,
      agePending: view?.lines.filter((l) => !l.voided && l.ageCheck === 'pending').map((l) => l.lineId) ?? [],
      tendered: (view?.tenders.length ?? 0) > 0,
    };
    this.commit(basketChanged(s, facts, this.policy, this.newId, this.now()));
  }

  private fresh(language: string): KioskSession {
    this.completed = null;
    this.receipt = null;
    this.paymentError = null;
    this.pickup = null;
    return attractSession(language, this.now());
  }

  private complete(done: CompletedSaleView): void {
    this.completed = { ...done, currency: this.deps.identity.currency };
    this.receipt = null;
    this.commit(paid(this.session, done.saleId, this.now()));
  }

  startSession(language: string): KioskResult<KioskView> {
    if (this.session.phase === 'receipt') this.session = this.fresh(language);
    return ok(this.commit(start(this.session, language, this.now())));
  }

  async scan(code: string, source: 'camera' | 'wedge' | 'manual' | 'scanner'): Promise<KioskResult<KioskView>> {
    if (this.session.payment === 'in_flight') return fail('payment_in_flight', KIOSK_MESSAGES.paymentInFlight);
    if (parseOrderQr(code)) return this.collectOrder(code);
    if (isMemberAppCode(code)) return this.identifyMember(code);
    if (this.session.phase === 'paying') this.session = backToBasket(this.session, this.now());
    const r = await this.deps.lane.scan(code, source === 'wedge' || source === 'manual' ? source : 'scanner');
    if (!r.ok) return r;
    return ok(this.view());
  }

  /** An online order's QR: staff are called to bring the order, and the customer is told where to wait. */
  private collectOrder(qr: string): KioskResult<KioskView> {
    const found = this.deps.pickup?.find({ kind: 'qr', text: qr }) ?? fail('order_unknown', KIOSK_MESSAGES.orderUnknown);
    if (!found.ok) {
      // Said on screen whichever scanner read it (a device scan has no reply to carry it).
      this.deps.bus.emit('scanRejected', { code: qr, reason: found.code, message: found.message });
      return found;
    }
    const order = found.value;
    if (order.desk === 'handed_out' || order.desk === 'cancelled') return fail('order_closed', KIOSK_MESSAGES.orderClosed(order.number));
    const now = this.now();
    const s = this.session.phase === 'attract' || this.session.phase === 'receipt' ? start(this.fresh(this.session.language), this.session.language, now) : this.session;
    this.pickup = { number: order.number, customerName: order.customerName, itemCount: order.itemCount, ready: order.desk === 'to_collect', waitAt: { ...this.deps.config.pickupWaitAt } };
    return ok(this.commit(raise(touch(s, now), 'pickup', this.newId(), now)));
  }

  private async identifyMember(token: string): Promise<KioskResult<KioskView>> {
    const found = this.deps.members?.lookup(token) ?? fail('member_unknown', KIOSK_MESSAGES.memberUnknown);
    const member = found.ok && found.value.length === 1 ? found.value[0] : undefined;
    if (!member) {
      const message = found.ok ? KIOSK_MESSAGES.memberUnknown : found.message;
      this.deps.bus.emit('scanRejected', { code: token, reason: 'member_unknown', message });
      return fail('member_unknown', message);
    }
    if (this.session.phase === 'attract' || this.session.phase === 'receipt') this.commit(start(this.fresh(this.session.language), this.session.language, this.now()));
    const r = await this.deps.members?.attach(member.id);
    if (r && !r.ok) return r;
    return ok(this.view());
  }

  looseItems(): Product[] {
    return this.deps.looseItems?.byCategories(this.deps.config.looseCategories, 200) ?? [];
  }

  /** A picture-grid item rings as its barcode would, `quantity` times (the lane merges them into one line). */
  async addItem(productId: string, quantity: number): Promise<KioskResult<KioskView>> {
    const product = this.looseItems().find((p) => p.id === productId);
    if (!product) return fail('product_unknown', KIOSK_MESSAGES.productUnknown(productId));
    for (let i = 0; i < quantity; i++) {
      const r = await this.scan(product.barcode, 'manual');
      if (!r.ok) return r;
    }
    return ok(this.view());
  }

  async remove(lineId: string): Promise<KioskResult<KioskView>> {
    const line = this.deps.lane.view()?.lines.find((l) => l.lineId === lineId && !l.voided);
    if (!line) return fail('sale_error', KIOSK_MESSAGES.lineNotFound);
    if (removalNeedsStaff(this.session, { ageRestricted: line.ageCheck !== 'none' })) {
      return ok(this.commit(raise(touch(this.session, this.now()), 'removal', this.newId(), this.now(), lineId)));
    }
    const r = await this.deps.lane.voidLine(lineId);
    return r.ok ? ok(this.view()) : r;
  }

  async pay(): Promise<KioskResult<KioskView>> {
    const due = this.deps.lane.view()?.payment.due ?? 0;
    const allowed = canPay(this.session, due);
    if (!allowed.ok) return allowed;
    this.paymentError = null;
    this.commit(paymentStarted(this.session, this.now()));
    const r = await this.deps.lane.payCard();
    if (!r.ok) {
      this.paymentError = r.message;
      this.record('payment_declined', { saleId: this.deps.lane.view()?.id ?? null, detail: `${r.code}: ${r.message}` });
      return ok(this.commit(paymentDeclined(this.session, this.now())));
    }
    if (r.value.completed) this.complete(r.value.completed);
    else this.commit(backToBasket(paymentDeclined(this.session, this.now()), this.now()));
    return ok(this.view());
  }

  back(): KioskResult<KioskView> {
    return ok(this.commit(backToBasket(this.session, this.now())));
  }

  callStaff(reason: Extract<InterventionReason, 'help' | 'payment_failed'>): KioskResult<KioskView> {
    return ok(this.commit(raise(touch(this.session, this.now()), reason, this.newId(), this.now())));
  }

  private async staffByPin(pin: string): Promise<StaffRecord | null> {
    for (const s of this.deps.staff.list()) if (await verifyPin(pin, s.pinSalt, s.pinHash)) return s;
    return null;
  }

  /** A staff member answers a call. What "approved" means depends on the call; a refusal of a help call ends the sale (before any payment). */
  async approve(interventionId: string, pin: string, approved: boolean): Promise<KioskResult<KioskView>> {
    const call = this.session.interventions.find((i) => i.id === interventionId);
    if (!call) return fail('intervention_unknown', KIOSK_MESSAGES.noCall);
    const staff = await this.staffByPin(pin);
    if (!staff) return fail('pin_wrong', KIOSK_MESSAGES.pinWrong);
    const saleId = this.deps.lane.view()?.id ?? this.completed?.saleId ?? null;
    this.record(approved ? 'approved' : 'refused', { interventionId, reason: call.reason, lineId: call.lineId ?? null, saleId, staffId: staff.id });
    const now = this.now();
    if (call.reason === 'age') {
      const r = await this.deps.lane.confirmAge(approved, staff.id);
      if (!r.ok) return r;
    } else if (call.reason === 'removal') {
      if (approved && call.lineId) {
        const r = await this.deps.lane.voidLine(call.lineId);
        if (!r.ok) return r;
      }
    } else if (call.reason === 'pickup') {
      // Staff took the customer to their order (or will explain why not): the kiosk is free again unless a basket is open.
      this.pickup = null;
      const resolved = resolve(this.session, interventionId, now);
      return ok(this.commit(this.deps.lane.view() || resolved.interventions.length > 0 ? resolved : this.fresh(this.defaultLanguage)));
    } else if (!approved && this.session.phase !== 'receipt') {
      // Staff end the customer's sale (they take over at a lane); money already taken is never dropped.
      const cancelled = this.deps.lane.view() ? await this.deps.lane.cancel() : ok({});
      if (cancelled.ok) return ok(this.commit(this.fresh(this.defaultLanguage)));
    }
    return ok(this.commit(resolve(this.session, interventionId, now)));
  }

  async chooseReceipt(choice: 'print' | 'digital' | 'none'): Promise<KioskResult<KioskView>> {
    const done = this.completed;
    if (this.session.phase !== 'receipt' || !done) return fail('no_receipt', KIOSK_MESSAGES.noReceipt);
    let receipt: NonNullable<KioskView['receipt']> = { choice, url: null, printed: false, error: null };
    if (choice === 'print') {
      const printed = await this.deps.lane.printReceipt(done.saleId);
      receipt = { ...receipt, printed: printed.printed, error: printed.error ?? null };
    } else if (choice === 'digital') {
      receipt = { ...receipt, url: this.receiptUrl(done) };
    }
    this.receipt = receipt;
    this.record('receipt', { saleId: done.saleId, detail: receipt.error ? `${choice}: ${receipt.error}` : choice });
    return ok(this.commit(touch(this.session, this.now())));
  }

  /** The digital receipt on the central server: the receipt number to find it, the sale id (UUIDv7, not guessable) to open it. */
  private receiptUrl(done: { saleId: string; receiptNumber: string }): string {
    // The page opens in the customer's language (it has a switch too).
    return digitalReceiptUrl(this.deps.config.receiptBaseUrl ?? new URL(this.deps.centralUrl).origin, done, this.session.language);
  }

  finish(): KioskResult<KioskView> {
    if (this.session.phase !== 'receipt') return ok(this.view());
    return ok(this.commit(this.fresh(this.defaultLanguage)));
  }

  activity(): void {
    if (this.session.phase === 'attract') return;
    const wasWarned = this.session.idleWarning;
    this.session = touch(this.session, this.now());
    if (wasWarned) this.commit(this.session);
  }

  async exit(pin: string): Promise<KioskResult<{ staffId: string }>> {
    const staff = await this.staffByPin(pin);
    if (!staff || !SUPERVISOR_ROLES.includes(staff.role)) return fail('approval_refused', KIOSK_MESSAGES.exitNeedsSupervisor);
    this.record('staff_exit', { staffId: staff.id });
    return ok({ staffId: staff.id });
  }

  private async relay(): Promise<void> {
    const relay = this.deps.relay;
    if (!relay || this.relaying) return;
    this.relaying = true;
    try {
      for (let next = this.outgoing[0]; next; next = this.outgoing[0]) {
        const r = next.kind === 'raise' ? await relay.raise({ id: next.id, reason: next.reason, raisedAt: next.raisedAt }) : await relay.close(next.id, 'answered');
        // Unreachable: keep the notice for the next tick; the kiosk's own light already shows.
        if (!r.ok) return;
        this.outgoing.shift();
      }
    } finally {
      this.relaying = false;
    }
  }

  private async tick(): Promise<void> {
    if (this.outgoing.length > 0) void this.relay();
    const action = idle(this.session, this.now(), this.policy);
    if (action === 'warn') this.commit(warned(this.session));
    else if (action === 'call_staff') this.commit(raise(this.session, 'abandoned_payment', this.newId(), this.now()));
    else if (action === 'reset') {
      const open = this.deps.lane.view();
      const saleId = open?.id ?? this.completed?.saleId ?? null;
      // Only a basket with no money taken is cancelled; a paid sale is already committed and pushed.
      if (open && open.tenders.length === 0) await this.deps.lane.cancel();
      this.record('idle_reset', { saleId, detail: this.session.phase });
      this.commit(this.fresh(this.defaultLanguage));
    }
  }
}

/** A product as a price checker shows it: price and the promotions that run now; stock and recommendations are not on the till yet. */
export function priceCheck(deps: { catalog: Catalog; promotions: SqlitePromotions; rules: TaxRules; clock: Clock }, code: string): KioskResult<PriceCheckView> {
  const parsed = parseBarcode(code);
  if (!parsed.ok) return fail('barcode_invalid', parsed.message);
  const v = parsed.value;
  const candidates = v.kind === 'gtin' ? [v.gtin, v.ean13] : [v.data];
  const product = candidates.flatMap((c) => (c ? [deps.catalog.findByBarcode(c)] : [])).find((p) => p !== undefined);
  if (!product) return fail('product_unknown', KIOSK_MESSAGES.productUnknown(code));
  const at = deps.clock.now().toISOString();
  return ok({
    barcode: product.barcode,
    name: { ...product.name },
    price: product.price,
    currency: product.currency,
    taxFree: (deps.rules.classes[product.taxClass]?.rateBps ?? 0) === 0,
    promotions: promotionsForProduct(product.id, deps.promotions.active(at), at).map((p) => ({
      name: { ...p.name },
      memberOnly: p.memberOnly === true,
      endsAt: p.endsAt ?? null,
    })),
    stock: null,
    recommendations: null,
  });
}

const reply = <T>(r: KioskResult<T>): Reply<T> => (r.ok ? { ok: true, value: r.value } : { ok: false, error: { code: r.code, message: r.message } });

type KioskHandlerNames = Extract<keyof Handlers, `kiosk.${string}`>;

/** The kiosk.* handlers; on a till that is not a kiosk only the price check and the log answer. */
export function kioskHandlers(kiosk: KioskService | null, deps: Parameters<typeof priceCheck>[0] & { log: SqliteKioskEvents; staffCalls: StaffCallWatch | null }): Pick<Handlers, KioskHandlerNames> {
  const notAKiosk = { ok: false, error: { code: 'not_a_kiosk', message: KIOSK_MESSAGES.notAKiosk } } as const;
  const on = <T>(fn: (k: KioskService) => Promise<KioskResult<T>> | KioskResult<T>) => async (): Promise<Reply<T>> => (kiosk ? reply(await fn(kiosk)) : notAKiosk);
  return {
    'kiosk.status': async () => (kiosk ? { ok: true, value: kiosk.view() } : notAKiosk),
    'kiosk.start': async ({ language }) => (kiosk ? reply(kiosk.startSession(language)) : notAKiosk),
    'kiosk.scan': async ({ code, source }) => (kiosk ? reply(await kiosk.scan(code, source)) : notAKiosk),
    'kiosk.remove': async ({ lineId }) => (kiosk ? reply(await kiosk.remove(lineId)) : notAKiosk),
    'kiosk.looseItems': async () =>
      kiosk ? { ok: true, value: kiosk.looseItems().map((p) => ({ productId: p.id, barcode: p.barcode, name: { ...p.name }, price: p.price, currency: p.currency, category: p.category })) } : notAKiosk,
    'kiosk.addItem': async ({ productId, quantity }) => (kiosk ? reply(await kiosk.addItem(productId, quantity)) : notAKiosk),
    'kiosk.pay': on((k) => k.pay()),
    'kiosk.back': on((k) => k.back()),
    'kiosk.callStaff': async ({ reason }) => (kiosk ? reply(kiosk.callStaff(reason)) : notAKiosk),
    'kiosk.approve': async ({ interventionId, pin, approved }) => (kiosk ? reply(await kiosk.approve(interventionId, pin, approved)) : notAKiosk),
    'kiosk.receipt': async ({ choice }) => (kiosk ? reply(await kiosk.chooseReceipt(choice)) : notAKiosk),
    'kiosk.finish': on((k) => k.finish()),
    'kiosk.touch': async () => {
      kiosk?.activity();
      return { ok: true, value: {} };
    },
    'kiosk.exit': async ({ pin }) => (kiosk ? reply(await kiosk.exit(pin)) : notAKiosk),
    'kiosk.priceCheck': async ({ code }) => reply(priceCheck(deps, code)),
    'kiosk.staffCalls': async () => ({ ok: true, value: deps.staffCalls?.list() ?? { calls: [], checkedAt: null } }),
    'kiosk.events': async ({ limit }) => ({
      ok: true,
      value: deps.log.recent(limit).map((e) => ({
        id: e.id,
        at: e.at,
        kind: e.kind,
        interventionId: e.interventionId ?? null,
        reason: e.reason ?? null,
        saleId: e.saleId ?? null,
        lineId: e.lineId ?? null,
        staffId: e.staffId ?? null,
        detail: e.detail ?? null,
      })),
    }),
  };
}

/** The lane's staff methods a kiosk customer must not reach: removals, age checks, discounts, cancels and sign-outs go through staff calls. */
const STAFF_ONLY = [
  'session.signIn', 'session.signOut', 'sale.voidLine', 'sale.setQuantity', 'sale.confirmAge', 'sale.discount', 'sale.overridePrice', 'sale.suspend',
  'sale.resume', 'sale.cancel', 'sale.payCard',
  // Points spend money: at a kiosk a phone number is all the customer showed, so redeeming waits for staff.
  'loyalty.redeem',
  // Gift cards and mobile payments are taken at a staffed lane (the kiosk has no screen for them yet).
  'giftCard.redeem', 'mobile.pay',
] as const;

/**
 * What a kiosk customer may not do through the lane's methods. A member is found only by the full
 * phone number or the app's token: the last four digits would list other members' masked names.
 */
export function guardStaffMethods(cashAllowed: boolean, lane: Pick<Handlers, 'member.lookup'>): Partial<Handlers> {
  const refuse = async () => ({ ok: false as const, error: { code: 'staff_required', message: KIOSK_MESSAGES.staffRequired } });
  const guarded: Partial<Handlers> = Object.fromEntries(STAFF_ONLY.map((m) => [m, refuse]));
  if (!cashAllowed) guarded['sale.payCash'] = async () => ({ ok: false, error: { code: 'cash_not_fitted', message: KIOSK_MESSAGES.cashNotFitted } });
  guarded['member.lookup'] = async (input) => {
    const q = readLookupQuery(input.query);
    if (q.ok && q.value.kind === 'lastFour') return { ok: false, error: { code: 'full_phone_required', message: KIOSK_MESSAGES.fullPhoneRequired } };
    return lane['member.lookup'](input);
  };
  return guarded;
}
