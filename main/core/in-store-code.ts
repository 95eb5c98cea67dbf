/**
 * In-store EAN-13 codes printed by the store's scales and labellers: prefix 02 or 20-29, an item
 * number, then the price or the weight instead of a fixed GTIN. The layout is configuration (each
 * retailer sets its scales), this is the reading of it.
 */
export interface InStoreCodeLayout {
  /** Two-digit prefixes this layout applies to, e.g. ['02'] or ['20', '21', ...]. */
  readonly prefixes: readonly string[];
  readonly itemDigits: number;
  readonly valueDigits: number;
  /** price: the value is the amount to pay in minor units; weight: grams. */
  readonly value: 'price' | 'weight';
}

/** A common Korean scale label: 2-digit prefix, 5-digit item, 5-digit price in won, check digit. */
export const DEFAULT_IN_STORE_LAYOUTS: readonly InStoreCodeLayout[] = [
  { prefixes: ['02', '20', '21', '22', '23', '24'], itemDigits: 5, valueDigits: 5, value: 'price' },
  { prefixes: ['25', '26', '27', '28', '29'], itemDigits: 5, valueDigits: 5, value: 'weight' },
];

export interface InStoreCode {
  /** The product's own code in the catalog: the label with its value zeroed (check digit recomputed by the caller). */
  readonly itemBody: string;
  readonly value: 'price' | 'weight';
  readonly amount: number;
}

/** Reads an EAN-13 (already check-digit valid) as an in-store code, or null when it is an ordinary GTIN. */
export function readInStoreCode(ean13: string, layouts: readonly InStoreCodeLayout[]): InStoreCode | null {
  if (!/^\d{13}$/.test(ean13)) return null;
  const layout = layouts.find((l) => l.prefixes.includes(ean13.slice(0, 2)));
  if (!layout || 2 + layout.itemDigits + layout.valueDigits !== 12) return null;
  const item = ean13.slice(2, 2 + layout.itemDigits);
  const value = ean13.slice(2 + layout.itemDigits, 12);
  return { itemBody: ean13.slice(0, 2) + item + '0'.repeat(layout.valueDigits), value: layout.value, amount: Number(value) };
}

/** Price of a weighed item: price per kilogram x grams, half up to the minor unit. */
export function weighedPrice(pricePerKg: number, grams: number): number {
  if (!Number.isSafeInteger(pricePerKg) || !Number.isSafeInteger(grams) || grams < 0) throw new RangeError('price per kg and grams are whole numbers');
  return Math.floor((pricePerKg * grams * 2 + 1000) / 2000);
}
