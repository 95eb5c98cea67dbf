import { en } from './en.ts';
import { ko, type MessageKey, type Messages } from './ko.ts';

export type Lang = 'ko' | 'en';
export const langs: readonly Lang[] = ['ko', 'en'];

export const tables: Readonly<Record<Lang, Messages>> = { ko, en };

/** The BCP 47 locale Intl formats with. */
export const localeOf = (lang: Lang): string => (lang === 'ko' ? 'ko-KR' : 'en-US');

export type Params = Readonly<Record<string, string | number>>;

/** Looks a key up and fills `{name}` placeholders; an unknown placeholder stays visible. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return tables[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ko, key);
}
