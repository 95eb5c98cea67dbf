import { v7 as uuidv7 } from 'uuid';
import type { Clock, Ids } from '../core/ports.ts';
import { openTillDatabases } from '../store/database.ts';
import { SqliteCatalog } from '../store/catalog-repository.ts';
import { SqliteJournal } from '../store/journal-repository.ts';
import { SqliteOpenSale } from '../store/open-sale-repository.ts';
import { SqliteOutbox } from '../store/outbox-repository.ts';
import { SqliteReprintQueue } from '../store/reprint-queue-repository.ts';
import { SqliteStaff } from '../store/staff-repository.ts';
import { SqlitePromotions } from '../store/promotion-repository.ts';
import { SqliteSuspendedSales } from '../store/suspended-sale-repository.ts';
import type { Handlers } from '../api/dispatch.ts';
import type { Reply, SaleView } from '../api/contract.ts';
import type { Result } from '../core/result.ts';
import { EventBus } from './event-bus.ts';
import { DeviceBoard } from './device-board.ts';
import { Lane } from './lane.ts';
import { ProductSearch } from './search-service.ts';
import { SHIFT_MESSAGES, ShiftService } from './shift-service.ts';
import { createCentralCall } from '../../sync/central-client.ts';
import { createOrderClient, pullOrders } from '../../sync/order-client.ts';
import { SqliteStoreOrders } from '../store/store-order-repository.ts';
import { PickupDesk } from './pickup-service.ts';
import { pickupHandlers } from './pickup-handlers.ts';
import { createStockClient } from '../../sync/stock-client.ts';
import { createAppCartClient } from '../../sync/app-cart-client.ts';
import { APP_CART_MESSAGES, AppCartService } from './app-cart-service.ts';
import { looksLikeAppCart } from '../core/app-cart.ts';
import { StockService } from './stock-service.ts';
import { SqliteMembers } from '../store/member-repository.ts';
import { SqliteMemberRequests } from '../store/member-request-repository.ts';
import { createLoyaltyClient, pullCoupons, pullMembers } from '../../sync/loyalty-client.ts';
import { MemberService } from './member-service.ts';
import { SUPERVISOR_ROLES, supervisorApproval } from './shift-approval.ts';
import { JournalService } from './journal-service.ts';
import { ReceiptReprints } from './receipt-reprints.ts';
import { SqliteJournalSearch } from '../store/journal-search-repository.ts';
import { SqliteShifts } from '../store/shift-repository.ts';
import { type TillConfig, taxRulesOf } from './till-config.ts';
import { openDevices, printerSettingOf, type TillDevices } from './till-devices.ts';
import { SqlitePendingCardOperation } from '../store/pending-card-repository.ts';
import { resolveKeptCardOperation } from './card-recovery.ts';
import { startSync, type SyncService } from './sync-service.ts';
import { SqlitePriceSchedule } from '../store/price-schedule-repository.ts';
import { SqliteStoreConfig } from '../store/config-repository.ts';
import { KioskService, guardStaffMethods, kioskHandlers } from './kiosk-service.ts';
import { SqliteKioskEvents } from '../store/kiosk-event-repository.ts';
import { SqliteLooseItems } from '../store/loose-item-repository.ts';
import { createStaffCallClient } from '../../sync/staff-call-client.ts';
import { StaffCallWatch } from './staff-call-watch.ts';
import { ReturnService } from './return-service.ts';
import { returnHandlers } from './return-handlers.ts';
import { SqliteReturns } from '../store/return-repository.ts';
import { SqlitePriceHistory } from '../store/price-history-repository.ts';
import { createOrderReturnClaim, createSaleLookup } from '../../sync/sale-lookup.ts';
import { RETURN_POLICY_KEY, returnPolicyOf } from './return-policy-config.ts';
import { BarcodeCouponService } from './barcode-coupon-service.ts';
import { createCouponCodeClient } from '../../sync/coupon-code-client.ts';
import { SuspendedSaleService } from './suspended-sale-service.ts';
import { createSuspendedSaleClient } from '../../sync/suspended-sale-client.ts';
import { laneScreenHandlers } from './lane-screen-handlers.ts';
import { readDeviceConfig } from './device-config-file.ts';
import { PoleDisplayFeed } from './pole-display.ts';
import { DevicesDesk } from './devices-handlers.ts';
import { tenderHandlers } from './tender-handlers.ts';
import { SqlitePostVoids } from '../store/post-void-repository.ts';
import { POST_VOID_POLICY_KEY, PostVoidService, postVoidPolicyOf } from './post-void-service.ts';
import { SqliteTrainingJournal } from '../store/training-journal-repository.ts';
import { TrainingTerminal } from './training-terminal.ts';
import { saleChangesHandlers, trainingView } from './sale-changes-handlers.ts';

export interface HostOptions {
  readonly config: TillConfig;
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly ids?: Ids;
}

/** The host: every service of one till, behind the contract's handlers and events. No transport, no Electron. */
export interface Host {
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly sync: SyncService;
  /** The promotions on the till: the promotions stream's sink (tests and the demo feed it too). */
  readonly promotions: SqlitePromotions;
  close(): Promise<void>;
}

const reply = <T>(r: Result<T>): Reply<T> => (r.ok ? { ok: true, value: r.value } : { ok: false, error: { code: r.code, message: r.message } });

/** The composition root: opens the till's files, its devices and its sync, and wires the lane to them. */
export async function createHost(options: HostOptions): Promise<Host> {
  const { config, dataDir } = options;
  const clock: Clock = options.clock ?? { now: () => new Date() };
  const ids: Ids = options.ids ?? { newId: () => uuidv7() };
  const identity = config.identity;
  const rules = taxRulesOf(config);
  const events = new EventBus();

  const dbs = openTillDatabases(dataDir);
  const catalog = new SqliteCatalog(dbs.catalog);
  const staff = new SqliteStaff(dbs.till);
  const outbox = new SqliteOutbox(dbs.till);
  const journal = new SqliteJournal(dbs.till, identity, rules);

  const promotions = new SqlitePromotions(dbs.catalog);

  const board = new DeviceBoard((all) => events.emit('devices', all));
  // Endpoints a supervisor set on the devices screen (devices.json in the data dir) win over till.json's.
  const { printer: printerSetting, ...otherEndpoints } = config.devices;
  const { url: printerUrl, ...printing } = printerSettingOf(printerSetting);
  const deviceEndpoints = { ...otherEndpoints, ...(printerUrl ? { printer: printerUrl } : {}), ...readDeviceConfig(dataDir) };
  const devices: TillDevices = await openDevices(deviceEndpoints, board, { paymentJournal: new SqlitePendingCardOperation(dbs.till), printing });
  const poleDisplay = new PoleDisplayFeed(devices.display, events, { currency: identity.currency, locale: identity.locale });
  const devicesDesk = new DevicesDesk({ devices, display: poleDisplay, endpoints: deviceEndpoints, dataDir, identity, clock, signedIn: () => lane.signedIn });

  // The pickup desk: the store's online orders (the 'order' stream), hand-outs claimed through the centre.
  const pickupConfig = new SqliteStoreConfig(dbs.till);
  const orderApi = createOrderClient(createCentralCall({ endpoint: config.central.url, token: config.central.token, timeoutMs: 5000 }));
  const pickup = new PickupDesk({
    orders: new SqliteStoreOrders(dbs.till),
    api: orderApi,
    findProduct: (barcode) => catalog.findByBarcode(barcode),
    offlinePolicy: () => pickupConfig.get('offline.pickupHandout'),
    printer: devices.printer,
    identity,
    clock,
    ids,
    staff: () => lane.signedIn,
    poke: () => sync.poke(),
    events: {
      orderArrived: (e) => events.emit('pickup.orderArrived', e),
      ordersChanged: () => events.emit('pickup.ordersChanged', {}),
      scanned: (s) => events.emit('pickup.scanned', s),
    },
  });
  const pickupSink = pickup.sink();

  // Loyalty: the region's members and their coupons on the till (member and coupon streams), claims online.
  const members = new SqliteMembers(dbs.catalog);
  const loyaltyClient = createLoyaltyClient(createCentralCall({ endpoint: config.central.url, token: config.central.token, timeoutMs: 5000 }));
  const loyaltyStreams = [() => pullMembers(loyaltyClient, members), () => pullCoupons(loyaltyClient, members)];

  const sync = startSync({
    streams: [() => pullOrders(orderApi, pickupSink), ...loyaltyStreams],
    url: config.central.url,
    token: config.central.token,
    intervalMs: config.central.pollIntervalMs,
    outbox,
    catalog,
    staff,
    prices: new SqlitePriceSchedule(dbs.catalog, () => clock.now()),
    promotions,
    config: new SqliteStoreConfig(dbs.till),
    onStatus: (s) => events.emit('sync', s),
  });

  const shiftsRepo = new SqliteShifts(dbs.till);
  const postVoidsRepo = new SqlitePostVoids(dbs.till, identity);
  const memberService: MemberService = new MemberService({
    members, lane: () => lane, client: loyaltyClient, config: new SqliteStoreConfig(dbs.till), online: () => sync.status().online, rules, clock, ids,
    requests: new SqliteMemberRequests(dbs.till), poke: () => sync.poke(), staffId: () => lane.signedIn?.id ?? null,
  });
  const suspendedRepo = new SqliteSuspendedSales(dbs.till);
  const lane = new Lane({
    identity,
    rules,
    catalog,
    journal,
    drafts: new SqliteOpenSale(dbs.till),
    staff,
    reprints: new SqliteReprintQueue(dbs.till),
    printer: devices.printer,
    payment: devices.payment,
    promotions,
    suspended: suspendedRepo,
    discountLimits: config.discountLimits,
    ageRestrictedCategories: config.ageRestrictedCategories,
    inStoreCodes: config.inStoreCodes,
    clock,
    ids,
    events: {
      sale: (v) => events.emit('sale', v),
      saleCompleted: (v) => events.emit('saleCompleted', v),
      scanRejected: (r) => events.emit('scanRejected', r),
      nextQuantity: (quantity) => events.emit('sale.nextQuantity', { quantity }),
    },
    onSaleCommitted: () => sync.poke(),
    loyalty: memberService.laneHooks(),
    coupons: new BarcodeCouponService({
      definitions: () => promotions.coupons(), rules, online: () => sync.status().online,
      client: createCouponCodeClient(createCentralCall({ endpoint: config.central.url, token: config.central.token, timeoutMs: 5000 })),
    }),
    // Training mode: its own journal (no outbox), a terminal that charges nobody.
    training: { journal: new SqliteTrainingJournal(dbs.till, identity, rules), payment: new TrainingTerminal(), changed: (s) => events.emit('training', trainingView(s)) },
    businessDay: () => shiftsRepo.current()?.businessDay,
    // A kiosk asks its customer (print, digital, none) before printing.
    deferReceipt: config.role === 'kiosk',
    // The printed receipt's QR opens its digital copy on the central server, as the kiosk's does.
    digitalReceiptBase: config.kiosk.receiptBaseUrl ?? new URL(config.central.url).origin,
  });

  // A card operation the till was killed in the middle of: the terminal is asked before anything else.
  void resolveKeptCardOperation(devices.payment, lane).catch((e: unknown) => console.error('card recovery failed', e));

  // A self-checkout kiosk attends the lane itself; its customer reaches the sale only through kiosk.* methods.
  const kioskLog = new SqliteKioskEvents(dbs.till);
  const staffCallClient = createStaffCallClient(createCentralCall({ endpoint: config.central.url, token: config.central.token, timeoutMs: 5000 }));
  const kiosk = config.role === 'kiosk'
    ? await KioskService.start({ lane, bus: events, log: kioskLog, staff, config: config.kiosk, identity, centralUrl: config.central.url, clock, ids, relay: staffCallClient, pickup, looseItems: new SqliteLooseItems(dbs.catalog), members: memberService })
    : null;
  // Staff tills hear of the kiosks' calls through the central API (the kiosks may be anywhere in the store).
  const staffCalls = config.role === 'lane' || config.role === 'pickup'
    ? new StaffCallWatch(staffCallClient, (v) => events.emit('kiosk.staffCalls', v), config.central.pollIntervalMs)
    : null;

  // A customer's app cart QR at the lane: claimed once at the central API, its items rung as if scanned.
  const appCartClient = createAppCartClient(createCentralCall({ endpoint: config.central.url, token: config.central.token, timeoutMs: 5000 }));
  const appCarts = new AppCartService({ claim: (code, claimId) => appCartClient.claim(code, claimId), ring: (barcode) => lane.scan(barcode, 'manual'), ids });
  const scanAtLane = async (code: string, source: 'wedge' | 'manual' | 'scanner'): Promise<Result<SaleView>> => {
    if (!looksLikeAppCart(code)) return lane.scan(code, source);
    const r = await appCarts.take(code);
    if (!r.ok) {
      events.emit('scanRejected', { code, reason: r.code, message: r.message });
      return r;
    }
    // What the cart held but the till could not ring is said, item by item; the rest stands.
    for (const n of r.value.notRung) events.emit('scanRejected', { code: n.barcode, reason: 'cart_item_not_rung', message: n.reason });
    return r.value.view ? { ok: true, value: r.value.view } : { ok: false, code: 'cart_not_rung', message: APP_CART_MESSAGES.noneRung };
  };

  // Scans from a device scanner ring exactly like wedge scans; the renderer sees the result as events.
  // While the pickup screen shows, they feed the desk instead (order QRs, picking).
  // At a kiosk the device scanner rings through the kiosk (it also reads online orders' QR codes).
  devices.scanner?.onData((scan) => {
    // "Scan now" on the devices screen takes the scan to show it; it rings nothing.
    if (devicesDesk.takeScan(scan)) return;
    // A price checker shows the product and rings nothing.
    if (config.role === 'price-checker') return events.emit('kiosk.scanned', { code: scan.data });
    void (kiosk ? kiosk.scan(scan.data, 'scanner') : pickup.attached ? pickup.scan(scan.data) : scanAtLane(scan.data, 'scanner'));
  });

  // A sale suspended here is listed at the store's other tills through the centre, and resumed by a claim.
  const suspendedSales = new SuspendedSaleService({
    suspended: suspendedRepo,
    client: createSuspendedSaleClient(createCentralCall({ endpoint: config.central.url, token: config.central.token, timeoutMs: 5000 })),
    lane, identity, clock, ids,
    online: () => sync.status().online,
    poke: () => sync.poke(),
  });

  const productSearch = new ProductSearch({ catalog, rules, ring: (barcode) => lane.scan(barcode, 'manual') });

  // What is queued less the drawer's own events: a Z report must not wait for the close it follows.
  const unsyncedSales = (): number => sync.status().queued - shiftsRepo.pendingEvents();
  const shifts = new ShiftService({ shifts: shiftsRepo, identity, clock, ids, printer: devices.printer, staff: () => lane.signedIn,
    unsyncedSales,
    approve: (pin) => supervisorApproval(staff.list(), pin),
    onCommitted: () => sync.poke(),
    voidsBetween: (from, to) => postVoidsRepo.moneyBetween(from, to),
  });

  const journalDesk = new JournalService({ journal, search: new SqliteJournalSearch(dbs.till), identity, staff, printer: devices.printer });

  const returnsConfig = new SqliteStoreConfig(dbs.till);
  const returnsCall = createCentralCall({ endpoint: config.central.url, token: config.central.token, timeoutMs: 5000 });
  const returnsRepo = new SqliteReturns(dbs.till, identity, rules);
  const saleReturns = new ReturnService({
    identity, rules, catalog, staff, clock, ids,
    policy: () => returnPolicyOf(returnsConfig.get(RETURN_POLICY_KEY), config.returnPolicy),
    returns: returnsRepo,
    priceHistory: new SqlitePriceHistory(dbs.catalog),
    lookup: createSaleLookup(returnsCall),
    orders: new SqliteStoreOrders(dbs.till),
    claimOrderReturn: createOrderReturnClaim(returnsCall),
    signedIn: () => lane.signedIn,
    printer: devices.printer,
    reprints: new SqliteReprintQueue(dbs.till),
    payment: devices.payment,
    businessDay: () => shiftsRepo.current()?.businessDay,
    onCommitted: () => sync.poke(),
    voidOf: (saleId) => postVoidsRepo.voidOf(saleId),
  });

  const postVoidConfig = new SqliteStoreConfig(dbs.till);
  const postVoids = new PostVoidService({
    identity, voids: postVoidsRepo, staff, clock, ids, members,
    policy: () => postVoidPolicyOf(postVoidConfig.get(POST_VOID_POLICY_KEY)),
    signedIn: () => lane.signedIn,
    laneBusy: () => (lane.view()?.tenders.length ?? 0) > 0,
    printer: devices.printer,
    payment: devices.payment,
    businessDay: () => shiftsRepo.current()?.businessDay,
    onCommitted: () => sync.poke(),
  });
  const receiptReprints = new ReceiptReprints({
    queue: new SqliteReprintQueue(dbs.till), journal, identity, staff, printer: devices.printer,
    returns: { receiptNumberOf: (id) => returnsRepo.findById(id)?.receiptNumber, printQueued: (id) => saleReturns.printQueued(id) },
  });

  const stockClient = createStockClient(createCentralCall({ endpoint: config.central.url, token: config.central.token, timeoutMs: 5000 }));
  const stock = new StockService({ lookup: (barcode, radiusKm) => stockClient.lookup(barcode, radiusKm), findByBarcode: (barcode) => catalog.findByBarcode(barcode) });

  const handlers: Handlers = {
    'till.status': async () => ({
      ok: true,
      value: {
        store: { name: identity.storeName, code: identity.storeCode, tillNumber: identity.tillNumber, currency: identity.currency, locale: identity.locale, timeZone: identity.timeZone },
        role: config.role,
        wedge: config.wedge,
        staff: lane.signedIn,
        sale: lane.view(),
        lastCompleted: lane.completed(),
        devices: board.list(),
        sync: sync.status(),
      },
    }),
    'session.signIn': async ({ pin }) => {
      const signedIn = await lane.signIn(pin);
      // A sale paid in full whose commit a crash cut off is committed now, in front of the cashier
      // (receipt printed, drawer opened for cash), instead of being left unfinishable.
      if (signedIn.ok && config.role === 'lane') await lane.finishPaid();
      return reply(signedIn);
    },
    'session.signOut': async ({ supervisorPin }) => {
      // Leaving the till with sales it has not synced is a supervisor's call.
      const queued = unsyncedSales();
      if (queued > 0 && !(await supervisorApproval(staff.list(), supervisorPin))) {
        return { ok: false, error: { code: 'unsynced_sales', message: SHIFT_MESSAGES.unsyncedSales(queued) } };
      }
      return reply(await lane.signOut());
    },
    'sale.scan': async ({ code, source }) => reply(await scanAtLane(code, source)),
    'sale.voidLine': async ({ lineId }) => reply(await lane.voidLine(lineId)),
    'sale.setQuantity': async ({ lineId, quantity }) => reply(await lane.setQuantity(lineId, quantity)),
    'sale.payCash': async ({ received }) => reply(await lane.payCash(received)),
    'catalog.search': async ({ query, limit }) => ({ ok: true, value: productSearch.search(query, limit) }),
    'sale.addProduct': async ({ productId }) => reply(await productSearch.addProduct(productId)),
    'sale.discount': async (input) => reply(await lane.discount(input)),
    'sale.overridePrice': async (input) => reply(await lane.overridePrice(input)),
    'sale.confirmAge': async ({ approved }) => reply(await lane.confirmAge(approved)),
    'sale.suspend': async () => reply(await lane.suspend()),
    'sale.suspended': async () => ({ ok: true, value: lane.listSuspended() }),
    'sale.resume': async ({ saleId }) => reply(await suspendedSales.resume(saleId)),
    'sale.cancel': async () => reply(await lane.cancel()),
    'sale.removeCoupon': async ({ code }) => reply(await lane.removeCoupon(code)),
    'sale.orderForLater': async ({ lineId, fulfilment }) => reply(await lane.orderForLater(lineId, fulfilment)),
    'sale.takeNow': async ({ lineId }) => reply(await lane.takeNow(lineId)),
    'sale.cashReceipt': async (input) => reply(await lane.requestCashReceipt('clear' in input ? null : input)),
    'shift.current': async () => ({ ok: true, value: shifts.current() }),
    'shift.open': async ({ float }) => reply(shifts.open(float)),
    'shift.cash': async ({ kind, amount, reason }) => reply(await shifts.cash(kind, amount, reason)),
    'shift.noSale': async ({ reason }) => reply(await shifts.cash('noSale', 0, reason)),
    'shift.close': async ({ counts }) => reply(await shifts.close(counts)),
    'report.x': async () => reply(await shifts.reportX()),
    'report.z': async ({ supervisorPin }) => reply(await shifts.reportZ(supervisorPin)),
    'journal.search': async (query) => ({ ok: true, value: journalDesk.search(query) }),
    'journal.reprint': async ({ saleId, gift }) => reply(await journalDesk.reprint(saleId, gift)),
    'journal.receiptImage': async ({ saleId }) => reply(journalDesk.receiptImage(saleId)),
    'journal.recent': async ({ limit }) => ({ ok: true, value: journal.recent(limit) }),
    'receipts.queued': async () => ({ ok: true, value: receiptReprints.list() }),
    'receipts.reprintQueued': async () => ({ ok: true, value: await receiptReprints.reprintQueued() }),
    'sync.now': async () => ({ ok: true, value: sync.syncNow() }),
    'member.lookup': async ({ query }) => reply(memberService.lookup(query)),
    'member.attach': async ({ memberId }) => reply(await memberService.attach(memberId)),
    'loyalty.redeem': async ({ points }) => reply(await memberService.redeem(points)),
    'member.enrol': async (input) => reply(memberService.enrol(input)),
    'member.dataRequest': async ({ memberId, kind }) => reply(memberService.dataRequest(memberId, kind)),
    'member.timeline': async ({ memberId }) => reply(await memberService.timeline(memberId)),
    'stock.lookup': async ({ barcode }) => reply(await stock.lookup(barcode)),
    'sync.quarantine': async ({ limit }) => {
      // Rejected mutations carry receipts, amounts and reasons: a supervisor's or manager's to read.
      const who = lane.signedIn;
      if (!who) return { ok: false, error: { code: 'not_signed_in', message: 'sign in to read the quarantine' } };
      if (!SUPERVISOR_ROLES.includes(who.role)) return { ok: false, error: { code: 'approval_required', message: 'a supervisor or manager reads the quarantine' } };
      return { ok: true, value: sync.quarantine(limit) };
    },
    ...pickupHandlers(pickup),
    ...devicesDesk.handlers(),
    ...returnHandlers(saleReturns),
    ...laneScreenHandlers({
      lane, suspendedSales, catalog, currency: identity.currency, quickKeys: config.quickKeys, storeConfig: pickupConfig,
      unsynced: () => sync.status().queued,
      approve: async (pin) => (await supervisorApproval(staff.list(), pin)) !== null,
      quitApproved: () => events.emit('app.quitApproved', {}),
    }),
    // Card (with 할부), gift cards and store credit, mobile payments (tender-handlers.ts).
    ...tenderHandlers({
      lane: () => lane, central: config.central, till: dbs.till, config: new SqliteStoreConfig(dbs.till), online: () => sync.status().online,
      currency: identity.currency, clock, ids,
    }),
    ...saleChangesHandlers({ postVoids, lane, staff }),
    ...kioskHandlers(kiosk, { catalog, promotions, rules, clock, log: kioskLog, staffCalls }),
  };
  if (kiosk) Object.assign(handlers, guardStaffMethods(config.kiosk.cash, { 'member.lookup': handlers['member.lookup'] }));

  return {
    handlers,
    events,
    sync,
    promotions,
    async close() {
      kiosk?.stop();
      staffCalls?.stop();
      poleDisplay.dispose();
      await sync.stop();
      await devices.close();
      dbs.close();
    },
  };
}
