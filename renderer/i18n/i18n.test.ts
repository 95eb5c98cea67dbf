import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { errorText } from './error-text.ts';
import { formatDateTime, formatMoney, moneyInputText, parseMoneyInput } from './format.ts';
import { ko } from './ko.ts';
import { translate } from './translate.ts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('i18n', () => {
  it('has the same keys in English as in Korean', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(ko) as (keyof typeof ko)[]) {
      expect({ key, params: placeholders(en[key]) }).toEqual({ key, params: placeholders(ko[key]) });
    }
  });

  it('fills placeholders', () => {
    expect(translate('ko', 'basket.voidLine', { name: '신라면' })).toBe('취소: 신라면');
    expect(translate('en', 'basket.voidLine', { name: 'Shin Ramyun' })).toBe('Void: Shin Ramyun');
  });

  it('maps host error codes to localized text and shows the host message for unknown codes', () => {
    expect(errorText('ko', { code: 'pin_wrong', message: 'wrong pin' })).toBe('PIN이 올바르지 않습니다.');
    expect(errorText('en', { code: 'payment_declined', message: 'insufficient funds' }, true)).toBe('The card was declined. (insufficient funds)');
    expect(errorText('ko', { code: 'drawer_jammed', message: 'drawer did not open' })).toBe('알 수 없는 오류 (drawer_jammed) (drawer did not open)');
  });
});

describe('money formatting', () => {
  it('shows KRW with the won sign and no decimals, in both languages', () => {
    expect(formatMoney(12500, 'KRW', 'ko-KR')).toBe('₩12,500');
    expect(formatMoney(12500, 'KRW', 'en-US')).toBe('₩12,500');
    expect(formatMoney(-300, 'KRW', 'ko-KR')).toBe('-₩300');
  });

  it('divides minor units by the currency exponent', () => {
    expect(formatMoney(1250, 'USD', 'en-US')).toBe('$12.50');
  });

  it('reads typed amounts into minor units', () => {
    expect(parseMoneyInput('10,000', 'KRW')).toBe(10000);
    expect(parseMoneyInput(' 5000 ', 'KRW')).toBe(5000);
    expect(parseMoneyInput('12.5', 'KRW')).toBeNull();
    expect(parseMoneyInput('12.5', 'USD')).toBe(1250);
    expect(parseMoneyInput('abc', 'KRW')).toBeNull();
    expect(parseMoneyInput('', 'KRW')).toBeNull();
    expect(moneyInputText(1250, 'USD')).toBe('12.50');
    expect(moneyInputText(3000, 'KRW')).toBe('3000');
  });
});

describe('date formatting', () => {
  it("shows an instant in the store's time zone, not the browser's", () => {
    // 15:30 UTC on the 25th is half past midnight on the 26th in Seoul.
    expect(formatDateTime('2026-11-25T15:30:00Z', 'en-GB', 'Asia/Seoul')).toBe('26/11/2026, 00:30');
    expect(formatDateTime('2026-11-25T15:30:00Z', 'en-GB', 'UTC')).toBe('25/11/2026, 15:30');
  });

  it('leaves text that is not an instant as it is', () => {
    expect(formatDateTime('not a date', 'ko-KR', 'Asia/Seoul')).toBe('not a date');
  });
});
