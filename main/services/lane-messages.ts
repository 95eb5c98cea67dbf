/** Every message the lane sends to people, in one place so tests can pin them. English; the renderer localizes by code. */
export const LANE_MESSAGES = {
  notSignedIn: 'sign in with a staff PIN first',
  pinWrong: 'that PIN does not match any staff member',
  productUnknown: (code: string) => `no product has the barcode ${code}`,
  noOpenSale: 'there is no open sale',
  basketEmpty: 'the basket is empty',
  noTerminal: 'no card terminal is configured on this till',
  paymentDeclined: (message: string) => `the card was declined: ${message}`,
  paymentFailed: (message: string) => `the card payment did not complete: ${message}`,
  noPrinter: 'no receipt printer is configured; the receipt is queued for reprint',
  lineNotFound: 'that line is not in the sale (or is voided)',
  approvalRequired: (bps: number) => `${(bps / 100).toFixed(1)}% is over your limit: a supervisor's PIN is needed`,
  approvalRefused: (name: string) => `${name}'s limit does not cover this either`,
  ageCheckRequired: 'confirm the customer\'s age before taking payment',
  saleHasTenders: 'payment was already taken on this sale; finish it or refund the tender first',
  saleOpen: 'finish or suspend the open sale first',
  suspendedGone: 'that suspended sale is no longer there (another till may have resumed it)',
} as const;
