import type { Handlers } from '../api/dispatch.ts';
import type { Result } from '../core/result.ts';
import type { ReturnService } from './return-service.ts';

type ReturnMethods = Pick<Handlers, 'return.find' | 'return.commit' | 'return.receiptless' | 'return.reprint'>;

const reply = <T>(r: Result<T>) => (r.ok ? { ok: true as const, value: r.value } : { ok: false as const, error: { code: r.code, message: r.message } });

/** The returns desk's contract methods (spread into the host's handlers). */
export function returnHandlers(returns: ReturnService): ReturnMethods {
  return {
    'return.find': async ({ code }) => reply(await returns.find(code)),
    'return.commit': async (input) => reply(await returns.commit(input)),
    'return.receiptless': async (input) => reply(await returns.receiptless(input)),
    'return.reprint': async ({ returnId }) => reply(await returns.reprint(returnId)),
  };
}
