import { z } from 'zod';
import type Database from 'better-sqlite3';
import type { Handlers } from '../api/dispatch.ts';
import type { Clock, Ids } from '../core/ports.ts';
import type { Result } from '../core/result.ts';
import { DEFAULT_INSTALMENT_MINIMUM, checkInstalment, instalmentChoices } from '../core/tenders/instalment.ts';
import { createCentralCall } from '../../sync/central-client.ts';
import { createTenderClient, type TenderClient } from '../../sync/tender-client.ts';
import { SqliteMobilePaymentAttempts } from '../store/mobile-payment-repository.ts';
import type { Lane } from './lane.ts';
import { StoredValueService } from './stored-value-service.ts';
import { MobilePayService } from './mobile-pay-service.ts';

type TenderMethods = Pick<Handlers, 'sale.payCard' | 'tender.cardOptions' | 'giftCard.lookup' | 'giftCard.redeem' | 'mobile.pay'>;

const reply = <T>(r: Result<T>) => (r.ok ? { ok: true as const, value: r.value } : { ok: false as const, error: { code: r.code, message: r.message } });

/** card.instalmentMinimum (store config): the amount from which 할부 is offered; a number or {"amount": n}. */
export const INSTALMENT_MINIMUM_KEY = 'card.instalmentMinimum';
const minimumSchema = z.union([z.number().int().min(0), z.object({ amount: z.number().int().min(0) }).transform((m) => m.amount)]);

export interface TenderDeps {
  readonly lane: () => Lane;
  readonly central: { readonly url: string; readonly token: string };
  readonly till: Database.Database;
  /** The store's configuration (config stream). */
  readonly config: { get(key: string): unknown };
  readonly online: () => boolean;
  readonly currency: string;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Tests shorten the wait for a lost answer; the till waits 5 s like its other calls. */
  readonly client?: TenderClient;
}

/** Gift cards and store credit, mobile payments and card instalments: the tender methods of the contract. */
export function tenderHandlers(deps: TenderDeps): TenderMethods {
  const client = deps.client ?? createTenderClient(createCentralCall({ endpoint: deps.central.url, token: deps.central.token, timeoutMs: 5000 }));
  const storedValue = new StoredValueService({ lane: deps.lane, client, online: deps.online, currency: deps.currency, ids: deps.ids });
  const mobile = new MobilePayService({
    lane: deps.lane, client, attempts: new SqliteMobilePaymentAttempts(deps.till), online: deps.online, currency: deps.currency, clock: deps.clock, ids: deps.ids,
  });
  const minimum = (): number => {
    const r = minimumSchema.safeParse(deps.config.get(INSTALMENT_MINIMUM_KEY));
    return r.success ? r.data : DEFAULT_INSTALMENT_MINIMUM;
  };
  const due = (): number => deps.lane().view()?.payment.due ?? 0;
  return {
    'sale.payCard': async ({ instalmentMonths }) => {
      // 할부 is the cardholder's choice at the till: ZVT's authorization has no field for it, so it is recorded with the tender.
      const months = checkInstalment(instalmentMonths ?? 0, due(), minimum());
      if (!months.ok) return reply(months);
      return reply(await deps.lane().payCard(months.value));
    },
    'tender.cardOptions': async () => ({ ok: true, value: { due: due(), minimum: minimum(), choices: instalmentChoices(due(), minimum()) } }),
    'giftCard.lookup': async ({ number }) => reply(await storedValue.lookup(number)),
    'giftCard.redeem': async (input) => reply(await storedValue.redeem(input)),
    'mobile.pay': async ({ barcode }) => reply(await mobile.pay(barcode)),
  };
}
