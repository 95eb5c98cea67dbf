import { type Result, fail, ok } from '../result.ts';

/**
 * A pay app's one-time barcode, shown on the customer's phone: 18 to 24 digits. It is sent to the
 * central API once to be authorised and never kept; the till keeps it masked (****1234).
 */
export const MOBILE_PAY_MESSAGES = {
  barcode: 'a mobile payment barcode is 18 to 24 digits',
} as const;

export function readMobilePayBarcode(raw: string): Result<string, 'mobile_barcode'> {
  const digits = raw.trim();
  return /^\d{18,24}$/.test(digits) ? ok(digits) : fail('mobile_barcode', MOBILE_PAY_MESSAGES.barcode);
}

/** A mobile barcode would never be a product, a receipt or a gift card: the lane may hand such a scan to the dialog. */
export const looksLikeMobilePayBarcode = (raw: string): boolean => /^\d{18,24}$/.test(raw.trim());
