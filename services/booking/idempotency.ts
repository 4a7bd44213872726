// Idempotency-Key (CONTRACT.md §4): the same key with the same body gives the same answer, never a
// second appointment. The key row is inserted first in the transaction that does the work, so a
// concurrent request with the same key waits on the row lock, then sees the committed answer.
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '#db/client.server.ts';
import { idempotencyKeys } from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';

export type StoredResponse<T> = { statusCode: number; body: T; replayed: boolean };

// Keys are kept a day: long enough for any client retry, short enough to keep the table small.
const KEY_LIFETIME_MS = 24 * 3600_000;

function hashRequest(scope: string, body: unknown): string {
  return createHash('sha256').update(scope).update('\n').update(JSON.stringify(body)).digest('hex');
}

/**
 * Runs `work` in a transaction once per (user, key). Without a key it just runs it. A retry with the
 * same key and body replays the stored answer; a different body under the same key is a 422.
 * Failures (409, 422) are not stored, so a client may retry them with the same key.
 */
export async function runIdempotently<T>(
  ctx: ServiceContext,
  request: { userId: string; key: string | undefined; scope: string; body: unknown },
  work: (tx: Database) => Promise<{ statusCode: number; body: T }>,
): Promise<StoredResponse<T>> {
  if (request.key === undefined) {
    const result = await ctx.db.transaction((tx) => work(tx));
    return { ...result, replayed: false };
  }
  const key = request.key;
  const requestHash = hashRequest(request.scope, request.body);
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    await tx
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.userId, request.userId),
          eq(idempotencyKeys.key, key),
          lt(idempotencyKeys.createdAt, new Date(now.getTime() - KEY_LIFETIME_MS)),
        ),
      );
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ userId: request.userId, key, requestHash, statusCode: 0, response: {}, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) return null; // someone holds or held this key: read their answer below
    const result = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: result.statusCode, response: result.body as object })
      .where(and(eq(idempotencyKeys.userId, request.userId), eq(idempotencyKeys.key, key)));
    return result;
  });
  if (outcome) return { ...outcome, replayed: false };

  const [stored] = await ctx.db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, request.userId), eq(idempotencyKeys.key, key)));
  if (!stored || stored.statusCode === 0) {
    // The first request with this key failed and rolled back between our insert and this read.
    throw new AppError(
      'conflict',
      'idempotency_key_in_use',
      'A request with this Idempotency-Key is still running. Retry shortly.',
    );
  }
  if (stored.requestHash !== requestHash) {
    throw new AppError(
      'business_rule',
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request.',
      { 'Idempotency-Key': 'Use a new key for a different request.' },
    );
  }
  return { statusCode: stored.statusCode, body: stored.response as T, replayed: true };
}
