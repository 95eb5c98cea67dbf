/**
 * Money and dates through Intl. Amounts arrive as integer minor units; the number of decimals
 * comes from the currency (KRW 0, so ₩1,000; EUR 2).
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format;
}

/** Decimal places of a currency's minor unit, as Intl (CLDR) knows it: KRW 0, USD 2. */
export function currencyExponent(currency: string): number {
  return moneyFormat('en-US', currency).resolvedOptions().maximumFractionDigits ?? 0;
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  // Integer minor units divided once, for display only; no arithmetic happens on the result.
  return moneyFormat(locale, currency).format(minor / 10 ** exponent);
}

/**
 * Reads an amount a person typed in major units ("10,000", "12.50") into minor units.
 * Returns null for anything that is not a plain non-negative amount with at most the currency's decimals.
 */
export function parseMoneyInput(text: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  const cleaned = text.replace(/[\s,₩$€]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match?.[1]) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  const minor = Number(match[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** The major-unit text of an amount for an input field (no symbol, no grouping). */
export function moneyInputText(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** In the store's time zone when known: a till's clock times are the store's, wherever the browser thinks it is. */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = `${locale}|${timeZone ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
    dateFormats.set(key, format);
  }
  return format.format(date);
}
