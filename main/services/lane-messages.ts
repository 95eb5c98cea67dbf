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
} as const;
