import type { CompletedPostVoid } from '../main/core/post-void.ts';

/** The wire shape of a pushed post-void (PostVoidInput in schema.graphql). */
export interface PostVoidInput {
  readonly id: string;
  readonly voidNumber: string;
  readonly saleId: string;
  readonly receiptNumber: string;
  readonly businessDay: string;
  readonly completedAt: string;
  readonly staffId: string;
  readonly approvedBy: string;
  readonly total: number;
  readonly tenders: readonly {
    readonly id: string;
    readonly kind: 'CASH' | 'CARD' | 'POINTS';
    readonly amount: number;
    readonly originalTenderId: string;
    readonly method: 'REVERSAL' | 'REFUND' | null;
    readonly card: { readonly scheme: string; readonly maskedPan: string; readonly approvalCode: string; readonly terminalRef: string } | null;
  }[];
}

export function toPostVoidInput(v: CompletedPostVoid): PostVoidInput {
  return {
    id: v.id,
    voidNumber: v.voidNumber,
    saleId: v.original.saleId,
    receiptNumber: v.original.receiptNumber,
    businessDay: v.businessDay,
    completedAt: v.completedAt,
    staffId: v.staffId,
    approvedBy: v.approvedBy,
    total: v.totals.total,
    tenders: v.tenders.map((t) => ({
      id: t.id,
      kind: t.kind === 'cash' ? 'CASH' : t.kind === 'card' ? 'CARD' : 'POINTS',
      amount: t.amount,
      originalTenderId: t.originalTenderId,
      method: t.kind === 'card' ? (t.method === 'reversal' ? 'REVERSAL' : 'REFUND') : null,
      card: t.kind === 'card' ? { ...t.card } : null,
    })),
  };
}
