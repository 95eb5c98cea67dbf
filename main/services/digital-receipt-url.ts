/**
 * The digital copy of a receipt on the central server (fixtures/central/receipt-page.ts serves it):
 * the receipt number finds the sale, the sale id (UUIDv7, not guessable) opens it, and the page
 * opens in the customer's language. The kiosk shows it as a QR; the lane prints it on the receipt.
 */
export function digitalReceiptUrl(base: string, sale: { readonly saleId: string; readonly receiptNumber: string }, language: string): string {
  const url = new URL(`receipt/${encodeURIComponent(sale.receiptNumber)}`, base.endsWith('/') ? base : `${base}/`);
  url.searchParams.set('sale', sale.saleId);
  url.searchParams.set('lang', language);
  return url.href;
}
