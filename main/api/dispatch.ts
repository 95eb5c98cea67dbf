import { z } from 'zod';
import { type ApiError, type MethodName, type MethodOutput, type Reply, methods } from './contract.ts';

/** What the host implements: one handler per contract method, taking validated input. */
export type Handlers = {
  [M in MethodName]: (input: z.output<(typeof methods)[M]['input']>) => Promise<Reply<MethodOutput<M>>>;
};

export type Dispatch = (method: string, input: unknown) => Promise<Reply<unknown>>;

const isMethod = (m: string): m is MethodName => Object.prototype.hasOwnProperty.call(methods, m);

/**
 * The host boundary: unknown methods and invalid input are refused with a clear message;
 * an exception becomes {code:'internal'} without its stack (the stack goes to the log).
 */
export function createDispatcher(handlers: Handlers, log: (message: string, error: unknown) => void = console.error): Dispatch {
  return async (method, input) => {
    if (!isMethod(method)) return { ok: false, error: { code: 'unknown_method', message: `unknown method ${method}` } };
    const parsed = methods[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: z.prettifyError(parsed.error) } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => Promise<Reply<unknown>>;
      return await handler(parsed.data);
    } catch (error) {
      log(`method ${method} failed`, error);
      const e: ApiError = { code: 'internal', message: 'the till could not do that; it has been logged' };
      return { ok: false, error: e };
    }
  };
}
