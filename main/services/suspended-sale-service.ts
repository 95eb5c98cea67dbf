import { z } from 'zod';
import type { Clock, Ids, TillIdentity } from '../core/ports.ts';
import type { OpenSale } from '../core/sale.ts';
import { type Result, fail, ok } from '../core/result.ts';
import { type ClaimAnswer, type SuspendedList, SUSPEND_MESSAGES, listSuspended, planResume } from '../core/suspended-sale.ts';
import type { SqliteSuspendedSales } from '../store/suspended-sale-repository.ts';
import type { SuspendedSaleClient } from '../../sync/suspended-sale-client.ts';
import type { SaleView } from '../api/contract.ts';
import type { Lane } from './lane.ts';

export type SuspendErrorCode = 'suspended_taken' | 'suspended_offline' | 'suspended_gone' | 'suspended_malformed';

export interface SuspendedSaleDeps {
  readonly suspended: SqliteSuspendedSales;
  readonly client: Pick<SuspendedSaleClient, 'list' | 'claim'>;
  readonly lane: Pick<Lane, 'resumeWith'>;
  readonly identity: Pick<TillIdentity, 'tillId' | 'tillNumber' | 'currency'>;
  /** The sync loop's view: offline, the centre is not asked (the answer would come after a timeout). */
  readonly online: () => boolean;
  readonly clock: Clock;
  readonly ids: Ids;
  /** A resume queued for the centre is pushed now rather than at the next poll. */
  readonly poke: () => void;
}

/**
 * What a till accepts as another till's open sale: the same software wrote it, but it crossed the
 * network, so its shape is checked before it becomes this till's draft. Unknown fields stay (a newer
 * till may know more); no tender may have been taken on a suspended sale.
 */
const line = z.looseObject({
  lineId: z.string().min(1),
  productId: z.string().min(1),
  barcode: z.string(),
  name: z.record(z.string(), z.string()),
  unitPrice: z.number().int().nonnegative(),
  quantity: z.number().int().positive(),
  taxClass: z.string().min(1),
  voided: z.boolean(),
});
const openSaleDocument = z.looseObject({
  id: z.string().min(1),
  staffId: z.string().min(1),
  startedAt: z.string().min(1),
  basket: z.looseObject({ currency: z.string().regex(/^[A-Z]{3}$/), lines: z.array(line) }),
  tenders: z.array(z.unknown()).max(0),
});

/** Suspended sales across the store's tills: listed from here and the centre, resumed by a claim. */
export class SuspendedSaleService {
  constructor(private readonly deps: SuspendedSaleDeps) {}

  async list(): Promise<SuspendedList> {
    const { suspended, client, identity } = this.deps;
    const central = this.deps.online() ? await client.list() : null;
    const listed = listSuspended(suspended.list(), central?.ok ? central.value : null, identity);
    // Resumed at another till: that till rings it now, so it goes from here too.
    for (const saleId of listed.resumedElsewhere) suspended.remove(saleId);
    return listed;
  }

  resume(saleId: string): Promise<Result<SaleView, string>> {
    const { suspended, client, clock, ids } = this.deps;
    return this.deps.lane.resumeWith(async (staffId): Promise<Result<OpenSale, SuspendErrorCode>> => {
      const here = suspended.has(saleId);
      let answer: ClaimAnswer = null;
      if (this.deps.online()) {
        const claimed = await client.claim(saleId, ids.newId());
        answer = claimed.ok ? claimed.value : null;
      }
      const plan = planResume(here, answer);
      const at = clock.now().toISOString();
      if (plan.take === 'local') {
        const outbox = plan.queueResumed ? { mutationId: ids.newId(), mutation: { kind: 'SUSPENDED_SALE_RESUMED' as const, payload: { saleId, staffId, resumedAt: at } } } : undefined;
        const sale = suspended.resume(saleId, at, outbox);
        // Gone between the look and the take (another cashier's resume on this till came first).
        if (!sale) return fail('suspended_gone', SUSPEND_MESSAGES.gone);
        if (outbox) this.deps.poke();
        return ok(sale);
      }
      if (plan.take === 'central') return this.fromCentral(saleId, plan.document);
      if (plan.dropLocal) suspended.remove(saleId);
      if (plan.reason === 'taken') return fail('suspended_taken', SUSPEND_MESSAGES.taken(plan.tillNumber));
      if (plan.reason === 'offline') return fail('suspended_offline', SUSPEND_MESSAGES.offline);
      return fail('suspended_gone', SUSPEND_MESSAGES.gone);
    });
  }

  private fromCentral(saleId: string, document: string): Result<OpenSale, SuspendErrorCode> {
    let json: unknown;
    try {
      json = JSON.parse(document);
    } catch {
      return fail('suspended_malformed', SUSPEND_MESSAGES.malformed);
    }
    const parsed = openSaleDocument.safeParse(json);
    if (!parsed.success || parsed.data.id !== saleId || parsed.data.basket.currency !== this.deps.identity.currency) {
      return fail('suspended_malformed', SUSPEND_MESSAGES.malformed);
    }
    // Checked above for what the lane relies on; the rest is this software's own format.
    return ok(parsed.data as unknown as OpenSale);
  }
}
