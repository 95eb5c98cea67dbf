import type { CompletedSale } from '../core/sale.ts';
import type { Tender } from '../core/tender.ts';
import type { PrintBlock } from '../../drivers/printer/types.ts';
import type { ReceiptLanguage } from './receipt-labels.ts';

/** The loyalty words on a receipt, in the store's language. */
export const LOYALTY_RECEIPT_LABELS = {
  ko: { points: '포인트 사용', member: '회원', earned: '적립 포인트', redeemed: '사용 포인트', balance: '잔여 포인트', pending: '(전송 후 확정)' },
  en: { points: 'Points', member: 'Member', earned: 'Points earned', redeemed: 'Points used', balance: 'Points balance', pending: '(confirmed once synced)' },
} as const;

const count = (n: number, locale: string): string => new Intl.NumberFormat(locale).format(n);

/** A points tender's line: what the points paid. */
export function pointsTenderBlock(t: Extract<Tender, { kind: 'points' }>, lang: ReceiptLanguage, amount: (minor: number) => string): PrintBlock {
  return { kind: 'columns', left: LOYALTY_RECEIPT_LABELS[lang].points, right: amount(t.amount) };
}

/** The member's part of the receipt: masked name and phone, points earned, used and the new balance. */
export function loyaltyBlocks(sale: CompletedSale, lang: ReceiptLanguage, locale: string): PrintBlock[] {
  const l = sale.loyalty;
  if (!l) return [];
  const L = LOYALTY_RECEIPT_LABELS[lang];
  const blocks: PrintBlock[] = [
    { kind: 'rule' },
    { kind: 'columns', left: L.member, right: `${l.maskedName} ${l.maskedPhone}` },
    { kind: 'columns', left: L.earned, right: count(l.pointsEarned, locale) },
  ];
  if (l.pointsRedeemed > 0) blocks.push({ kind: 'columns', left: L.redeemed, right: count(l.pointsRedeemed, locale) });
  blocks.push({ kind: 'columns', left: L.balance, right: count(l.balanceAfter, locale), bold: true });
  return blocks;
}
