import { describe, expect, it } from 'vitest';
import type { CompletedSaleView, SaleView } from '../api/contract.ts';
import { completedRows, displayName, idleRows, saleRows } from './pole-display-text.ts';

const ko = { codePage: 'ksc5601' as const, currency: 'KRW', locale: 'ko-KR' };
const en = { codePage: 'ascii' as const, currency: 'KRW', locale: 'ko-KR' };

const line = (lineId: string, ko: string, en: string | undefined, amount: number, quantity = 1, voided = false) => ({
  lineId, barcode: '8801234567893', name: (en === undefined ? { ko } : { ko, en }) as Record<string, string>, unitPrice: amount / quantity, quantity, amount, taxFree: false, voided, discount: 0, ageCheck: 'none' as const, originalPrice: null,
});
const sale = (lines: ReturnType<typeof line>[], total: number): SaleView => ({
  id: 'sale-1', currency: 'KRW', lines,
  totals: { total, itemCount: lines.length, taxableSupply: 0, tax: 0, taxFree: 0, discount: 0 },
  savings: [], ageCheckPending: false, payment: { paid: 0, due: total, change: 0 }, tenders: [],
});

describe('pole display rows', () => {
  it('shows the line just rung with its amount, and the total', () => {
    const one = sale([line('l1', '신라면', 'Shin Ramyun', 4500)], 4500);
    expect(saleRows(one, null, ko)).toEqual(['신라면         4,500', '합계           4,500']);
    const two = sale([line('l1', '신라면', 'Shin Ramyun', 4500), line('l2', '생수 500ml', 'Water 500ml', 900)], 5400);
    expect(saleRows(two, one, ko)[0]).toBe('생수 500ml       900');
  });

  it('shows a quantity change on an earlier line, and a voided line as void', () => {
    const one = sale([line('l1', '신라면', 'Shin Ramyun', 4500), line('l2', '생수', 'Water', 900)], 5400);
    const more = sale([line('l1', '신라면', 'Shin Ramyun', 9000, 2), line('l2', '생수', 'Water', 900)], 9900);
    expect(saleRows(more, one, en)).toEqual(['Shin Ramyun x2 9,000', 'TOTAL          9,900']);
    const voided = sale([line('l1', '신라면', 'Shin Ramyun', 9000, 2), line('l2', '생수', 'Water', 900, 1, true)], 9000);
    expect(saleRows(voided, more, ko)[0]).toBe('취소 생수       -900');
  });

  it('on a display without Korean, uses the English name, else the romanized one', () => {
    expect(displayName({ ko: '신라면', en: 'Shin Ramyun' }, 'ascii')).toBe('Shin Ramyun');
    expect(displayName({ ko: '소주' }, 'ascii')).toBe('soju');
    expect(displayName({ ko: '소주', en: 'Soju' }, 'ksc5601')).toBe('소주');
  });

  it('thanks the customer with the change, or the total when there is none', () => {
    const done = (change: number): CompletedSaleView => ({ saleId: 's', receiptNumber: '0001-01-000001', total: 5400, change, tenders: [], receipt: { printed: true } });
    expect(completedRows(done(4600), ko)).toEqual(['     감사합니다     ', '거스름돈       4,600']);
    expect(completedRows(done(0), en)).toEqual(['     THANK YOU      ', 'TOTAL          5,400']);
    expect(idleRows(en)[0].trim()).toBe('WELCOME');
  });
});
