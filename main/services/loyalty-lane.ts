import type { CompletedSale, OpenSale } from '../core/sale.ts';
import type { Promotion } from '../core/pricing/promotion.ts';

/** What the lane asks of loyalty while ringing a member's sale (main/services/member-service.ts answers). */
export interface LaneLoyalty {
  /** The member's personal coupons as promotions, priced by the engine with the rest. */
  offers(sale: OpenSale, at: string): readonly Promotion[];
  /** Just before commit: the sale with what the member earned and spent written into it. */
  beforeCommit(sale: OpenSale): OpenSale;
  /** After commit: the member's points and coupons on the till move at once (the centre's ledger follows). */
  afterCommit(sale: CompletedSale): void;
  /** Before the first tender: claims the sale's single-use coupons; answers those another sale already took. */
  beforeFirstTender?(sale: OpenSale): Promise<readonly string[]>;
  /** The sale was cancelled unpaid: coupons it claimed go back to the member. */
  cancelled?(sale: OpenSale): void;
}
