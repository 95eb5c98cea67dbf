import type { Product } from '../core/product.ts';
import type { TaxRules } from '../core/tax.ts';
import { type Result, fail } from '../core/result.ts';
import type { ApiErrorCode, ProductHitView, SaleView } from '../api/contract.ts';

export const SEARCH_MESSAGES = {
  productGone: (id: string) => `product ${id} is no longer in the catalog`,
} as const;

export interface ProductSearchDeps {
  readonly catalog: {
    searchByName(query: string, limit: number): Product[];
    findById(id: string): Product | undefined;
  };
  readonly rules: TaxRules;
  /** The lane's scan: a product picked from a search rings through the same queue and rules as a scan. */
  readonly ring: (barcode: string) => Promise<Result<SaleView, ApiErrorCode>>;
}

/**
 * Product search at the lane: find by name, then ring the pick. Ringing goes through the lane's
 * scan of the product's barcode, so a picked product is priced, promoted and age-checked exactly
 * like a scanned one, and search adds no second path into the basket.
 */
export class ProductSearch {
  constructor(private readonly deps: ProductSearchDeps) {}

  search(query: string, limit: number): ProductHitView[] {
    return this.deps.catalog.searchByName(query, limit).map((p) => ({
      productId: p.id,
      barcode: p.barcode,
      name: p.name,
      price: p.price,
      currency: p.currency,
      taxFree: (this.deps.rules.classes[p.taxClass]?.rateBps ?? 1) === 0,
    }));
  }

  addProduct(productId: string): Promise<Result<SaleView, ApiErrorCode>> {
    const product = this.deps.catalog.findById(productId);
    if (!product) return Promise.resolve(fail('product_unknown', SEARCH_MESSAGES.productGone(productId)));
    return this.deps.ring(product.barcode);
  }
}
