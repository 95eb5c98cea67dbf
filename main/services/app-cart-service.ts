import { appCartCodeOf } from '../core/app-cart.ts';
import type { Ids } from '../core/ports.ts';
import { type Result, fail, ok } from '../core/result.ts';
import type { CentralResult } from '../../sync/central-client.ts';
import type { AppCartClaimAnswer } from '../../sync/app-cart-client.ts';

export type AppCartErrorCode = 'cart_invalid' | 'cart_taken' | 'cart_unknown' | 'central_offline' | 'central_error';

export const APP_CART_MESSAGES = {
  invalid: 'this is not an app cart code (OMNI-CART: and 12 hex digits)',
  taken: 'this app cart was already taken over at a till: nothing was rung again',
  unknown: 'no app cart has this code; ask the customer to refresh the cart in the app',
  offline: (detail: string) => `an app cart is fetched from the central API, which cannot be reached now (${detail}); scan the items instead`,
  failed: (detail: string) => `the central API could not hand over the app cart: ${detail}`,
  noneRung: 'none of the app cart’s items could be rung here; see each item’s message',
} as const;

/** What ringing the cart's items did: how many rang, and those the till could not ring (unknown here, refused). */
export interface AppCartOutcome<V> {
  readonly view: V | null;
  readonly rung: number;
  readonly notRung: readonly { readonly barcode: string; readonly reason: string }[];
}

interface Options<V> {
  readonly claim: (code: string, claimId: string) => Promise<CentralResult<AppCartClaimAnswer>>;
  /** Rings one item as a scan would (the lane's rules: age check, promotions, unknown products). */
  readonly ring: (barcode: string) => Promise<Result<V, string>>;
  readonly ids: Ids;
}

/**
 * A customer's app cart taken over at the till: claimed once at the central API (so a second scan
 * anywhere rings nothing), then each item rung through the lane exactly as if scanned.
 */
export class AppCartService<V> {
  constructor(private readonly options: Options<V>) {}

  async take(scan: string): Promise<Result<AppCartOutcome<V>, AppCartErrorCode>> {
    const code = appCartCodeOf(scan);
    if (!code) return fail('cart_invalid', APP_CART_MESSAGES.invalid);
    const r = await this.options.claim(code, this.options.ids.newId());
    if (!r.ok) {
      const offline = r.code === 'unreachable' || r.code === 'timeout' || r.code === 'http_5xx';
      return offline ? fail('central_offline', APP_CART_MESSAGES.offline(r.message)) : fail('central_error', APP_CART_MESSAGES.failed(r.message));
    }
    if (!r.value.taken) return r.value.refusal === 'CART_TAKEN' ? fail('cart_taken', APP_CART_MESSAGES.taken) : fail('cart_unknown', APP_CART_MESSAGES.unknown);
    let view: V | null = null;
    let rung = 0;
    const notRung: { barcode: string; reason: string }[] = [];
    for (const line of r.value.lines) {
      for (let i = 0; i < line.quantity; i++) {
        const rang = await this.options.ring(line.barcode);
        if (!rang.ok) {
          notRung.push({ barcode: line.barcode, reason: rang.message });
          break;
        }
        view = rang.value;
        rung++;
      }
    }
    return ok({ view, rung, notRung });
  }
}
