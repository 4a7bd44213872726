// Expected failures are values; bugs are exceptions (docs/decisions/004).
export type Result<T, E extends { code: string }> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E extends { code: string }>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
