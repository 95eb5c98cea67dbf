/** ISO 4217 exponent of a currency, as Intl knows it (KRW 0, EUR 2, ...). */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount of minor units as digits with grouping, no symbol: 12,500 for KRW 12500. */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: exponent, maximumFractionDigits: exponent }).format(minor / 10 ** exponent);
}
