import { describe, expect, it } from 'vitest';
import { parseGs1 } from './gs1.ts';

const GS = '\x1d';

describe('GS1 element strings', () => {
  it('reads a GTIN with a net weight in kilograms (AI 3103) and an expiry', () => {
    const r = parseGs1('0108801234567893' + '3103001250' + '17261130');
    expect(r).toEqual({ ok: true, value: { raw: { '01': '08801234567893', '3103': '001250', '17': '261130' }, gtin: '08801234567893', weightGrams: 1250, expiry: '2026-11-30' } });
  });

  it('reads a variable-length batch ended by FNC1 (GS), then a price to pay (AI 3920)', () => {
    const r = parseGs1(`0108801234567893` + `10LOT42${GS}` + `39200012900`);
    expect(r.ok && r.value).toMatchObject({ batch: 'LOT42', price: { value: 12900, decimals: 0 } });
  });

  it('takes a price as the last field without a trailing GS', () => {
    const r = parseGs1('01088012345678933922001290');
    expect(r.ok && r.value.price).toEqual({ value: 1290, decimals: 2 });
  });

  it('refuses an unknown identifier and a cut-short fixed field, saying where', () => {
    expect(parseGs1('99123')).toEqual({ ok: false, message: 'unknown GS1 application identifier at 9912' });
    expect(parseGs1('01088012')).toEqual({ ok: false, message: 'AI (01) is cut short' });
  });
});
