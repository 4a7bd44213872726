/**
 * A fixed-window counter per key. Kept in this process, and, when a shared store is in use (Redis,
 * with REDIS_URL: server/http/redis-rate-limit-store.ts), counted across every app process too.
 *
 * `hit` stays synchronous (its callers decide at once). With a shared store each hit is also sent
 * to the store, and the count the store answers, every process's hits in the window, is used from
 * then on: a process sees another's hits one round trip late, so across processes a limit can be
 * passed by the hits made during that round trip (about a millisecond on one network), never by
 * more. Within one process the count is exact, as without a store.
 */
export type RateLimiter = {
  /** Counts one hit for the key; says whether it is allowed and, if not, when to retry. */
  hit(key: string, nowMs: number): { allowed: boolean; retryAfterSeconds: number };
  /** Forgets a key, e.g. an account's failures after a successful sign-in. */
  reset(key: string): void;
  /** Resolves once every hit and reset sent to the shared store has been answered (tests). */
  settled(): Promise<void>;
};

/** Counters shared by several processes. `increment` starts the key's window on its first hit. */
export type RateLimitStore = {
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  reset(key: string): Promise<void>;
};

// The store is found at hit time through the global object, not a module variable: route modules
// under app/ create their limiters in the site bundle's own copy of this module (docs/decisions/002),
// and both copies must use the store server/index.ts installs.
const STORE_SLOT = Symbol.for('backpoint.rateLimitStore');
type StoreHolder = { [STORE_SLOT]?: RateLimitStore | undefined };

/** Installs (or, with null, removes) the store every named limiter shares. */
export function installSharedRateLimitStore(store: RateLimitStore | null): void {
  (globalThis as StoreHolder)[STORE_SLOT] = store ?? undefined;
}

function sharedStore(): RateLimitStore | undefined {
  return (globalThis as StoreHolder)[STORE_SLOT];
}

type Window = {
  startedAt: number;
  count: number;
  /** The latest count the shared store answered for this window, and when its window ends. */
  shared: number;
  sharedResetAt: number;
  /** Hits sent to the store and not answered yet. */
  inFlight: number;
};

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
  /**
   * Names the limiter in the shared store, so that two limiters using the same key (an address)
   * never share a count. A limiter without a name is never shared.
   */
  name?: string;
}): RateLimiter {
  const windows = new Map<string, Window>();
  const maxKeys = options.maxKeys ?? 50_000;
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch(() => {
      // The store did not answer: this process's own count still applies.
    });
    pending.add(settled);
    void settled.finally(() => pending.delete(settled));
  };
  const storeKey = (key: string) => `ratelimit:${options.name}:${options.windowMs}:${key}`;

  return {
    hit(key, nowMs) {
      let w = windows.get(key);
      if (!w || nowMs - w.startedAt >= options.windowMs) {
        if (windows.size >= maxKeys) evictExpired(windows, nowMs, options.windowMs);
        w = { startedAt: nowMs, count: 0, shared: 0, sharedResetAt: 0, inFlight: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      const store = options.name ? sharedStore() : undefined;
      if (store) {
        const counted = w;
        counted.inFlight += 1;
        track(
          store.increment(storeKey(key), options.windowMs).then(
            ({ count, resetInMs }) => {
              counted.inFlight -= 1;
              counted.shared = Math.max(counted.shared, count);
              counted.sharedResetAt = Math.max(counted.sharedResetAt, nowMs + resetInMs);
            },
            (error: unknown) => {
              counted.inFlight -= 1;
              throw error;
            },
          ),
        );
      }
      const sharedCount = w.shared + w.inFlight;
      const effective = Math.max(w.count, sharedCount);
      const allowed = effective <= options.limit;
      if (allowed) return { allowed, retryAfterSeconds: 0 };
      const localEnd = w.startedAt + options.windowMs;
      const end = sharedCount > options.limit ? Math.max(localEnd, w.sharedResetAt) : localEnd;
      return { allowed, retryAfterSeconds: Math.max(1, Math.ceil((end - nowMs) / 1000)) };
    },
    reset(key) {
      windows.delete(key);
      const store = options.name ? sharedStore() : undefined;
      if (store) track(store.reset(storeKey(key)));
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

function evictExpired(windows: Map<string, Window>, nowMs: number, windowMs: number) {
  for (const [key, w] of windows) if (nowMs - w.startedAt >= windowMs) windows.delete(key);
  // Still full of live windows: drop the oldest rather than grow without bound.
  if (windows.size > 0) {
    const first = windows.keys().next();
    if (!first.done) windows.delete(first.value);
  }
}
