import type { CompletedSale } from '../main/core/sale.ts';
import type { OutboxEntry } from './ports.ts';

/** The wire shape of a pushed sale (SaleInput in schema.graphql). No store or till id: the credential says. */
export interface SaleInput {
  readonly id: string;
  readonly receiptNumber: string;
  readonly sequence: number;
  readonly businessDay: string;
  readonly startedAt: string;
  readonly completedAt: string;
  readonly currency: string;
  readonly staffId: string;
  readonly lines: readonly {
    readonly lineId: string;
    readonly productId: string;
    readonly barcode: string;
    readonly nameKo: string;
    readonly nameEn: string | null;
    readonly unitPrice: number;
    readonly quantity: number;
    readonly taxClass: string;
    readonly voided: boolean;
    readonly discount: number;
    readonly weightGrams: number | null;
    readonly labelled: boolean;
  }[];
  readonly tenders: readonly {
    readonly id: string;
    readonly kind: 'CASH' | 'CARD';
    readonly amount: number;
    readonly card: { readonly scheme: string; readonly maskedPan: string; readonly approvalCode: string; readonly terminalRef: string } | null;
  }[];
  readonly totals: { readonly total: number; readonly itemCount: number; readonly taxableSupply: number; readonly tax: number; readonly taxFree: number };
  readonly change: number;
}

export interface MutationInput {
  readonly id: string;
  readonly sequence: number;
  readonly kind: 'SALE';
  readonly occurredAt: string;
  readonly sale: SaleInput | null;
}

export function toSaleInput(sale: CompletedSale): SaleInput {
  return {
    id: sale.id,
    receiptNumber: sale.receiptNumber,
    sequence: sale.sequence,
    businessDay: sale.businessDay,
    startedAt: sale.startedAt,
    completedAt: sale.completedAt,
    currency: sale.currency,
    staffId: sale.staffId,
    lines: sale.lines.map((l) => ({
      lineId: l.lineId,
      productId: l.productId,
      barcode: l.barcode,
      nameKo: l.name['ko'] ?? Object.values(l.name)[0] ?? '',
      nameEn: l.name['en'] ?? null,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      taxClass: l.taxClass,
      voided: l.voided,
      discount: sale.totals.lineDiscounts?.[l.lineId] ?? 0,
      weightGrams: l.measure?.grams ?? null,
      labelled: l.labelled === true || l.measure !== undefined,
    })),
    tenders: sale.tenders.map((t) =>
      t.kind === 'card'
        ? { id: t.id, kind: 'CARD' as const, amount: t.amount, card: { ...t.card } }
        : { id: t.id, kind: 'CASH' as const, amount: t.amount, card: null },
    ),
    totals: {
      total: sale.totals.total,
      itemCount: sale.totals.itemCount,
      taxableSupply: sale.totals.taxableSupply,
      tax: sale.totals.tax,
      taxFree: sale.totals.taxFree,
    },
    change: sale.change,
  };
}

export function toMutationInput(entry: OutboxEntry): MutationInput {
  return { id: entry.mutationId, sequence: entry.sequence, kind: entry.kind, occurredAt: entry.occurredAt, sale: toSaleInput(entry.payload) };
}
