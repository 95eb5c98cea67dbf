// Intl formatters are costly to build and cheap to reuse: keep one per (locale, currency).
const exponents = new Map<string, number>();
const formatters = new Map<string, Intl.NumberFormat>();

/** ISO 4217 exponent of a currency, as Intl knows it (KRW 0, EUR 2, ...). */
export function currencyExponent(currency: string): number {
  let e = exponents.get(currency);
  if (e === undefined) {
    e = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, e);
  }
  return e;
}

/** An amount of minor units as digits with grouping, no symbol: 12,500 for KRW 12500. */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: exponent, maximumFractionDigits: exponent });
    formatters.set(key, f);
  }
  return f.format(minor / 10 ** exponent);
}
