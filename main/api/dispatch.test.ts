import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from './dispatch.ts';

const handlers = {
  'session.signIn': async ({ pin }: { pin: string }) => ({ ok: true, value: { id: 's1', name: `pin ${pin.length}`, role: 'cashier' } }),
  'journal.recent': async () => {
    throw new Error('disk on fire at /var/secret');
  },
} as unknown as Handlers;

describe('the host boundary', () => {
  const dispatch = createDispatcher(handlers, () => {});

  it('passes valid input to the handler', async () => {
    await expect(dispatch('session.signIn', { pin: '1234' })).resolves.toEqual({ ok: true, value: { id: 's1', name: 'pin 4', role: 'cashier' } });
  });

  it('refuses input that does not match the schema, with a readable message', async () => {
    const r = await dispatch('session.signIn', { pin: '12ab' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!r.ok && r.error.message).toMatch(/4 to 8 digits/);
  });

  it('refuses unknown keys and unknown methods', async () => {
    await expect(dispatch('session.signIn', { pin: '1234', admin: true })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expect(dispatch('till.selfDestruct', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('never sends a stack or an internal message to the renderer', async () => {
    const r = await dispatch('journal.recent', { limit: 5 });
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'the till could not do that; it has been logged' } });
  });
});
