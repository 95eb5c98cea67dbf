import { readFileSync } from 'node:fs';

/** The till's operations, kept as .graphql files next to the schema so tools and tests can read them. */
const load = (name: string): string => readFileSync(new URL(`./operations/${name}.graphql`, import.meta.url), 'utf8');

export const operations = {
  catalogChanges: load('catalog-changes'),
  staffChanges: load('staff-changes'),
  pushMutations: load('push-mutations'),
  me: load('me'),
  priceChanges: load('price-changes'),
  promotionChanges: load('promotion-changes'),
  configChanges: load('config-changes'),
  orderChanges: load('order-changes'),
  claimPickupHandout: load('claim-pickup-handout'),
  stockLevels: load('stock-levels'),
  claimAppCart: load('claim-app-cart'),
  memberChanges: load('member-changes'),
  couponChanges: load('coupon-changes'),
  claimPoints: load('claim-points'),
  memberTimeline: load('member-timeline'),
  claimCoupons: load('claim-coupons'),
  releaseCoupons: load('release-coupons'),
  claimCouponCodes: load('claim-coupon-codes'),
  saleByReceipt: load('sale-by-receipt'),
  claimOrderReturn: load('claim-order-return'),
  raiseStaffCall: load('raise-staff-call'),
  closeStaffCall: load('close-staff-call'),
  openStaffCalls: load('open-staff-calls'),
  suspendedSales: load('suspended-sales'),
  claimSuspendedSale: load('claim-suspended-sale'),
  storedValueAccount: load('stored-value-account'),
  claimStoredValue: load('claim-stored-value'),
  authorizeMobilePayment: load('authorize-mobile-payment'),
} as const;

export const schemaPath = new URL('./schema.graphql', import.meta.url);
