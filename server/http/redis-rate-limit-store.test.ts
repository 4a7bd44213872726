// Against the Redis on this machine (127.0.0.1:6379; .ci/run starts one when none answers). Skipped
// only when no Redis answers at all.
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createRateLimiter, installSharedRateLimitStore } from './rate-limit.ts';
import { createRedisRateLimitStore, type RedisRateLimitStore } from './redis-rate-limit-store.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';

function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: 6379 });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const up = await redisAnswers();
const stores: RedisRateLimitStore[] = [];
afterAll(async () => {
  installSharedRateLimitStore(null);
  await Promise.all(stores.map((s) => s.close()));
});

async function openStore() {
  const store = createRedisRateLimitStore(REDIS_URL);
  stores.push(store);
  await store.ready();
  return store;
}

describe.skipIf(!up)('rate limits shared through Redis', () => {
  it('counts one window across two processes, each with its own connection', async () => {
    const name = `test-${randomBytes(6).toString('hex')}`;
    const [storeA, storeB] = [await openStore(), await openStore()];
    // Each "process" sees the store installed at hit time; switching it stands for two processes.
    const processA = createRateLimiter({ limit: 4, windowMs: 60_000, name });
    const processB = createRateLimiter({ limit: 4, windowMs: 60_000, name });
    installSharedRateLimitStore(storeA);
    for (let i = 0; i < 3; i += 1) expect(processA.hit('address:1', 0).allowed).toBe(true);
    await processA.settled();
    installSharedRateLimitStore(storeB);
    expect(processB.hit('address:1', 0).allowed).toBe(true); // the 4th in Redis
    await processB.settled();
    const refused = processB.hit('address:1', 0);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(50);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another key, and the same key after a reset, start from nothing.
    expect(processB.hit('address:2', 0).allowed).toBe(true);
    processB.reset('address:1');
    await processB.settled();
    installSharedRateLimitStore(storeA);
    processA.reset('address:1');
    expect(processA.hit('address:1', 0).allowed).toBe(true);
    await processA.settled();
  });

  it('starts the window on the first hit and lets Redis expire it', async () => {
    const store = await openStore();
    const key = `ratelimit:test-${randomBytes(6).toString('hex')}`;
    expect(await store.increment(key, 60_000)).toMatchObject({ count: 1 });
    const second = await store.increment(key, 60_000);
    expect(second.count).toBe(2);
    expect(second.resetInMs).toBeGreaterThan(50_000);
    expect(second.resetInMs).toBeLessThanOrEqual(60_000);
    await store.reset(key);
    expect((await store.increment(key, 60_000)).count).toBe(1);
    await store.reset(key);
  });
});

describe('a Redis that does not answer', () => {
  it('fails commands at once, so limits fall back to this process', async () => {
    const store = createRedisRateLimitStore('redis://127.0.0.1:1');
    stores.push(store);
    await expect(store.increment('k', 1000)).rejects.toThrow();
  });
});
