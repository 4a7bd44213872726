// Rate-limit counters in Redis, shared by every app process (REDIS_URL; docs/DEPLOY.md). Redis is
// optional: without it each process counts on its own (server/http/rate-limit.ts).
import { Redis } from 'ioredis';
import type { RateLimitStore } from './rate-limit.ts';

// One round trip: count the hit, start the window on the first one, say when it ends.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

export type RedisRateLimitStore = RateLimitStore & {
  /** Resolves once connected; rejects if Redis does not answer within the connect timeout. */
  ready(): Promise<void>;
  close(): Promise<void>;
};

/**
 * A store on the Redis at `url`. A Redis that is down or slow never holds a request up: commands
 * fail at once while it is unreachable, and the limiter then counts in this process only.
 */
export function createRedisRateLimitStore(url: string): RedisRateLimitStore {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
  });
  // Connection trouble shows as failed commands; an 'error' event without a listener would end
  // the process.
  redis.on('error', () => {});
  return {
    async increment(key, windowMs) {
      // The script's reply is the two integers returned above.
      const [count, ttl] = (await redis.eval(INCREMENT, 1, key, String(windowMs))) as [number, number];
      return { count, resetInMs: ttl };
    },
    ready() {
      if (redis.status === 'ready') return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('Redis did not answer')), 2_500);
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    async reset(key) {
      await redis.del(key);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
