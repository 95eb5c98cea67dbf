import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiError } from '../../main/api/contract.ts';
import { errorText } from './error-text.ts';
import { formatDateTime, formatMoney } from './format.ts';
import type { MessageKey } from './ko.ts';
import { localeOf, translate, type Lang, type Params } from './translate.ts';

export interface I18n {
  readonly lang: Lang;
  readonly locale: string;
  setLang(lang: Lang): void;
  /** The store's IANA time zone (from the till's status); dates show in it. */
  setTimeZone(timeZone: string): void;
  t(key: MessageKey, params?: Params): string;
  money(minor: number, currency: string): string;
  dateTime(iso: string): string;
  error(error: ApiError, withDetail?: boolean): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ initial = 'ko', children }: { initial?: Lang; children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initial);
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const locale = localeOf(lang);
    return {
      lang,
      locale,
      setLang,
      setTimeZone,
      t: (key, params) => translate(lang, key, params),
      money: (minor, currency) => formatMoney(minor, currency, locale),
      dateTime: (iso) => formatDateTime(iso, locale, timeZone),
      error: (error, withDetail) => errorText(lang, error, withDetail),
    };
  }, [lang, timeZone]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nProvider above it');
  return i18n;
}
