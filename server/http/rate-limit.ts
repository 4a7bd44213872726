/**
 * A fixed-window counter per key, kept in this process. Enough for one instance; the scale-out
 * mode (issue 10) swaps in a shared store behind the same interface.
 */
export type RateLimiter = {
  /** Counts one hit for the key; says whether it is allowed and, if not, when to retry. */
  hit(key: string, nowMs: number): { allowed: boolean; retryAfterSeconds: number };
  /** Forgets a key, e.g. an account's failures after a successful sign-in. */
  reset(key: string): void;
};

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  const maxKeys = options.maxKeys ?? 50_000;
  return {
    hit(key, nowMs) {
      let w = windows.get(key);
      if (!w || nowMs - w.startedAt >= options.windowMs) {
        if (windows.size >= maxKeys) evictExpired(windows, nowMs, options.windowMs);
        w = { startedAt: nowMs, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      const allowed = w.count <= options.limit;
      const retryAfterSeconds = allowed
        ? 0
        : Math.max(1, Math.ceil((w.startedAt + options.windowMs - nowMs) / 1000));
      return { allowed, retryAfterSeconds };
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

function evictExpired(windows: Map<string, { startedAt: number }>, nowMs: number, windowMs: number) {
  for (const [key, w] of windows) if (nowMs - w.startedAt >= windowMs) windows.delete(key);
  // Still full of live windows: drop the oldest rather than grow without bound.
  if (windows.size > 0) {
    const first = windows.keys().next();
    if (!first.done) windows.delete(first.value);
  }
}
