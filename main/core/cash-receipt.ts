import { type Result, fail, ok } from './result.ts';

/**
 * 현금영수증 (cash receipts): for a cash or transfer payment, the customer may ask for a receipt
 * reported to the National Tax Service, either for their income deduction (identified by mobile
 * number or a cash-receipt card) or as a business's proof of expense (business registration
 * number). The till records the request with the sale, prints it masked, and the central API
 * reports it. A return cancels it (at the centre, with the return).
 */
export type CashReceiptPurpose = 'deduction' | 'expense';
export type CashReceiptIdKind = 'phone' | 'card' | 'business';

export interface CashReceiptRequest {
  readonly purpose: CashReceiptPurpose;
  readonly idKind: CashReceiptIdKind;
  /** Digits only; what the tax service needs. Printed masked, never shown whole. */
  readonly identifier: string;
}

export type CashReceiptError = 'cash_receipt_invalid';

export const CASH_RECEIPT_MESSAGES = {
  phone: 'a mobile number is 10 or 11 digits starting 01',
  card: 'a cash-receipt card number is 13 to 19 digits',
  business: 'that is not a valid business registration number (10 digits with a check digit)',
  purpose: 'income deduction takes a mobile number or a cash-receipt card; proof of expense takes a business registration number',
} as const;

/** The check digit of a Korean business registration number (사업자등록번호). */
export function isBusinessNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  const d = [...digits].map(Number);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d[i] ?? 0) * (weights[i] ?? 0);
  sum += Math.floor(((d[8] ?? 0) * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}

/** Reads what the cashier typed (dashes and spaces allowed) into a request, or says what is wrong. */
export function cashReceiptRequest(purpose: CashReceiptPurpose, idKind: CashReceiptIdKind, typed: string): Result<CashReceiptRequest, CashReceiptError> {
  const digits = typed.replace(/[\s-]/g, '');
  if ((purpose === 'deduction') !== (idKind !== 'business')) return fail('cash_receipt_invalid', CASH_RECEIPT_MESSAGES.purpose);
  if (idKind === 'phone' && !/^01\d{8,9}$/.test(digits)) return fail('cash_receipt_invalid', CASH_RECEIPT_MESSAGES.phone);
  if (idKind === 'card' && !/^\d{13,19}$/.test(digits)) return fail('cash_receipt_invalid', CASH_RECEIPT_MESSAGES.card);
  if (idKind === 'business' && !isBusinessNumber(digits)) return fail('cash_receipt_invalid', CASH_RECEIPT_MESSAGES.business);
  return ok({ purpose, idKind, identifier: digits });
}

/** As printed and shown: 010-****-5678, 1234-****-****-5678, 123-45-***** (business numbers keep the type digits). */
export function maskedCashReceiptId(r: Pick<CashReceiptRequest, 'idKind' | 'identifier'>): string {
  const id = r.identifier;
  if (r.idKind === 'phone') return `${id.slice(0, 3)}-****-${id.slice(-4)}`;
  if (r.idKind === 'business') return `${id.slice(0, 3)}-${id.slice(3, 5)}-*****`;
  return `${id.slice(0, 4)}-****-****-${id.slice(-4)}`;
}

/** The amount a cash receipt covers: what was paid in cash, less the change handed back (never more than the total). */
export function cashReceiptAmount(total: number, cashTendered: number, change: number): number {
  return Math.max(0, Math.min(total, cashTendered - change));
}
