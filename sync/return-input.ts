import type { CompletedReturn } from '../main/core/returns/sale-return.ts';

/** The wire shape of a pushed return (ReturnInput in schema.graphql). No store or till id: the credential says. */
export interface ReturnInput {
  readonly id: string;
  readonly returnNumber: string;
  readonly sequence: number;
  readonly businessDay: string;
  readonly completedAt: string;
  readonly currency: string;
  readonly staffId: string;
  readonly approvedBy: string | null;
  readonly originalSaleId: string | null;
  readonly originalReceiptNumber: string | null;
  readonly lines: readonly {
    readonly lineId: string;
    readonly originalLineId: string | null;
    readonly productId: string;
    readonly barcode: string;
    readonly nameKo: string;
    readonly taxClass: string;
    readonly quantity: number;
    readonly refund: number;
    readonly condition: string;
    readonly disposition: string;
  }[];
  readonly tenders: readonly {
    readonly id: string;
    readonly kind: string;
    readonly amount: number;
    readonly originalTenderId: string | null;
    readonly card: { readonly scheme: string; readonly maskedPan: string; readonly approvalCode: string; readonly terminalRef: string } | null;
    /** STORE_CREDIT: the central account credited. */
    readonly storedValue?: { readonly accountId: string; readonly maskedNumber: string };
  }[];
  readonly totals: { readonly total: number; readonly itemCount: number; readonly taxableSupply: number; readonly tax: number; readonly taxFree: number };
}

export function toReturnInput(r: CompletedReturn): ReturnInput {
  return {
    id: r.id,
    returnNumber: r.receiptNumber,
    sequence: r.sequence,
    businessDay: r.businessDay,
    completedAt: r.completedAt,
    currency: r.currency,
    staffId: r.staffId,
    approvedBy: r.approvedBy,
    originalSaleId: r.original?.saleId ?? null,
    originalReceiptNumber: r.original?.receiptNumber ?? null,
    lines: r.lines.map((l) => ({
      lineId: l.lineId,
      originalLineId: l.originalLineId,
      productId: l.productId,
      barcode: l.barcode,
      nameKo: l.name['ko'] ?? Object.values(l.name)[0] ?? '',
      taxClass: l.taxClass,
      quantity: l.quantity,
      refund: l.refund,
      condition: l.condition,
      disposition: l.disposition,
    })),
    tenders: r.tenders.map((t) => ({
      id: t.id,
      kind: t.kind === 'storeCredit' ? 'STORE_CREDIT' : t.kind.toUpperCase(),
      amount: t.amount,
      originalTenderId: t.originalTenderId,
      card: t.kind === 'card' ? { ...t.card } : null,
      ...(t.kind === 'storeCredit' ? { storedValue: { ...t.storedValue } } : {}),
    })),
    totals: { ...r.totals },
  };
}
