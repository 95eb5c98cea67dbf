/** Expected outcomes are values; broken invariants throw (DESIGN.md section 9). */
export type Result<T, C extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: C; readonly message: string };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <C extends string>(code: C, message: string): Result<never, C> => ({ ok: false, code, message });
