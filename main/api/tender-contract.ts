/**
 * Gift cards, store credit, mobile payments and card instalments: their part of the contract (spread
 * into contract.ts). The payment methods answer like sale.payCash; contract.ts lends that shape.
 */
import { z } from 'zod';

const empty = z.object({}).strict();
const minor = z.number().int();

/** A gift card or store-credit account as the centre told it: masked, its balance and the version a claim names. */
export const storedValueAccountView = z.object({
  accountId: z.string(),
  kind: z.enum(['giftCard', 'storeCredit']),
  maskedNumber: z.string(),
  currency: z.string(),
  balance: minor,
  version: z.number().int(),
  /** What the dialog offers: the lesser of what is due and the balance. */
  suggested: minor,
});

export const cardOptionsView = z.object({
  due: minor,
  /** 할부 from this amount on (store config card.instalmentMinimum). */
  minimum: minor,
  /** 0 (일시불), then 2..12 months when the due allows it. */
  choices: z.array(z.number().int()),
});

export type StoredValueAccountView = z.output<typeof storedValueAccountView>;
export type CardOptionsView = z.output<typeof cardOptionsView>;

export function tenderMethods<P extends z.ZodType>(paymentReply: P) {
  return {
    /** The instalment choices for a card charge of what is due now. */
    'tender.cardOptions': { input: empty, output: cardOptionsView },
    /** Online only: a gift card or store-credit account by its number (scanned or typed); the till keeps nothing of the number. */
    'giftCard.lookup': { input: z.object({ number: z.string().min(1).max(40) }).strict(), output: storedValueAccountView },
    /** Takes `amount` of the account as a tender, through a claim at the balance version the lookup showed. */
    'giftCard.redeem': {
      input: z.object({ accountId: z.string().min(1).max(64), amount: z.number().int().positive().max(100_000_000), expectedVersion: z.number().int().nonnegative() }).strict(),
      output: paymentReply,
    },
    /** A mobile payment by the customer's one-time barcode, authorised through the central API (online only). */
    'mobile.pay': { input: z.object({ barcode: z.string().min(1).max(40) }).strict(), output: paymentReply },
  } as const;
}
