/**
 * A customer's app cart, shown as a QR code (OMNI-CART:<12 hex digits>) and taken over at a till:
 * the till rings its items as if scanned. Parsing lives here so the lane, the kiosk and the central
 * reference server read the same code.
 */
export const APP_CART_QR_PREFIX = 'OMNI-CART:';

/** The cart code of a scanned app cart QR, or null when the scan is something else. */
export function appCartCodeOf(scan: string): string | null {
  const text = scan.trim();
  if (!text.toUpperCase().startsWith(APP_CART_QR_PREFIX)) return null;
  const code = text.slice(APP_CART_QR_PREFIX.length).toUpperCase();
  return /^[0-9A-F]{12}$/.test(code) ? code : null;
}

/** Whether a scan claims to be an app cart (so a malformed one is refused as a bad cart, not as a bad barcode). */
export const looksLikeAppCart = (scan: string): boolean => scan.trim().toUpperCase().startsWith(APP_CART_QR_PREFIX);
