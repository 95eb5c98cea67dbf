/**
 * Tells a keyboard-wedge scanner from a person typing, by keystroke timing alone.
 * Pure: it takes key events ({code, shiftKey, timeStamp, ...}) and answers, for each, whether to
 * swallow it, which held-back characters to give back to the focused field, and whether a scan
 * just completed. The DOM wiring lives in keyboard-wedge.ts.
 */
import { characterOf, isNeutralKey } from './wedge-keys.ts';

export interface WedgeOptions {
  /** Longest pause between two characters of one scan. */
  readonly interKeyMs: number;
  /** Fewest characters (without prefix) a scan has; shorter fast bursts are typing. */
  readonly minLength: number;
  readonly maxLength: number;
  /** Key codes that end a scan, or null when the scanner sends no suffix (a pause ends it). */
  readonly suffix: readonly string[] | null;
  /** Characters the scanner is programmed to send first ('' for none); stripped from the scan. */
  readonly prefix: string;
  /**
   * Characters the scanner is programmed to send last ('' for none), e.g. "#": a burst ending in
   * them is complete at once and they are stripped. Used with `suffix: null` (no end key).
   */
  readonly suffixChars: string;
  /**
   * In a text field, without a prefix, a burst is a scan only from this many characters: a person
   * typing a short word fast into a search box keeps it (8 is EAN-8, the shortest product code).
   */
  readonly fieldMinLength: number;
  /** A burst still open this long after its last key is given up (or, without a suffix, completed). */
  readonly settleMs: number;
}

export const defaultWedgeOptions: WedgeOptions = {
  interKeyMs: 50,
  minLength: 4,
  maxLength: 256,
  suffix: ['Enter', 'NumpadEnter'],
  prefix: '',
  suffixChars: '',
  fieldMinLength: 8,
  settleMs: 200,
};

export interface WedgeKeyEvent {
  readonly code: string;
  readonly shiftKey: boolean;
  readonly timeStamp: number;
  /** `event.key`, used only when it agrees with the physical key (see characterOf). */
  readonly key?: string;
  /** Focus is in a text field: the first character of a burst must reach it (it may be typing). */
  readonly editable?: boolean;
  /** Ctrl, Alt or Meta held: a shortcut, never part of a scan. */
  readonly modified?: boolean;
  /** Auto-repeat of a held key: a person, never a scanner. */
  readonly repeat?: boolean;
}

export interface WedgeScan {
  readonly code: string;
  /** Characters of the scan that reached the focused field before it was recognised as a scan. */
  readonly leaked: string;
}

export interface WedgeDecision {
  /** preventDefault this key. */
  readonly swallow: boolean;
  /** Typing that was held back: insert it into the focused field before this key takes effect. */
  readonly release: string;
  readonly scan: WedgeScan | null;
  /**
   * Typing that was held back outside any text field (not a scan): the lane's keypad reads it
   * (`3 *`, digits then Enter). Optional: absent means none.
   */
  readonly typed?: string;
}

const pass: WedgeDecision = { swallow: false, release: '', scan: null };

export class WedgeMachine {
  private readonly options: WedgeOptions;
  private buffer = '';
  private leaked = '';
  private lastAt = Number.NEGATIVE_INFINITY;
  private editable = false;

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...defaultWedgeOptions, ...options };
  }

  /** Whether a burst is open (the DOM layer then arms a settle timer). */
  get pending(): boolean {
    return this.buffer.length > 0;
  }

  key(event: WedgeKeyEvent): WedgeDecision {
    if (isNeutralKey(event.code)) return pass;
    let before: WedgeDecision = pass;
    if (this.pending && event.timeStamp - this.lastAt > this.options.interKeyMs) before = this.end();
    return combine(before, this.step(event));
  }

  /** Called by a timer: closes a burst that has been quiet for settleMs. */
  flush(now: number): WedgeDecision {
    if (!this.pending || now - this.lastAt < this.options.settleMs) return pass;
    return this.end();
  }

  private step(event: WedgeKeyEvent): WedgeDecision {
    const { suffix, prefix, maxLength } = this.options;
    if (suffix?.includes(event.code)) {
      if (!this.pending) return pass;
      if (this.complete()) {
        const scan = { code: this.buffer.slice(prefix.length), leaked: this.leaked };
        this.reset();
        return { swallow: true, release: '', scan };
      }
      return this.end();
    }

    const ch = event.modified || event.repeat ? undefined : characterOf(event.code, event.shiftKey, event.key);
    if (ch === undefined) return this.pending ? this.end() : pass;

    if (!this.pending) return this.start(ch, event);

    const prefixBroken = this.buffer.length < prefix.length && ch !== prefix.charAt(this.buffer.length);
    if (prefixBroken || this.buffer.length >= maxLength) return combine(this.end(), this.start(ch, event));

    this.buffer += ch;
    this.lastAt = event.timeStamp;
    const { suffixChars } = this.options;
    if (suffixChars !== '' && this.buffer.endsWith(suffixChars)) {
      const body = this.buffer.slice(0, -suffixChars.length);
      if (this.complete(body)) {
        const scan = { code: body.slice(prefix.length), leaked: this.leaked };
        this.reset();
        return { swallow: true, release: '', scan };
      }
    }
    return { swallow: true, release: '', scan: null };
  }

  private start(ch: string, event: WedgeKeyEvent): WedgeDecision {
    const { prefix } = this.options;
    const editable = event.editable === true;
    if (prefix !== '') {
      if (ch !== prefix.charAt(0)) return pass;
    } else if (!editable && ch === ' ') {
      // Space activates a focused button; a scan never starts with it.
      return pass;
    }
    this.buffer = ch;
    this.lastAt = event.timeStamp;
    this.editable = editable;
    // Without a prefix the first key in a text field cannot be told from typing yet: let it through.
    if (prefix === '' && editable) {
      this.leaked = ch;
      return pass;
    }
    return { swallow: true, release: '', scan: null };
  }

  /** The burst ends without its suffix: a scan only when the scanner sends no suffix. */
  private end(): WedgeDecision {
    const { suffix, prefix } = this.options;
    let decision: WedgeDecision;
    // A scanner programmed with suffix characters always sends them: a pause alone ends nothing.
    if (suffix === null && this.options.suffixChars === '' && this.complete()) {
      decision = { swallow: false, release: '', scan: { code: this.buffer.slice(prefix.length), leaked: this.leaked } };
    } else {
      // Held keys were typing after all: give them back to the field; outside a field, to the keypad.
      decision = this.editable
        ? { swallow: false, release: this.buffer.slice(this.leaked.length), scan: null }
        : { swallow: false, release: '', scan: null, typed: this.buffer };
    }
    this.reset();
    return decision;
  }

  private complete(buffer = this.buffer): boolean {
    const { prefix, minLength, fieldMinLength } = this.options;
    // A prefix proves a scanner; without one, typing in a field must be long to be taken for a scan.
    const least = this.editable && prefix === '' ? Math.max(minLength, fieldMinLength) : minLength;
    return buffer.startsWith(prefix) && buffer.length - prefix.length >= least;
  }

  private reset(): void {
    this.buffer = '';
    this.leaked = '';
    this.editable = false;
  }
}

function combine(first: WedgeDecision, second: WedgeDecision): WedgeDecision {
  if (first === pass) return second;
  const typed = (first.typed ?? '') + (second.typed ?? '');
  return { swallow: second.swallow, release: first.release + second.release, scan: second.scan ?? first.scan, ...(typed !== '' ? { typed } : {}) };
}
