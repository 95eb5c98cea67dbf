import type { Catalog, Clock, Ids, TillIdentity } from '../core/ports.ts';
import type { TaxRules } from '../core/tax.ts';
import { type OpenSale, amountDue, applyTender, openSale, saleTotals } from '../core/sale.ts';
import { addItem, ageCheckPending, confirmAge, overridePrice, refuseAge, setQuantity, voidLine } from '../core/basket.ts';
import { promotionApplies } from '../core/pricing/promotion.ts';
import type { ManualDiscount } from '../core/pricing/price-basket.ts';
import { type DiscountLimits, discountShareBps, withinLimit } from '../core/discount-limit.ts';
import type { SqlitePromotions } from '../store/promotion-repository.ts';
import type { SqliteSuspendedSales, SuspendedSaleSummary } from '../store/suspended-sale-repository.ts';
import { businessDayOf } from '../core/business-day.ts';
import { type Result, fail, ok } from '../core/result.ts';
import type { SqliteJournal } from '../store/journal-repository.ts';
import type { SqliteOpenSale } from '../store/open-sale-repository.ts';
import type { SqliteReprintQueue } from '../store/reprint-queue-repository.ts';
import type { StaffRecord } from '../store/staff-repository.ts';
import type { ReceiptPrinter } from '../../drivers/printer/types.ts';
import type { PaymentOutcome, PaymentTerminal } from '../../drivers/payment/types.ts';
import { type ParsedBarcode, parseBarcode } from '../../drivers/scanner/protocol/barcode.ts';
import { parseGs1 } from '../../drivers/scanner/protocol/gs1.ts';
import { ean13 } from '../../drivers/scanner/protocol/gtin.ts';
import { type InStoreCodeLayout, readInStoreCode, weighedPrice } from '../core/in-store-code.ts';
import { currencyExponent } from '../core/money-format.ts';
import type { Product } from '../core/product.ts';
import type { ApiErrorCode, CompletedSaleView, SaleView, StaffView } from '../api/contract.ts';
import { completedSaleView, saleView } from './sale-views.ts';
import { layoutReceipt } from './receipt-layout.ts';
import { digitalReceiptUrl } from './digital-receipt-url.ts';
import { verifyPin } from './pin-hash.ts';
import { LANE_MESSAGES as M } from './lane-messages.ts';
import { SerialQueue } from './serial-queue.ts';
import type { SaleMember } from '../core/loyalty/member.ts';
import type { Tender } from '../core/tender.ts';
import type { LaneLoyalty } from './loyalty-lane.ts';
import { type Fulfilment, orderForLater, takeNow } from '../core/saved-sale.ts';
import { type CashReceiptIdKind, type CashReceiptPurpose, cashReceiptRequest } from '../core/cash-receipt.ts';
import { COUPON_MESSAGES, couponPromotions, withoutCoupons } from '../core/coupons/barcode-coupon.ts';
import type { LaneCoupons } from './coupon-lane.ts';
import { type TrainingState, TRAINING_MESSAGES, switchTraining } from '../core/training.ts';
import type { CompletedSale, TenderError } from '../core/sale.ts';
import { markTraining } from './training-receipt.ts';

export type LaneResult<T> = Result<T, ApiErrorCode>;

export interface LaneEvents {
  sale(view: SaleView | null): void;
  saleCompleted(view: CompletedSaleView): void;
  scanRejected(rejection: { code: string; reason: string; message: string }): void;
  /** The keypad's quantity for the next item changed (set, used or cleared). */
  nextQuantity?(quantity: number | null): void;
}

export interface LaneDeps {
  readonly identity: TillIdentity & { readonly currencyNumeric: number };
  readonly rules: TaxRules;
  readonly catalog: Catalog;
  readonly journal: SqliteJournal;
  readonly drafts: SqliteOpenSale;
  readonly staff: { list(): readonly StaffRecord[] };
  readonly reprints: SqliteReprintQueue;
  readonly printer: ReceiptPrinter | null;
  readonly payment: PaymentTerminal | null;
  readonly promotions: SqlitePromotions;
  readonly suspended: SqliteSuspendedSales;
  /** Manual discount and price override limits per role (basis points). */
  readonly discountLimits: DiscountLimits;
  /** How the store's scale labels carry a price or a weight (in-store EAN-13 prefixes 02, 20-29). */
  readonly inStoreCodes: readonly InStoreCodeLayout[];
  /** Product categories that need the customer's age confirmed (alcohol, tobacco). */
  readonly ageRestrictedCategories: readonly string[];
  readonly clock: Clock;
  readonly ids: Ids;
  readonly events: LaneEvents;
  /** The open shift's business day, when a shift is open. */
  readonly businessDay?: () => string | undefined;
  /** Called after every commit, so the outbox is pushed now rather than at the next poll. */
  readonly onSaleCommitted: () => void;
  /** Loyalty (main/services/loyalty-lane.ts): a member's coupons as offers, points earned at commit. */
  readonly loyalty?: LaneLoyalty;
  /** A kiosk asks its customer first (print, digital or none): the receipt prints only through printReceipt. */
  readonly deferReceipt?: boolean;
  /** Coupons by barcode (main/services/coupon-lane.ts): a scan that is a coupon goes on the sale as one. */
  readonly coupons?: LaneCoupons;
  /** Where the central server serves digital receipts: the printed receipt carries its QR (absent: none). */
  readonly digitalReceiptBase?: string;
  /** Training mode (main/core/training.ts): its own journal (no outbox) and a terminal that charges nobody. */
  readonly training?: {
    readonly journal: { commitSale(open: OpenSale, facts: { completedAt: string; businessDay: string }): Result<CompletedSale, TenderError>; findById(id: string): CompletedSale | undefined };
    readonly payment: PaymentTerminal;
    readonly changed: (state: TrainingState | null) => void;
  };
}

export type ScanSource = 'wedge' | 'manual' | 'scanner';

export interface PaymentReply {
  readonly sale: SaleView | null;
  readonly completed: CompletedSaleView | null;
}

/**
 * Ringing a sale at the lane: sign in, scan, void, take tenders, commit, print.
 * Every operation runs through one queue, so device scans, keyboard scans and a card
 * payment in flight never interleave.
 */
export class Lane {
  private staff: StaffRecord | null = null;
  private sale: OpenSale | null;
  private lastCompleted: CompletedSaleView | null = null;
  private readonly queue = new SerialQueue();
  /** The keypad's `3 *`: how many the next item rung is (any source), then back to one. */
  private pendingQuantity: number | null = null;
  private trainingState: TrainingState | null = null;

  constructor(private readonly deps: LaneDeps) {
    // A till killed mid-sale resumes the sale it was ringing.
    this.sale = deps.drafts.load() ?? null;
  }

  get signedIn(): StaffView | null {
    return this.staff ? { id: this.staff.id, name: this.staff.name, role: this.staff.role } : null;
  }

  view(): SaleView | null {
    return this.sale ? saleView(this.sale, this.deps.rules) : null;
  }

  completed(): CompletedSaleView | null {
    return this.lastCompleted;
  }

  signIn(pin: string): Promise<LaneResult<StaffView>> {
    return this.queue.run(async () => {
      for (const s of this.deps.staff.list()) {
        if (await verifyPin(pin, s.pinSalt, s.pinHash)) {
          this.staff = s;
          return ok({ id: s.id, name: s.name, role: s.role });
        }
      }
      return fail('pin_wrong', M.pinWrong);
    });
  }

  /**
   * A self-checkout kiosk rings its own sales: the lane is attended by the kiosk itself (no PIN),
   * and staff answer its calls with their own PIN through the kiosk service.
   */
  attend(attendant: { readonly id: string; readonly name: string; readonly role: string }): void {
    this.staff = { ...attendant, pinSalt: '', pinHash: '' };
  }

  /**
   * A draft already paid in full but not committed (the till stopped between the tender and the
   * commit) is committed now, so a paid sale is never left unfinished after a restart.
   */
  finishPaid(): Promise<LaneResult<PaymentReply> | null> {
    return this.queue.run(async () => {
      const sale = this.sale;
      if (!sale || sale.tenders.length === 0 || amountDue(sale, this.deps.rules) > 0) return null;
      return this.settle(sale);
    });
  }

  /** Prints a committed sale's receipt (the kiosk's "print" choice); a fault queues it for reprint. */
  printReceipt(saleId: string): Promise<{ printed: boolean; error?: string }> {
    return this.queue.run(() => this.print(saleId));
  }

  /** A new sale for the cashier: a training one while training mode is on. */
  private openNew(staffId: string): OpenSale {
    const sale = openSale(this.deps.ids.newId(), staffId, this.deps.clock.now().toISOString(), this.deps.identity.currency);
    return this.trainingState ? { ...sale, training: true } : sale;
  }

  training(): TrainingState | null {
    return this.trainingState;
  }

  /** Training mode on or off for the signed-in cashier, approved by a supervisor or manager, never with a sale open. */
  setTraining(on: boolean, approver: { id: string; role: string } | null): Promise<LaneResult<TrainingState | null>> {
    return this.queue.run(() => {
      if (!this.deps.training) return fail('approval_refused', TRAINING_MESSAGES.approver);
      const open = this.sale !== null && (this.sale.tenders.length > 0 || this.sale.basket.lines.some((l) => !l.voided) || (this.sale.coupons ?? []).length > 0);
      const r = switchTraining({ on, cashierId: this.staff?.id ?? null, approver, saleOpen: open, at: this.deps.clock.now().toISOString() });
      if (!r.ok) return r;
      // An empty sale left from before (a member identified, nothing rung) goes: the next one opens in the new mode.
      if (this.sale && !open) {
        this.deps.drafts.clear();
        this.sale = null;
        this.deps.events.sale(null);
      }
      this.trainingState = r.value;
      this.deps.training.changed(r.value);
      return ok(r.value);
    });
  }

  signOut(): Promise<LaneResult<Record<string, never>>> {
    return this.queue.run(() => {
      // Training is for the cashier it was switched on for: it ends with their session.
      if (this.trainingState) {
        this.trainingState = null;
        this.deps.training?.changed(null);
      }
      this.staff = null;
      return ok({});
    });
  }

  scan(code: string, source: ScanSource): Promise<LaneResult<SaleView>> {
    return this.queue.run(() => this.ring(code, source));
  }

  private ring(raw: string, source: ScanSource): LaneResult<SaleView> {
    if (!this.staff) return this.reject(raw, 'not_signed_in', M.notSignedIn);
    const parsed = parseBarcode(raw);
    if (!parsed.ok) return this.reject(raw, 'barcode_invalid', parsed.message);
    const coupon = this.deps.coupons?.read(parsed.value.kind === 'gtin' ? parsed.value.gtin : parsed.value.data, this.sale?.coupons ?? [], this.deps.clock.now().toISOString());
    if (coupon) {
      if (!coupon.ok) return this.reject(raw, coupon.code, coupon.message);
      const onto = this.sale ?? this.openNew(this.staff.id);
      return this.update({ ...onto, coupons: [...(onto.coupons ?? []), coupon.value] });
    }
    const item = this.identify(parsed.value);
    if (!item.ok) return this.reject(raw, item.code, item.message);
    const { product, labelPrice, measure } = item.value;
    // A scale label is one item at its own price: the keypad's quantity waits for the next item.
    const quantity = labelPrice === undefined && measure === undefined ? (this.pendingQuantity ?? 1) : 1;
    const sale = this.sale ?? this.openNew(this.staff.id);
    const added = addItem(sale.basket, product, quantity, this.deps.ids.newId(), {
      ageRestricted: this.deps.ageRestrictedCategories.includes(product.category),
      ...(labelPrice !== undefined ? { labelPrice } : {}),
      ...(measure ? { measure } : {}),
    });
    if (!added.ok) return this.reject(raw, 'sale_error', added.message);
    if (quantity > 1) this.useQuantity(null);
    return this.update({ ...sale, basket: added.value });
  }

  private useQuantity(quantity: number | null): void {
    this.pendingQuantity = quantity;
    this.deps.events.nextQuantity?.(quantity);
  }

  /** The keypad's `3 *`: the next item rung rings this many (null clears it). Kept while a scan is refused. */
  setNextQuantity(quantity: number | null): Promise<LaneResult<{ quantity: number | null }>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      this.useQuantity(quantity);
      return ok({ quantity });
    });
  }

  get nextQuantity(): number | null {
    return this.pendingQuantity;
  }

  /** The customer's receipt language for this sale (opening one when none is open, as a member does). */
  setReceiptLanguage(language: 'ko' | 'en'): Promise<LaneResult<{ language: 'ko' | 'en' }>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      const sale = this.sale ?? this.openNew(this.staff.id);
      const { receiptLanguage: _previous, ...rest } = sale;
      const updated = this.update(language === 'en' ? { ...rest, receiptLanguage: 'en' } : rest);
      return updated.ok ? ok({ language }) : updated;
    });
  }

  /**
   * What a scan rings: a GTIN from the catalog, an in-store scale label (price or weight embedded),
   * or a GS1 element string (GTIN with a weight or a price to pay).
   */
  private identify(code: ParsedBarcode): LaneResult<{ product: Product; labelPrice?: number; measure?: { grams: number; pricePerKg: number } }> {
    const find = (barcode: string): Product | undefined => this.deps.catalog.findByBarcode(barcode);
    const byWeight = (product: Product, grams: number) => ok({ product, labelPrice: weighedPrice(product.price, grams), measure: { grams, pricePerKg: product.price } });
    if (code.kind === 'gtin') {
      const inStore = code.ean13 ? readInStoreCode(code.ean13, this.deps.inStoreCodes) : null;
      if (inStore) {
        const product = find(ean13(inStore.itemBody));
        if (!product) return fail('product_unknown', M.productUnknown(ean13(inStore.itemBody)));
        return inStore.value === 'price' ? ok({ product, labelPrice: inStore.amount }) : byWeight(product, inStore.amount);
      }
      const product = find(code.gtin) ?? (code.ean13 ? find(code.ean13) : undefined);
      return product ? ok({ product }) : fail('product_unknown', M.productUnknown(code.gtin));
    }
    if (/^01\d{14}/.test(code.data)) {
      const gs1 = parseGs1(code.data);
      if (!gs1.ok) return fail('barcode_invalid', gs1.message);
      const gtin = gs1.value.gtin ?? '';
      const product = find(gtin.replace(/^0/, '')) ?? find(gtin);
      if (!product) return fail('product_unknown', M.productUnknown(gtin));
      if (gs1.value.price) {
        const exponent = currencyExponent(this.deps.identity.currency);
        const minor = gs1.value.price.value * 10 ** (exponent - gs1.value.price.decimals);
        if (!Number.isSafeInteger(minor)) return fail('barcode_invalid', M.priceNotWhole);
        return ok({ product, labelPrice: minor });
      }
      if (gs1.value.weightGrams !== undefined) return byWeight(product, gs1.value.weightGrams);
      return ok({ product });
    }
    const product = find(code.data);
    return product ? ok({ product }) : fail('product_unknown', M.productUnknown(code.data));
  }

  private reject(code: string, reason: ApiErrorCode, message: string): LaneResult<never> {
    this.deps.events.scanRejected({ code, reason, message });
    return fail(reason, message);
  }

  /** Snapshots the promotions that apply now, so the basket prices as the customer sees it at this moment. */
  private reprice(sale: OpenSale): OpenSale {
    const at = this.deps.clock.now().toISOString();
    // Member-only promotions wait for the loyalty issue (#6): no member is identified yet.
    const member = sale.member !== undefined;
    return {
      ...sale,
      promotions: [
        ...this.deps.promotions.active(at).filter((p) => promotionApplies(p, at, member)),
        ...(this.deps.loyalty?.offers(sale, at) ?? []),
        ...couponPromotions(sale.coupons),
      ],
    };
  }

  private update(unpriced: OpenSale): LaneResult<SaleView> {
    const sale = this.reprice(unpriced);
    this.deps.drafts.save(sale);
    this.sale = sale;
    this.lastCompleted = null;
    const view = saleView(sale, this.deps.rules);
    this.deps.events.sale(view);
    return ok(view);
  }

  voidLine(lineId: string): Promise<LaneResult<SaleView>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (!this.sale) return fail('no_open_sale', M.noOpenSale);
      const r = voidLine(this.sale.basket, lineId);
      return r.ok ? this.update({ ...this.sale, basket: r.value }) : fail('sale_error', r.message);
    });
  }

  setQuantity(lineId: string, quantity: number): Promise<LaneResult<SaleView>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (!this.sale) return fail('no_open_sale', M.noOpenSale);
      const r = setQuantity(this.sale.basket, lineId, quantity);
      return r.ok ? this.update({ ...this.sale, basket: r.value }) : fail('sale_error', r.message);
    });
  }

  /**
   * Who approves giving away `shareBps` of an amount: the cashier when their role's limit covers it,
   * else the supervisor whose PIN was given (and whose limit covers it). Recorded on the discount.
   */
  private async approver(shareBps: number, supervisorPin: string | undefined): Promise<LaneResult<string>> {
    const staff = this.staff;
    if (!staff) return fail('not_signed_in', M.notSignedIn);
    if (withinLimit(this.deps.discountLimits, staff.role, shareBps)) return ok(staff.id);
    if (!supervisorPin) return fail('approval_required', M.approvalRequired(shareBps));
    for (const s of this.deps.staff.list()) {
      if (!(await verifyPin(supervisorPin, s.pinSalt, s.pinHash))) continue;
      return withinLimit(this.deps.discountLimits, s.role, shareBps) ? ok(s.id) : fail('approval_refused', M.approvalRefused(s.name));
    }
    return fail('pin_wrong', M.pinWrong);
  }

  discount(input: { scope: 'line' | 'basket'; lineId?: string | undefined; kind: 'percent' | 'amount'; value: number; supervisorPin?: string | undefined }): Promise<LaneResult<SaleView>> {
    return this.queue.run(async () => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      const sale = this.sale;
      if (!sale) return fail('no_open_sale', M.noOpenSale);
      const totals = saleTotals(sale, this.deps.rules);
      const line = input.scope === 'line' ? sale.basket.lines.find((l) => l.lineId === input.lineId && !l.voided) : undefined;
      if (input.scope === 'line' && !line) return fail('sale_error', M.lineNotFound);
      const base = line ? line.unitPrice * line.quantity - (totals.lineDiscounts[line.lineId] ?? 0) : totals.total;
      const approvedBy = await this.approver(discountShareBps(input.kind, input.value, base), input.supervisorPin);
      if (!approvedBy.ok) return approvedBy;
      const d: ManualDiscount = {
        id: this.deps.ids.newId(),
        scope: input.scope,
        lineId: line?.lineId,
        kind: input.kind,
        value: input.value,
        label: input.kind === 'percent' ? { ko: `할인 ${input.value / 100}%`, en: `Discount ${input.value / 100}%` } : { ko: '할인', en: 'Discount' },
        approvedBy: approvedBy.value,
      };
      return this.update({ ...sale, discounts: [...(sale.discounts ?? []), d] });
    });
  }

  overridePrice(input: { lineId: string; price: number; reason: string; supervisorPin?: string | undefined }): Promise<LaneResult<SaleView>> {
    return this.queue.run(async () => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      const sale = this.sale;
      if (!sale) return fail('no_open_sale', M.noOpenSale);
      const line = sale.basket.lines.find((l) => l.lineId === input.lineId && !l.voided);
      if (!line) return fail('sale_error', M.lineNotFound);
      const shelf = line.override?.originalPrice ?? line.unitPrice;
      const approvedBy = await this.approver(discountShareBps('amount', Math.max(0, shelf - input.price), shelf), input.supervisorPin);
      if (!approvedBy.ok) return approvedBy;
      const r = overridePrice(sale.basket, input.lineId, input.price, approvedBy.value, input.reason);
      return r.ok ? this.update({ ...sale, basket: r.value }) : fail('sale_error', r.message);
    });
  }

  /** `by`: the staff member who checked the ID when it is not the attendant (a kiosk's staff call). */
  confirmAge(approved: boolean, by?: string): Promise<LaneResult<SaleView>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (!this.sale) return fail('no_open_sale', M.noOpenSale);
      const basket = approved ? confirmAge(this.sale.basket, by ?? this.staff.id, this.deps.clock.now().toISOString()) : refuseAge(this.sale.basket);
      return this.update({ ...this.sale, basket });
    });
  }

  /** Save the sale: the line is paid here and ordered for pickup elsewhere or delivery. */
  orderForLater(lineId: string, fulfilment: Fulfilment): Promise<LaneResult<SaleView>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (!this.sale) return fail('no_open_sale', M.noOpenSale);
      const r = orderForLater(this.sale, lineId, fulfilment, this.deps.identity.storeId);
      return r.ok ? this.update(r.value) : fail(r.code, r.message);
    });
  }

  /** The customer asks for a cash receipt (현금영수증) for this sale, or takes the request back (null). */
  requestCashReceipt(request: { purpose: CashReceiptPurpose; idKind: CashReceiptIdKind; identifier: string } | null): Promise<LaneResult<SaleView>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (!this.sale) return fail('no_open_sale', M.noOpenSale);
      if (request === null) {
        const { cashReceipt: _dropped, ...rest } = this.sale;
        return this.update(rest);
      }
      const r = cashReceiptRequest(request.purpose, request.idKind, request.identifier);
      return r.ok ? this.update({ ...this.sale, cashReceipt: r.value }) : fail(r.code, r.message);
    });
  }

  takeNow(lineId: string): Promise<LaneResult<SaleView>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (!this.sale) return fail('no_open_sale', M.noOpenSale);
      return this.update(takeNow(this.sale, lineId));
    });
  }

  suspend(): Promise<LaneResult<{ saleId: string }>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      const sale = this.sale;
      if (!sale) return fail('no_open_sale', M.noOpenSale);
      if (sale.tenders.length > 0) return fail('sale_has_tenders', M.saleHasTenders);
      const totals = saleTotals(sale, this.deps.rules);
      const at = this.deps.clock.now().toISOString();
      // The store's other tills hear of it through the centre (main/core/suspended-sale.ts).
      const payload = { saleId: sale.id, staffId: sale.staffId, suspendedAt: at, currency: sale.basket.currency, total: totals.total, itemCount: totals.itemCount, document: JSON.stringify(sale) };
      this.deps.suspended.suspend(sale, { total: totals.total, itemCount: totals.itemCount }, at, { mutationId: this.deps.ids.newId(), mutation: { kind: 'SALE_SUSPENDED', payload } });
      this.deps.onSaleCommitted();
      this.sale = null;
      this.deps.events.sale(null);
      return ok({ saleId: sale.id });
    });
  }

  listSuspended(): SuspendedSaleSummary[] {
    return this.deps.suspended.list();
  }

  resume(saleId: string): Promise<LaneResult<SaleView>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (this.sale && this.sale.basket.lines.some((l) => !l.voided)) return fail('sale_open', M.saleOpen);
      const resumed = this.deps.suspended.resume(saleId, this.deps.clock.now().toISOString());
      if (!resumed) return fail('no_open_sale', M.suspendedGone);
      return this.update(resumed);
    });
  }

  /**
   * Resumes a suspended sale `take` brings (this till's own, or one claimed at the centre from
   * another till), in the lane's queue: nothing else rings while the claim is out.
   */
  resumeWith<C extends string>(take: (staffId: string) => Promise<Result<OpenSale, C>>): Promise<Result<SaleView, C | ApiErrorCode>> {
    return this.queue.run(async () => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (this.sale && this.sale.basket.lines.some((l) => !l.voided)) return fail('sale_open', M.saleOpen);
      const taken = await take(this.staff.id);
      return taken.ok ? this.update(taken.value) : taken;
    });
  }

  /**
   * Identifies the customer as a member (or forgets them, null) on the open sale, opening one when
   * none is: member-only promotions and the member's coupons price the basket from now on.
   */
  attachMember(member: SaleMember | null): Promise<LaneResult<SaleView>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      const sale = this.sale ?? this.openNew(this.staff.id);
      // Points already taken belong to the member they were claimed for.
      if (sale.tenders.length > 0) return fail('sale_has_tenders', M.saleHasTenders);
      const { member: _previous, ...rest } = sale;
      return this.update(member ? { ...rest, member } : rest);
    });
  }

  /**
   * Takes a tender another service prepares (points, ...), in the lane's queue: `prepare` sees the
   * open sale and what is due, and answers the tender or why not; then the sale settles as for cash.
   */
  payWith(prepare: (sale: OpenSale, due: number) => Promise<LaneResult<Tender>>): Promise<LaneResult<PaymentReply>> {
    return this.queue.run(async () => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (!this.sale) return fail('no_open_sale', M.noOpenSale);
      if (ageCheckPending(this.sale.basket)) return fail('age_check_required', M.ageCheckRequired);
      if (this.sale.training) return fail('training_unsupported', TRAINING_MESSAGES.pointsRefused);
      const held = await this.couponsHeld(this.sale);
      if (!held.ok) return held;
      const prepared = await prepare(held.value, amountDue(held.value, this.deps.rules));
      if (!prepared.ok) return prepared;
      const r = applyTender(held.value, prepared.value, this.deps.rules);
      if (!r.ok) return fail('sale_error', r.message);
      return this.settle(r.value);
    });
  }

  /** Takes a scanned coupon off the sale, before any tender (after one, a single-use coupon is already claimed). */
  removeCoupon(code: string): Promise<LaneResult<SaleView>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (!this.sale) return fail('no_open_sale', M.noOpenSale);
      if (this.sale.tenders.length > 0) return fail('sale_has_tenders', M.saleHasTenders);
      return this.update(withoutCoupons(this.sale, [code]));
    });
  }

  /** Cancels the open sale before any tender: nothing was sold, the draft goes. */
  cancel(): Promise<LaneResult<Record<string, never>>> {
    return this.queue.run(() => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (!this.sale) return fail('no_open_sale', M.noOpenSale);
      if (this.sale.tenders.length > 0) return fail('sale_has_tenders', M.saleHasTenders);
      this.deps.drafts.clear();
      this.deps.loyalty?.cancelled?.(this.sale);
      this.deps.coupons?.cancelled(this.sale);
      this.sale = null;
      this.deps.events.sale(null);
      return ok({});
    });
  }

  /**
   * Before a sale's first tender, its member's single-use coupons are claimed at the centre. One
   * another sale already took is dropped: the sale is repriced and the cashier sees the new total.
   */
  private async couponsHeld(sale: OpenSale): Promise<LaneResult<OpenSale>> {
    // A training sale claims nothing at the centre: the centre never hears of it.
    if (sale.tenders.length > 0 || sale.training) return ok(sale);
    // Single-use coupons by barcode are claimed the same way; one used elsewhere comes off the sale.
    const usedElsewhere = (await this.deps.coupons?.beforeFirstTender(sale)) ?? [];
    if (usedElsewhere.length > 0) {
      this.update(withoutCoupons(sale, usedElsewhere));
      return fail('coupon_used', COUPON_MESSAGES.usedElsewhere);
    }
    if (!this.deps.loyalty?.beforeFirstTender) return ok(sale);
    const refused = await this.deps.loyalty.beforeFirstTender(sale);
    if (refused.length === 0) return ok(sale);
    this.update(sale);
    return fail('coupon_used', M.couponUsed);
  }

  payCash(received: number): Promise<LaneResult<PaymentReply>> {
    return this.queue.run(async () => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (!this.sale) return fail('no_open_sale', M.noOpenSale);
      const held = await this.couponsHeld(this.sale);
      if (!held.ok) return held;
      const r = applyTender(held.value, { id: this.deps.ids.newId(), kind: 'cash', amount: received }, this.deps.rules);
      if (!r.ok) return fail(r.code === 'age_check_required' ? 'age_check_required' : 'sale_error', r.message);
      return this.settle(r.value);
    });
  }

  /** `instalmentMonths`: 할부 as the cardholder chose it (0 일시불), recorded with the tender; checked by the caller (tender-handlers.ts). */
  payCard(instalmentMonths?: number): Promise<LaneResult<PaymentReply>> {
    return this.queue.run(async () => {
      if (!this.staff) return fail('not_signed_in', M.notSignedIn);
      if (!this.sale) return fail('no_open_sale', M.noOpenSale);
      // Training: a simulated approval, the real terminal is never asked.
      const terminal = this.sale.training ? (this.deps.training?.payment ?? null) : this.deps.payment;
      if (!terminal) return fail('payment_failed', M.noTerminal);
      if (ageCheckPending(this.sale.basket)) return fail('age_check_required', M.ageCheckRequired);
      const held = await this.couponsHeld(this.sale);
      if (!held.ok) return held;
      const due = amountDue(this.sale, this.deps.rules);
      if (due <= 0) return fail('sale_error', M.basketEmpty);
      const outcome = await terminal.authorize({
        amount: due,
        currencyNumeric: this.deps.identity.currencyNumeric,
        reference: this.sale.id,
      });
      if (outcome.status === 'declined') return fail('payment_declined', M.paymentDeclined(outcome.message));
      if (outcome.status === 'failed') return fail('payment_failed', M.paymentFailed(outcome.message));
      return this.settle(this.withCard(this.sale, outcome, instalmentMonths));
    });
  }

  /**
   * A card payment the terminal approved while the till could not hear the answer (it was killed or
   * timed out), found by asking the terminal: booked on the open sale it was for, and the sale
   * settles. Null when it is not this open sale's (the caller says so).
   */
  bookResolvedCard(saleId: string, outcome: Extract<PaymentOutcome, { status: 'approved' }>): Promise<LaneResult<PaymentReply> | null> {
    return this.queue.run(async () => (this.sale?.id === saleId ? this.settle(this.withCard(this.sale, outcome)) : null));
  }

  private withCard(sale: OpenSale, outcome: Extract<PaymentOutcome, { status: 'approved' }>, instalmentMonths?: number): OpenSale {
    const r = applyTender(
      sale,
      {
        id: this.deps.ids.newId(),
        kind: 'card',
        amount: outcome.amount,
        card: {
          scheme: outcome.scheme, maskedPan: outcome.maskedPan, approvalCode: outcome.approvalCode, terminalRef: outcome.terminalRef,
          ...(instalmentMonths !== undefined ? { instalmentMonths } : {}),
        },
      },
      this.deps.rules,
    );
    // The terminal charged an amount the sale cannot take: a broken invariant, not a customer error.
    if (!r.ok) throw new Error(`approved card payment could not be applied: ${r.message}`);
    return r.value;
  }

  /** Saves the tender; when the sale is paid, commits it, then prints (a printer fault never undoes a sale). */
  private async settle(sale: OpenSale): Promise<LaneResult<PaymentReply>> {
    this.deps.drafts.save(sale);
    this.sale = sale;
    if (amountDue(sale, this.deps.rules) > 0) {
      const view = saleView(sale, this.deps.rules);
      this.deps.events.sale(view);
      return ok({ sale: view, completed: null });
    }
    const now = this.deps.clock.now();
    const facts = {
      completedAt: now.toISOString(),
      // The business day is the open shift's (fixed when it opened, DESIGN.md 3); without a shift, the store's date.
      businessDay: this.deps.businessDay?.() ?? businessDayOf(now, this.deps.identity.timeZone),
      mutationId: this.deps.ids.newId(),
    };
    // A training sale goes to its own journal (no outbox row) and earns or spends nothing.
    const training = sale.training ? this.deps.training?.journal : undefined;
    if (sale.training && !training) throw new Error('a training sale with no training journal to commit it to');
    const committed = training ? training.commitSale(sale, facts) : this.deps.journal.commitSale(this.deps.loyalty?.beforeCommit(sale) ?? sale, facts);
    if (!committed.ok) return fail('sale_error', committed.message);
    this.sale = null;
    const done = committed.value;
    if (!done.training) {
      this.deps.onSaleCommitted();
      this.deps.loyalty?.afterCommit(done);
    }
    // The drawer opens only after the sale is committed, and only when cash changed hands.
    if (done.tenders.some((t) => t.kind === 'cash') && this.deps.printer) {
      const kicked = await this.deps.printer.openDrawer();
      if (!kicked.ok) console.warn(`cash drawer did not open: ${kicked.message}`);
    }
    const receipt = this.deps.deferReceipt ? { printed: false } : await this.print(done.id);
    const view = completedSaleView(done, receipt);
    this.lastCompleted = view;
    this.deps.events.sale(null);
    this.deps.events.saleCompleted(view);
    return ok({ sale: null, completed: view });
  }

  private async print(saleId: string): Promise<{ printed: boolean; error?: string }> {
    const sale = this.deps.journal.findById(saleId) ?? this.deps.training?.journal.findById(saleId);
    if (!sale) throw new Error(`sale ${saleId} vanished from the journal`);
    if (!this.deps.printer) {
      // The reprint queue owes paper for real sales only; a training receipt lost is no debt.
      if (!sale.training) this.deps.reprints.enqueue(saleId, 'no_printer');
      return { printed: false, error: M.noPrinter };
    }
    const cashier = this.deps.staff.list().find((s) => s.id === sale.staffId)?.name ?? sale.staffId;
    const base = this.deps.digitalReceiptBase;
    // A training receipt has no digital copy: the centre never hears of the sale.
    const digitalCopyUrl = base && !sale.training ? digitalReceiptUrl(base, { saleId: sale.id, receiptNumber: sale.receiptNumber }, sale.receiptLanguage ?? 'ko') : undefined;
    const layout = layoutReceipt(sale, this.deps.identity, { cashierName: cashier, ...(digitalCopyUrl ? { digitalCopyUrl } : {}) });
    const outcome = await this.deps.printer.print(sale.training ? markTraining(layout) : layout);
    if (outcome.ok) return { printed: true };
    if (!sale.training) this.deps.reprints.enqueue(saleId, outcome.code);
    return { printed: false, error: outcome.message };
  }
}
