import type { Tender } from '../core/tender.ts';
import type { PrintBlock } from '../../drivers/printer/types.ts';
import { RECEIPT_LABELS, type ReceiptLanguage } from './receipt-labels.ts';
import { pointsTenderBlock } from './loyalty-receipt.ts';

/** The words of the tenders only this file prints (gift card, store credit, mobile, instalments). */
export const TENDER_RECEIPT_LABELS = {
  ko: {
    giftCard: '상품권',
    storeCredit: '적립금',
    balance: '잔액',
    mobile: '간편결제',
    singlePayment: '일시불',
    instalments: (months: number) => `할부 ${months}개월`,
  },
  en: {
    giftCard: 'Gift card',
    storeCredit: 'Store credit',
    balance: 'Balance',
    mobile: 'Mobile pay',
    singlePayment: 'Single payment',
    instalments: (months: number) => `Instalments: ${months} months`,
  },
} as const;

/** One tender as a sale receipt prints it: kind, masked number, amount; approval, instalments or the card's balance under it. */
export function tenderBlocks(t: Tender, lang: ReceiptLanguage, amount: (minor: number) => string): PrintBlock[] {
  const L = RECEIPT_LABELS[lang];
  const T = TENDER_RECEIPT_LABELS[lang];
  switch (t.kind) {
    case 'cash':
      return [{ kind: 'columns', left: L.cash, right: amount(t.amount) }];
    case 'points':
      return [pointsTenderBlock(t, lang, amount)];
    case 'card': {
      const months = t.card.instalmentMonths ?? 0;
      return [
        { kind: 'columns', left: `${L.card} ${t.card.scheme} ${t.card.maskedPan}`, right: amount(t.amount) },
        { kind: 'columns', left: `  ${L.approval}`, right: t.card.approvalCode },
        { kind: 'text', text: `  ${months === 0 ? T.singlePayment : T.instalments(months)}` },
      ];
    }
    case 'giftCard':
    case 'storeCredit':
      return [
        { kind: 'columns', left: `${t.kind === 'giftCard' ? T.giftCard : T.storeCredit} ${t.storedValue.maskedNumber}`, right: amount(t.amount) },
        { kind: 'columns', left: `  ${T.balance}`, right: amount(t.storedValue.balanceAfter) },
      ];
    case 'mobile':
      return [
        { kind: 'columns', left: `${T.mobile} ${t.mobile.provider} ${t.mobile.maskedToken}`, right: amount(t.amount) },
        { kind: 'columns', left: `  ${L.approval}`, right: t.mobile.approvalCode },
      ];
  }
}
