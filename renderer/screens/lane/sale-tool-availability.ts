import type { SaleView } from '../../../main/api/contract.ts';
import type { SaleToolCommand } from './lane-keys.ts';

/**
 * Which sale tools make sense now. Nothing changes a sale under a payment in progress or once a
 * tender is taken (the host refuses with sale_has_tenders; the buttons say so first). The host
 * stays the judge: this only keeps the cashier from keys that cannot work.
 */
export function saleToolAvailability(sale: SaleView | null, selectedLineId: string | null, paying: boolean): Record<SaleToolCommand, boolean> {
  const liveLines = (sale?.lines ?? []).filter((l) => !l.voided);
  const untendered = sale !== null && sale.payment.paid === 0 && !paying;
  return {
    discount: untendered && liveLines.length > 0,
    priceOverride: untendered && liveLines.some((l) => l.lineId === selectedLineId),
    suspend: untendered,
    resumeList: !paying,
    cancelSale: untendered,
    orderForLater: untendered && liveLines.some((l) => l.lineId === selectedLineId),
    // Asked for before the cash is taken (a card part may already be paid).
    cashReceipt: sale !== null && liveLines.length > 0 && !paying,
  };
}
