import type { Ids } from '../core/ports.ts';
import type { Tender } from '../core/tender.ts';
import { type Result, fail, ok } from '../core/result.ts';
import { checkStoredValueAmount, defaultStoredValueAmount, readStoredValueNumber } from '../core/tenders/stored-value.ts';
import type { StoredValueAccount, TenderClient } from '../../sync/tender-client.ts';
import type { StoredValueAccountView } from '../api/tender-contract.ts';
import type { ApiErrorCode } from '../api/contract.ts';
import type { Lane, LaneResult, PaymentReply } from './lane.ts';

export const STORED_VALUE_SERVICE_MESSAGES = {
  offline: 'gift cards and store credit are held by the central server, which cannot be reached now: take another tender (nothing was taken from the card)',
  lost: 'the central server did not answer whether the card was charged: press Alt+G and confirm again (the same claim is asked again, never taken twice)',
  unknown: 'no gift card or store credit has this number',
  currency: (currency: string) => `this card holds ${currency}, not the store's currency`,
  conflict: (balance: number) => `the card's balance changed at the centre (now ${balance}): check the amount and confirm again`,
  insufficient: (balance: number) => `the centre says the card has only ${balance} left`,
  noSale: 'ring the items first: a gift card pays for a sale',
} as const;

type CentralFailure = { readonly code: string };
const unreachable = (r: CentralFailure): boolean => r.code === 'unreachable' || r.code === 'timeout' || r.code === 'http_5xx';

export interface StoredValueServiceDeps {
  readonly lane: () => Lane;
  readonly client: Pick<TenderClient, 'storedValueAccount' | 'claimStoredValue'>;
  /** Whether the last sync round reached the centre. */
  readonly online: () => boolean;
  readonly currency: string;
  readonly ids: Ids;
}

/**
 * Gift cards and store credit as tenders. Their balances are the centre's, so both the lookup and the
 * claim are online only: offline the tender is refused (a card can be spent at any store or online at
 * the same moment, so there is no safe offline amount). The claim is made at the balance version the
 * lookup showed; a changed balance is refused and the dialog shows the new one.
 */
export class StoredValueService {
  /**
   * Claims whose answer was lost, by sale, account and amount: the cashier's next try asks the centre
   * with the same claim id, which holds once, so a lost answer never takes the amount twice.
   */
  private readonly unanswered = new Map<string, string>();

  constructor(private readonly deps: StoredValueServiceDeps) {}

  async lookup(raw: string): Promise<Result<StoredValueAccountView, ApiErrorCode>> {
    const number = readStoredValueNumber(raw);
    if (!number.ok) return number;
    if (!this.deps.online()) return fail('stored_value_offline', STORED_VALUE_SERVICE_MESSAGES.offline);
    const r = await this.deps.client.storedValueAccount(number.value);
    if (!r.ok) return unreachable(r) ? fail('stored_value_offline', STORED_VALUE_SERVICE_MESSAGES.offline) : fail('stored_value_refused', r.message);
    if (r.value === null) return fail('stored_value_unknown', STORED_VALUE_SERVICE_MESSAGES.unknown);
    if (r.value.currency !== this.deps.currency) return fail('stored_value_currency', STORED_VALUE_SERVICE_MESSAGES.currency(r.value.currency));
    return ok(this.view(r.value, this.deps.lane().view()?.payment.due ?? 0));
  }

  redeem(input: { accountId: string; amount: number; expectedVersion: number }): Promise<LaneResult<PaymentReply>> {
    return this.deps.lane().payWith(async (sale, due) => this.tender(sale.id, due, input));
  }

  private async tender(saleId: string, due: number, input: { accountId: string; amount: number; expectedVersion: number }): Promise<LaneResult<Tender>> {
    // The balance is checked by the centre's claim; what is due is checked here first.
    const amount = checkStoredValueAmount(input.amount, Number.MAX_SAFE_INTEGER, due);
    if (!amount.ok) return amount;
    if (!this.deps.online()) return fail('stored_value_offline', STORED_VALUE_SERVICE_MESSAGES.offline);
    const key = `${saleId}:${input.accountId}:${input.amount}`;
    const claimId = this.unanswered.get(key) ?? this.deps.ids.newId();
    const ask = () => this.deps.client.claimStoredValue({ claimId, accountId: input.accountId, saleId, amount: input.amount, expectedVersion: input.expectedVersion });
    let claim = await ask();
    // An answer lost on the way back: the same claim id again (the centre holds it once).
    if (!claim.ok && claim.code === 'timeout') claim = await ask();
    if (!claim.ok) {
      if (claim.code === 'timeout') {
        this.unanswered.set(key, claimId);
        return fail('stored_value_offline', STORED_VALUE_SERVICE_MESSAGES.lost);
      }
      return unreachable(claim) ? fail('stored_value_offline', STORED_VALUE_SERVICE_MESSAGES.offline) : fail('stored_value_refused', claim.message);
    }
    this.unanswered.delete(key);
    const c = claim.value;
    const a = c.account;
    if (c.status === 'UNKNOWN_ACCOUNT' || a === null) return fail('stored_value_unknown', STORED_VALUE_SERVICE_MESSAGES.unknown);
    if (c.status === 'CONFLICT') return fail('stored_value_conflict', STORED_VALUE_SERVICE_MESSAGES.conflict(a.balance));
    if (c.status === 'INSUFFICIENT') return fail('stored_value_over_balance', STORED_VALUE_SERVICE_MESSAGES.insufficient(a.balance));
    const storedValue = { accountId: a.id, maskedNumber: a.maskedNumber, claimId, balanceAfter: a.balance };
    return ok(a.kind === 'GIFT_CARD'
      ? { id: this.deps.ids.newId(), kind: 'giftCard', amount: input.amount, storedValue }
      : { id: this.deps.ids.newId(), kind: 'storeCredit', amount: input.amount, storedValue });
  }

  private view(a: StoredValueAccount, due: number): StoredValueAccountView {
    return {
      accountId: a.id, kind: a.kind === 'GIFT_CARD' ? 'giftCard' : 'storeCredit', maskedNumber: a.maskedNumber, currency: a.currency,
      balance: a.balance, version: a.version, suggested: defaultStoredValueAmount(due, a.balance),
    };
  }
}
