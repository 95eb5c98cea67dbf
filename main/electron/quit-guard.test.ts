import { describe, expect, it } from 'vitest';
import { QuitGuard, quitDecision } from './quit-guard.ts';

describe('closing the till app', () => {
  it('quits when nothing is queued, or when the host does not answer; asks a supervisor while sales are unsynced', () => {
    expect(quitDecision({ approved: false, queued: 0 })).toBe('quit');
    expect(quitDecision({ approved: false, queued: null })).toBe('quit');
    expect(quitDecision({ approved: false, queued: 3 })).toBe('ask-supervisor');
    expect(quitDecision({ approved: true, queued: 3 })).toBe('quit');
  });

  it('holds the close, asks once however often the cashier clicks, and quits only once a supervisor approved', async () => {
    const asked: number[] = [];
    let quits = 0;
    const guard = new QuitGuard({ queued: async () => 2, askSupervisor: (n) => asked.push(n), quit: () => quits++ });
    expect(guard.requested()).toBe(false);
    expect(guard.requested()).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toEqual([2]);
    expect(quits).toBe(0);
    guard.approve();
    expect(quits).toBe(1);
    // The quit that follows is let through.
    expect(guard.requested()).toBe(true);
  });

  it('quits by itself when the host says nothing is queued, or fails to answer', async () => {
    for (const queued of [async () => 0, async () => Promise.reject(new Error('port closed'))]) {
      let quits = 0;
      const guard = new QuitGuard({ queued, askSupervisor: () => expect.fail('nothing to approve'), quit: () => quits++ });
      expect(guard.requested()).toBe(false);
      await new Promise((resolve) => setImmediate(resolve));
      expect(quits).toBe(1);
      expect(guard.requested()).toBe(true);
    }
  });
});
