import type { ApiError } from '../../main/api/contract.ts';
import { isMessageKey, translate, type Lang } from './translate.ts';

/**
 * A host error for people: the localized text of its code, or, for a code the renderer does not
 * know, a generic text with the host's own message as detail. `withDetail` also appends the host's
 * message to a mapped code (useful for payment declines, where the terminal says why).
 */
export function errorText(lang: Lang, error: ApiError, withDetail = false): string {
  const key = `error.${error.code}`;
  if (isMessageKey(key)) {
    const message = translate(lang, key);
    if (!withDetail || error.message === '') return message;
    return translate(lang, 'errorText.withDetail', { message, detail: error.message });
  }
  const message = translate(lang, 'errorText.unknown', { code: error.code });
  return error.message === '' ? message : translate(lang, 'errorText.withDetail', { message, detail: error.message });
}
