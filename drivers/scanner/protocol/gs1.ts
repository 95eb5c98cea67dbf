/**
 * GS1 element strings (GS1-128, GS1 DataBar Expanded, GS1 QR): application identifiers and their
 * values. Variable-length fields end with FNC1, which scanners send as GS (0x1D).
 * Only the AIs a till needs are named; others are kept raw so nothing is silently lost.
 */
export interface Gs1Data {
  /** AI 01, 14 digits. */
  readonly gtin?: string;
  /** AI 310n: net weight in grams (from kilograms with n decimals). */
  readonly weightGrams?: number;
  /** AI 392n: price to pay, in minor units when n equals the currency exponent (KRW: n = 0). */
  readonly price?: { readonly value: number; readonly decimals: number };
  /** AI 17: expiry, YYYY-MM-DD (day 00 = the end of the month, as GS1 says). */
  readonly expiry?: string;
  /** AI 10. */
  readonly batch?: string;
  /** AI 21. */
  readonly serial?: string;
  readonly raw: Readonly<Record<string, string>>;
}

const GS = '\x1d';
/** Fixed-length AIs (length of the value), after the GS1 General Specifications' table of predefined lengths. */
const FIXED: Record<string, number> = { '00': 18, '01': 14, '02': 14, '11': 6, '12': 6, '13': 6, '15': 6, '16': 6, '17': 6, '20': 2 };
const VARIABLE_MAX: Record<string, number> = { '10': 20, '21': 20, '22': 20, '240': 30, '241': 30, '30': 8, '37': 8 };

export type Gs1Result = { ok: true; value: Gs1Data } | { ok: false; message: string };

function aiAt(data: string, i: number): { ai: string; length: number | null } | null {
  const two = data.slice(i, i + 2);
  if (two in FIXED) return { ai: two, length: FIXED[two] ?? null };
  const four = data.slice(i, i + 4);
  // 31nn-36nn: measures (weight, length, ...) with n decimals, 6 digits; 390n-393n: amounts, variable.
  if (/^3[1-6]\d\d$/.test(four)) return { ai: four, length: 6 };
  if (/^39[0-3]\d$/.test(four)) return { ai: four, length: null };
  const three = data.slice(i, i + 3);
  if (three in VARIABLE_MAX) return { ai: three, length: null };
  if (two in VARIABLE_MAX) return { ai: two, length: null };
  return null;
}

/** Parses a GS1 element string (without the symbology identifier). */
export function parseGs1(input: string): Gs1Result {
  const data = input.startsWith(GS) ? input.slice(1) : input;
  const raw: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const found = aiAt(data, i);
    if (!found) return { ok: false, message: `unknown GS1 application identifier at ${data.slice(i, i + 4)}` };
    i += found.ai.length;
    let value: string;
    if (found.length !== null) {
      value = data.slice(i, i + found.length);
      if (value.length !== found.length) return { ok: false, message: `AI (${found.ai}) is cut short` };
      i += found.length;
      if (data[i] === GS) i += 1;
    } else {
      const end = data.indexOf(GS, i);
      value = end === -1 ? data.slice(i) : data.slice(i, end);
      i = end === -1 ? data.length : end + 1;
    }
    raw[found.ai] = value;
  }
  return { ok: true, value: interpret(raw) };
}

function interpret(raw: Record<string, string>): Gs1Data {
  let out: { -readonly [K in keyof Gs1Data]: Gs1Data[K] } = { raw };
  for (const [ai, value] of Object.entries(raw)) {
    if (ai === '01') out = { ...out, gtin: value };
    else if (ai === '10') out = { ...out, batch: value };
    else if (ai === '21') out = { ...out, serial: value };
    else if (ai === '17') {
      const [yy, mm, dd] = [value.slice(0, 2), value.slice(2, 4), value.slice(4, 6)];
      // GS1: a two-digit year is taken within -49..+50 years of now; a till in this century reads 20YY.
      out = { ...out, expiry: `20${yy}-${mm}-${dd}` };
    } else if (/^310\d$/.test(ai)) {
      const decimals = Number(ai[3]);
      out = { ...out, weightGrams: Math.round((Number(value) / 10 ** decimals) * 1000) };
    } else if (/^392\d$/.test(ai)) {
      out = { ...out, price: { value: Number(value), decimals: Number(ai[3]) } };
    }
  }
  return out;
}
