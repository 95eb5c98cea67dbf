import type { MessageKey } from '../i18n/ko.ts';

/** How old the oldest unsynced sale is, in the largest whole unit people read at a glance (45초, 12분, 3시간, 2일). */
export function queuedAge(oldestQueuedAt: string, now: number): { key: MessageKey; n: number } {
  const s = Math.max(0, Math.floor((now - Date.parse(oldestQueuedAt)) / 1000));
  if (s < 60) return { key: 'age.seconds', n: s };
  if (s < 3600) return { key: 'age.minutes', n: Math.floor(s / 60) };
  if (s < 86_400) return { key: 'age.hours', n: Math.floor(s / 3600) };
  return { key: 'age.days', n: Math.floor(s / 86_400) };
}
