/**
 * The order QR the customer shows on their phone: `omni-order:<number>:<pickupCode>`. The pickup
 * code comes with the order on the stream, so the till checks a QR offline too; a number alone
 * (typed, or a photo of someone else's order list) does not hand anything out.
 */
const QR = /^omni-order:(\d{6,20}):([A-Z2-9]{6})$/;

export function orderQr(number: string, pickupCode: string): string {
  return `omni-order:${number}:${pickupCode}`;
}

/** The order number and pickup code, or null when the text is not an order QR. Scanners in caps-lock send it upper-case. */
export function parseOrderQr(text: string): { readonly number: string; readonly pickupCode: string } | null {
  const t = text.trim();
  const m = QR.exec(`${t.slice(0, 11).toLowerCase()}${t.slice(11).toUpperCase()}`);
  return m ? { number: m[1] ?? '', pickupCode: m[2] ?? '' } : null;
}
