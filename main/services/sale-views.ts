import type { CompletedSale, OpenSale } from '../core/sale.ts';
import { saleTotals, salePayment } from '../core/sale.ts';
import { ageCheckPending, lineAmount } from '../core/basket.ts';
import type { TaxRules } from '../core/tax.ts';
import type { Tender } from '../core/tender.ts';
import type { CompletedSaleView, SaleView } from '../api/contract.ts';
import { maskedCashReceiptId } from '../core/cash-receipt.ts';
import { memberOnSale } from './loyalty-views.ts';
import { redeemedCoupons } from '../core/coupons/barcode-coupon.ts';

/** Projections of the core's sale for the renderer: the contract's view types, nothing more. */
export function tenderView(t: Tender): SaleView['tenders'][number] {
  switch (t.kind) {
    case 'cash':
    case 'points':
      return { kind: t.kind, amount: t.amount };
    case 'card':
      return {
        kind: 'card', amount: t.amount, detail: `${t.card.scheme} ${t.card.maskedPan}`, approvalCode: t.card.approvalCode,
        ...(t.card.instalmentMonths !== undefined ? { instalmentMonths: t.card.instalmentMonths } : {}),
      };
    case 'giftCard':
    case 'storeCredit':
      return { kind: t.kind, amount: t.amount, detail: t.storedValue.maskedNumber, balanceAfter: t.storedValue.balanceAfter };
    case 'mobile':
      return { kind: 'mobile', amount: t.amount, detail: `${t.mobile.provider} ${t.mobile.maskedToken}`, approvalCode: t.mobile.approvalCode };
  }
}

/** Where an ordered line goes (save the sale), for the basket to say so. */
function orderedView(sale: OpenSale, lineId: string): { ordered?: NonNullable<SaleView['lines'][number]['ordered']> } {
  const o = sale.ordered?.find((x) => x.lineId === lineId);
  if (!o) return {};
  return { ordered: { kind: o.fulfilment.kind, storeName: o.fulfilment.kind === 'pickup' ? o.fulfilment.storeName : null } };
}

export function saleView(sale: OpenSale, rules: TaxRules): SaleView {
  const totals = saleTotals(sale, rules);
  const pay = salePayment(sale, rules);
  return {
    id: sale.id,
    currency: sale.basket.currency,
    lines: sale.basket.lines.map((l) => ({
      lineId: l.lineId,
      barcode: l.barcode,
      name: { ...l.name },
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      amount: lineAmount(l),
      discount: totals.lineDiscounts[l.lineId] ?? 0,
      ageCheck: l.ageCheck?.state ?? 'none',
      originalPrice: l.override?.originalPrice ?? null,
      taxFree: (rules.classes[l.taxClass]?.rateBps ?? 0) === 0,
      voided: l.voided,
      ...orderedView(sale, l.lineId),
    })),
    totals: {
      total: totals.total,
      itemCount: totals.itemCount,
      taxableSupply: totals.taxableSupply,
      tax: totals.tax,
      taxFree: totals.taxFree,
      discount: totals.discount,
    },
    savings: totals.savings.map((x) => ({ label: { ...x.label }, amount: x.amount })),
    ageCheckPending: ageCheckPending(sale.basket),
    ...(sale.cashReceipt ? { cashReceipt: { purpose: sale.cashReceipt.purpose, masked: maskedCashReceiptId(sale.cashReceipt) } } : {}),
    payment: { paid: pay.paid, due: pay.due, change: pay.change },
    tenders: sale.tenders.map(tenderView),
    member: memberOnSale(sale, totals.savings),
    ...((sale.coupons ?? []).length > 0 ? { coupons: couponViews(sale, totals.savings) } : {}),
    ...(sale.receiptLanguage ? { receiptLanguage: sale.receiptLanguage } : {}),
  };
}

/** The sale's coupons by barcode with what each saves now (0 under its minimum spend, or beaten by a better promotion). */
function couponViews(sale: OpenSale, savings: readonly { readonly id: string; readonly amount: number }[]): NonNullable<SaleView['coupons']> {
  const saved = new Map(redeemedCoupons(sale.coupons, savings).map((c) => [c.code, c.saved]));
  return (sale.coupons ?? []).map((c) => ({ code: c.code, name: { ...c.name }, singleUse: c.singleUse, saved: saved.get(c.code) ?? 0 }));
}

export function completedSaleView(sale: CompletedSale, receipt: { printed: boolean; error?: string }): CompletedSaleView {
  return {
    saleId: sale.id,
    receiptNumber: sale.receiptNumber,
    total: sale.totals.total,
    change: sale.change,
    tenders: sale.tenders.map(tenderView),
    ...(sale.loyalty ? { loyalty: { pointsEarned: sale.loyalty.pointsEarned, pointsRedeemed: sale.loyalty.pointsRedeemed, balanceAfter: sale.loyalty.balanceAfter } } : {}),
    receipt: receipt.error === undefined ? { printed: receipt.printed } : { printed: receipt.printed, error: receipt.error },
  };
}
