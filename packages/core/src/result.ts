/** Errors in core are values: a discriminated union with a stable `code`, never an exception. */
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E extends { readonly code: string }> = { readonly ok: false; readonly error: E };
export type Result<T, E extends { readonly code: string }> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E extends { readonly code: string }>(error: E): Err<E> => ({ ok: false, error });
