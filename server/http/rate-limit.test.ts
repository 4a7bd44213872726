import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter, installSharedRateLimitStore, type RateLimitStore } from './rate-limit.ts';

/** A store in memory that behaves like the Redis one (window from the first hit), for two "processes". */
function memoryStore(nowMs: () => number): RateLimitStore & { keys(): string[] } {
  const counters = new Map<string, { count: number; endsAt: number }>();
  return {
    async increment(key, windowMs) {
      let c = counters.get(key);
      if (!c || nowMs() >= c.endsAt) {
        c = { count: 0, endsAt: nowMs() + windowMs };
        counters.set(key, c);
      }
      c.count += 1;
      return { count: c.count, resetInMs: c.endsAt - nowMs() };
    },
    async reset(key) {
      counters.delete(key);
    },
    keys: () => [...counters.keys()],
  };
}

afterEach(() => installSharedRateLimitStore(null));

describe('rate limiter in one process', () => {
  it('allows the limit, refuses the next with the time left in the window, and starts again after it', () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    expect([1, 2, 3].map((i) => limiter.hit('a', i).allowed)).toEqual([true, true, true]);
    expect(limiter.hit('a', 30_001)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.hit('b', 30_000).allowed).toBe(true);
    expect(limiter.hit('a', 60_001).allowed).toBe(true);
  });

  it('forgets a key on reset', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 });
    limiter.hit('a', 0);
    expect(limiter.hit('a', 1).allowed).toBe(false);
    limiter.reset('a');
    expect(limiter.hit('a', 2).allowed).toBe(true);
  });
});

describe('rate limiter with a shared store (several processes)', () => {
  it("counts the other process's hits once the store has answered", async () => {
    let now = 1_000;
    installSharedRateLimitStore(memoryStore(() => now));
    // Two limiters of one name stand for the same limiter in two app processes.
    const processA = createRateLimiter({ limit: 5, windowMs: 60_000, name: 'sign-in' });
    const processB = createRateLimiter({ limit: 5, windowMs: 60_000, name: 'sign-in' });
    for (let i = 0; i < 3; i += 1) processA.hit('address:1', now);
    await processA.settled();
    expect(processB.hit('address:1', now).allowed).toBe(true); // B's 1st, the store's 4th
    await processB.settled();
    expect(processB.hit('address:1', now).allowed).toBe(true); // the 5th
    await processB.settled();
    now += 10_000;
    expect(processB.hit('address:1', now)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(processA.hit('address:2', now).allowed).toBe(true);
  });

  it('never shares a limiter without a name, and keeps names apart', async () => {
    const store = memoryStore(() => 0);
    installSharedRateLimitStore(store);
    const contact = createRateLimiter({ limit: 1, windowMs: 60_000, name: 'contact-form' });
    const comment = createRateLimiter({ limit: 1, windowMs: 60_000, name: 'comment-form' });
    const unnamed = createRateLimiter({ limit: 1, windowMs: 60_000 });
    contact.hit('address:1', 0);
    comment.hit('address:1', 0);
    unnamed.hit('address:1', 0);
    await Promise.all([contact.settled(), comment.settled(), unnamed.settled()]);
    expect(store.keys().sort()).toEqual([
      'ratelimit:comment-form:60000:address:1',
      'ratelimit:contact-form:60000:address:1',
    ]);
  });

  it('resets the shared count too', async () => {
    installSharedRateLimitStore(memoryStore(() => 0));
    const a = createRateLimiter({ limit: 1, windowMs: 60_000, name: 'account' });
    const b = createRateLimiter({ limit: 1, windowMs: 60_000, name: 'account' });
    a.hit('k', 0);
    await a.settled();
    b.reset('k');
    await b.settled();
    expect(b.hit('k', 0).allowed).toBe(true);
  });

  it('goes on counting in this process when the store fails', async () => {
    installSharedRateLimitStore({
      increment: () => Promise.reject(new Error('down')),
      reset: () => Promise.reject(new Error('down')),
    });
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, name: 'api' });
    expect([limiter.hit('k', 0).allowed, limiter.hit('k', 0).allowed]).toEqual([true, true]);
    await limiter.settled();
    expect(limiter.hit('k', 0).allowed).toBe(false);
    limiter.reset('k');
    await limiter.settled();
    expect(limiter.hit('k', 0).allowed).toBe(true);
  });
});
