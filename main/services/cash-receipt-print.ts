import type { CompletedSale } from '../core/sale.ts';
import { maskedCashReceiptId } from '../core/cash-receipt.ts';
import type { PrintBlock } from '../../drivers/printer/types.ts';
import type { ReceiptLanguage } from './receipt-labels.ts';

/** The cash receipt's words, in the store's language. */
export const CASH_RECEIPT_LABELS = {
  ko: { title: '현금영수증', deduction: '소득공제', expense: '지출증빙', amount: '대상 금액', pending: '국세청 신고: 본사 전송 후 처리' },
  en: { title: 'Cash receipt (NTS)', deduction: 'Income deduction', expense: 'Proof of expense', amount: 'Amount covered', pending: 'Reported to the tax service via head office' },
} as const;

/** 현금영수증 on the till receipt: purpose, the identifier masked, the cash it covers. */
export function cashReceiptBlocks(sale: CompletedSale, lang: ReceiptLanguage, amount: (minor: number) => string): PrintBlock[] {
  const c = sale.cashReceipt;
  if (!c) return [];
  const L = CASH_RECEIPT_LABELS[lang];
  return [
    { kind: 'rule' },
    { kind: 'columns', left: `${L.title} (${c.purpose === 'deduction' ? L.deduction : L.expense})`, right: maskedCashReceiptId(c), bold: true },
    { kind: 'columns', left: L.amount, right: amount(c.amount) },
    { kind: 'text', text: L.pending },
  ];
}
