import { ClientError, GraphQLClient } from 'graphql-request';
import { z } from 'zod';
import type { Result } from '../main/core/result.ts';
import { operations } from './operations.ts';
import type { CatalogChange, ConfigChange, MutationResult, PriceChange, PromotionData, StaffChange } from './ports.ts';
import type { MutationInput } from './sale-input.ts';

/**
 * How a call to the central API can fail. Every answer is validated: a garbage or
 * schema-invalid answer is `invalid_response`, never applied.
 * `request_rejected`: the server understood and refused (a GraphQL error other than authentication).
 */
export type CentralErrorCode = 'unreachable' | 'timeout' | 'http_5xx' | 'unauthenticated' | 'invalid_response' | 'request_rejected';
export type CentralResult<T> = Result<T, CentralErrorCode>;

export interface Page<T> {
  readonly items: readonly T[];
  readonly cursor: string;
  readonly hasMore: boolean;
  readonly resetRequired: boolean;
  /** Items of the page that were not the contract and were left out (a lenient stream only, see lenientPage). */
  readonly skipped?: readonly SkippedItem[];
}

/** A stream item left out of its page: its id as far as it could be read, and what was wrong with it. */
export interface SkippedItem {
  readonly id: string | null;
  readonly reason: string;
}

export interface PushResponse {
  readonly results: readonly MutationResult[];
  readonly expectedSequence: number;
}

export interface TillInfo {
  readonly id: string;
  readonly number: string;
  readonly store: {
    readonly id: string; readonly code: string; readonly name: string; readonly businessNumber: string; readonly address: string;
    readonly phone: string; readonly timeZone: string; readonly currency: string; readonly locale: string;
  };
}

/** The central API as the till uses it. */
export interface CentralApi {
  catalogChanges(after: string | null, first: number): Promise<CentralResult<Page<CatalogChange>>>;
  staffChanges(after: string | null, first: number): Promise<CentralResult<Page<StaffChange>>>;
  pushMutations(batch: readonly MutationInput[]): Promise<CentralResult<PushResponse>>;
  me(): Promise<CentralResult<TillInfo>>;
  priceChanges(after: string | null, first: number): Promise<CentralResult<Page<PriceChange>>>;
  promotionChanges(after: string | null, first: number): Promise<CentralResult<Page<PromotionData>>>;
  configChanges(after: string | null, first: number): Promise<CentralResult<Page<ConfigChange>>>;
}

export interface CentralClientOptions {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly endpoint: string;
  /** The till's credential. */
  readonly token: string;
  /** Per request, default 10 s. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

export const CENTRAL_ERRORS = {
  invalid: 'the central API answered something that is not the contract',
  unauthenticated: 'the central API does not accept this till credential',
  timeout: (ms: number) => `the central API did not answer within ${ms} ms`,
  unreachable: 'the central API cannot be reached',
  http5xx: (status: number) => `the central API failed (HTTP ${status})`,
} as const;

const status = z.enum(['APPLIED', 'DUPLICATE', 'REJECTED', 'FLAGGED']);
const nullableString = z.string().nullish().transform((v) => v ?? null);

const productChange = z
  .object({
    id: z.string().min(1),
    barcode: z.string().regex(/^\d{1,14}$/),
    nameKo: z.string(),
    nameEn: nullableString,
    price: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    currency: z.string().regex(/^[A-Z]{3}$/),
    taxClass: z.string().min(1),
    category: z.string(),
    deleted: z.boolean(),
  })
  .transform((p): CatalogChange => ({
    id: p.id,
    barcode: p.barcode,
    name: p.nameEn === null ? { ko: p.nameKo } : { ko: p.nameKo, en: p.nameEn },
    price: p.price,
    currency: p.currency,
    taxClass: p.taxClass,
    category: p.category,
    deleted: p.deleted,
  }));

const staffChange = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    role: z.enum(['CASHIER', 'SUPERVISOR', 'MANAGER']),
    pinSalt: z.string().regex(/^[0-9a-f]{32}$/i),
    pinHash: z.string().regex(/^[0-9a-f]{64}$/i),
    deleted: z.boolean(),
  })
  .transform((s): StaffChange => ({ ...s, role: s.role === 'CASHIER' ? 'cashier' : s.role === 'SUPERVISOR' ? 'supervisor' : 'manager' }));

const isoInstant = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), 'an ISO 8601 instant');

const priceChange = z
  .object({
    id: z.string().min(1),
    productId: z.string().min(1),
    barcode: z.string().regex(/^\d{1,14}$/),
    price: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    effectiveAt: isoInstant,
    deleted: z.boolean(),
  })
  // One spelling of the instant, so the till compares them as text (UTC, milliseconds).
  .transform((p): PriceChange => ({ ...p, effectiveAt: new Date(p.effectiveAt).toISOString() }));

const jsonText = z.string().transform((text, ctx): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not JSON' });
    return z.NEVER;
  }
});

const promotionChange = z
  .object({ id: z.string().min(1), document: jsonText.nullish(), startsAt: isoInstant.nullish(), endsAt: isoInstant.nullish(), deleted: z.boolean() })
  .refine((p) => p.deleted || p.document != null, 'a live promotion carries its document')
  .transform((p): PromotionData => ({ id: p.id, document: p.document ?? null, startsAt: p.startsAt ?? null, endsAt: p.endsAt ?? null, deleted: p.deleted }));

const configChange = z
  .object({ key: z.string().min(1), value: jsonText.nullish(), deleted: z.boolean() })
  .refine((c) => c.deleted || c.value !== undefined, 'a live key carries its value')
  .transform((c): ConfigChange => ({ key: c.key, value: c.value ?? null, deleted: c.deleted }));

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), cursor: z.string(), hasMore: z.boolean(), resetRequired: z.boolean() });

/**
 * A page whose items are checked one by one: an item that is not the contract is left out and
 * named in `skipped`, and the rest of the page applies (one bad order must not stop a store's
 * order stream). The page itself (cursor, flags, a list of items) must still be the contract.
 */
export const lenientPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(z.unknown()), cursor: z.string(), hasMore: z.boolean(), resetRequired: z.boolean() }).transform((p) => {
    const items: z.output<T>[] = [];
    const skipped: SkippedItem[] = [];
    for (const raw of p.items) {
      const r = item.safeParse(raw);
      if (r.success) {
        items.push(r.data);
        continue;
      }
      const issue = r.error.issues[0];
      const named = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown; number?: unknown }) : {};
      const id = typeof named.number === 'string' ? named.number : typeof named.id === 'string' ? named.id : null;
      skipped.push({ id, reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
    }
    return { ...p, items, ...(skipped.length > 0 ? { skipped } : {}) };
  });

const catalogReply = z.object({ catalogChanges: page(productChange) });
const staffReply = z.object({ staffChanges: page(staffChange) });
const priceReply = z.object({ priceChanges: page(priceChange) });
const promotionReply = z.object({ promotionChanges: page(promotionChange) });
const configReply = z.object({ configChanges: page(configChange) });
const pushReply = z.object({
  pushMutations: z.object({
    results: z.array(
      z.object({
        id: z.string().min(1),
        sequence: z.number().int().positive(),
        status,
        code: nullableString,
        message: nullableString,
        originalStatus: status.nullish().transform((v) => v ?? null),
      }),
    ),
    expectedSequence: z.number().int().positive(),
  }),
});
const meReply = z.object({
  me: z.object({
    id: z.string(),
    number: z.string(),
    store: z.object({
      id: z.string(), code: z.string(), name: z.string(), businessNumber: z.string(), address: z.string(),
      phone: z.string(), timeZone: z.string(), currency: z.string(), locale: z.string(),
    }),
  }),
});

const fail = (code: CentralErrorCode, message: string): CentralResult<never> => ({ ok: false, code, message });

/** Sorts a thrown error into what the till can act on. */
export function classifyError(error: unknown, timeoutMs: number): { code: CentralErrorCode; message: string } {
  if (error instanceof ClientError) {
    const httpStatus = error.response.status;
    const gqlErrors = error.response.errors ?? [];
    if (httpStatus === 401 || gqlErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) {
      return { code: 'unauthenticated', message: CENTRAL_ERRORS.unauthenticated };
    }
    if (httpStatus >= 500) return { code: 'http_5xx', message: CENTRAL_ERRORS.http5xx(httpStatus) };
    const first = gqlErrors[0];
    if (first) return { code: 'request_rejected', message: first.message };
    return { code: 'invalid_response', message: `${CENTRAL_ERRORS.invalid} (HTTP ${httpStatus})` };
  }
  if (isTimeout(error)) return { code: 'timeout', message: CENTRAL_ERRORS.timeout(timeoutMs) };
  // undici reports a refused, reset or unresolvable connection as a TypeError "fetch failed".
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { code: 'unreachable', message: `${CENTRAL_ERRORS.unreachable}${cause}` };
  }
  return { code: 'invalid_response', message: `${CENTRAL_ERRORS.invalid}: ${error instanceof Error ? error.message : String(error)}` };
}

function isTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  }
  return false;
}

/** One validated GraphQL call to the central API: the answer is parsed by `reply`, every failure sorted. */
export type CentralCall = <S extends z.ZodType>(document: string, variables: Record<string, unknown>, reply: S) => Promise<CentralResult<z.output<S>>>;

/**
 * The till's way of calling the central API, for any feature: the sync streams below, and the
 * online-only calls of other rooms (claims, lookups) in their own small client files, e.g.
 * sync/stock-client.ts, so each feature adds an operation without touching this one.
 */
export function createCentralCall(options: CentralClientOptions): CentralCall {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const client = new GraphQLClient(options.endpoint, {
    headers: { authorization: `Bearer ${options.token}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return async function call<S extends z.ZodType>(document: string, variables: Record<string, unknown>, reply: S): Promise<CentralResult<z.output<S>>> {
    let data: unknown;
    // Every operation is safe to send twice (reads, and pushes the server deduplicates), so a
    // connection found dead on first use (a kept-alive socket the server closed while the till was
    // idle: "other side closed") is retried once at once instead of costing a round and a backoff.
    for (let attempt = 1; ; attempt++) {
      try {
        data = await client.request<unknown>({ document, variables, signal: AbortSignal.timeout(timeoutMs) });
        break;
      } catch (error) {
        const { code, message } = classifyError(error, timeoutMs);
        if (code === 'unreachable' && attempt === 1) continue;
        return fail(code, message);
      }
    }
    const parsed = reply.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail('invalid_response', `${CENTRAL_ERRORS.invalid}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
    }
    return { ok: true, value: parsed.data };
  };
}

export function createCentralClient(options: CentralClientOptions): CentralApi {
  const call = createCentralCall(options);
  return {
    async catalogChanges(after, first) {
      const r = await call(operations.catalogChanges, { after, first }, catalogReply);
      return r.ok ? { ok: true, value: r.value.catalogChanges } : r;
    },
    async staffChanges(after, first) {
      const r = await call(operations.staffChanges, { after, first }, staffReply);
      return r.ok ? { ok: true, value: r.value.staffChanges } : r;
    },
    async pushMutations(batch) {
      const r = await call(operations.pushMutations, { batch }, pushReply);
      return r.ok ? { ok: true, value: r.value.pushMutations } : r;
    },
    async priceChanges(after, first) {
      const r = await call(operations.priceChanges, { after, first }, priceReply);
      return r.ok ? { ok: true, value: r.value.priceChanges } : r;
    },
    async promotionChanges(after, first) {
      const r = await call(operations.promotionChanges, { after, first }, promotionReply);
      return r.ok ? { ok: true, value: r.value.promotionChanges } : r;
    },
    async configChanges(after, first) {
      const r = await call(operations.configChanges, { after, first }, configReply);
      return r.ok ? { ok: true, value: r.value.configChanges } : r;
    },
    async me() {
      const r = await call(operations.me, {}, meReply);
      return r.ok ? { ok: true, value: r.value.me } : r;
    },
  };
}
