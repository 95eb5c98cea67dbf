import { describe, expect, it } from 'vitest';
import { queuedAge } from './queued-age.ts';

describe('the age of the oldest unsynced sale', () => {
  const at = '2026-12-04T01:00:00.000Z';
  const later = (seconds: number) => Date.parse(at) + seconds * 1000;

  it('reads in the largest whole unit', () => {
    expect(queuedAge(at, later(45))).toEqual({ key: 'age.seconds', n: 45 });
    expect(queuedAge(at, later(60))).toEqual({ key: 'age.minutes', n: 1 });
    expect(queuedAge(at, later(3599))).toEqual({ key: 'age.minutes', n: 59 });
    expect(queuedAge(at, later(3 * 3600 + 5))).toEqual({ key: 'age.hours', n: 3 });
    expect(queuedAge(at, later(8 * 86_400))).toEqual({ key: 'age.days', n: 8 });
  });

  it('never goes negative when the till clock is behind the queued instant', () => {
    expect(queuedAge(at, later(-30))).toEqual({ key: 'age.seconds', n: 0 });
  });
});
