import type { Promotion } from '../pricing/promotion.ts';
import { promotionApplies } from '../pricing/promotion.ts';

/**
 * The promotions a shopper at a price checker should hear about for one product: item rules
 * that name it and run now. Member-only ones are listed too, marked, so a non-member learns
 * what joining would give; basket-wide rules are not about this product.
 */
export function promotionsForProduct(productId: string, promotions: readonly Promotion[], at: string): Promotion[] {
  return promotions.filter((p) => 'productIds' in p.rule && p.rule.productIds.includes(productId) && promotionApplies(p, at, true));
}
