/**
 * The strings of coupons by barcode, post-void and training mode (spread into ko.ts and en.ts), kept
 * apart so the shared tables change by one line. Both tables must have the same keys (i18n.test.ts).
 */
export const saleChangesKo = {
  'coupons.title': '쿠폰',
  'coupons.entry': '{name} {amount}',
  'coupons.waiting': '{name}: 조건 미충족',
  'coupons.singleUse': '1회용',
  'coupons.remove': '쿠폰 빼기: {name}',
  'error.coupon_unknown': '이 매장에 없는 쿠폰 바코드입니다. 아무것도 담지 않았습니다.',
  'error.coupon_expired': '유효기간이 지난 쿠폰입니다. 아무것도 담지 않았습니다.',
  'error.coupon_not_started': '아직 사용 기간이 아닌 쿠폰입니다. 아무것도 담지 않았습니다.',
  'error.coupon_on_sale': '이 쿠폰은 이미 거래에 있습니다.',
} as const;

export const saleChangesEn: Record<keyof typeof saleChangesKo, string> = {
  'coupons.title': 'Coupons',
  'coupons.entry': '{name} {amount}',
  'coupons.waiting': '{name}: conditions not met',
  'coupons.singleUse': 'single-use',
  'coupons.remove': 'Remove coupon: {name}',
  'error.coupon_unknown': 'This coupon barcode is not known to this store. Nothing was rung.',
  'error.coupon_expired': 'This coupon has expired. Nothing was rung.',
  'error.coupon_not_started': 'This coupon is not valid yet. Nothing was rung.',
  'error.coupon_on_sale': 'This coupon is already on the sale.',
};
