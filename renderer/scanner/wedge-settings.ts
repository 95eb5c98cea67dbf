import type { WedgeOptions } from './wedge-machine.ts';

/**
 * How the till's configuration describes its keyboard-wedge scanner (till.json `wedge`, sent with
 * till.status): the pause between keys, the prefix it sends first, and what it sends last:
 * Enter (most scanners' default), Tab, nothing (a pause ends the scan) or characters such as "#".
 */
export type WedgeSuffixSetting = 'enter' | 'tab' | 'none' | { readonly chars: string };

export interface WedgeSettings {
  readonly interKeyMs?: number;
  readonly prefix?: string;
  readonly suffix?: WedgeSuffixSetting;
}

export function wedgeOptionsOf(settings: WedgeSettings): Partial<WedgeOptions> {
  const options: { -readonly [K in keyof WedgeOptions]?: WedgeOptions[K] } = {};
  if (settings.interKeyMs !== undefined) options.interKeyMs = settings.interKeyMs;
  if (settings.prefix !== undefined) options.prefix = settings.prefix;
  const suffix = settings.suffix;
  if (suffix === 'tab') options.suffix = ['Tab'];
  else if (suffix === 'none') options.suffix = null;
  else if (typeof suffix === 'object') {
    options.suffix = null;
    options.suffixChars = suffix.chars;
  }
  return options;
}
