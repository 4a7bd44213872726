// Idempotency-Key (CONTRACT.md §4): the same key with the same body gives the same answer, never a
// second appointment. A booking reads any stored answer in its snapshot, and stores its own answer
// in the same statement that writes the appointment (write-booking.ts): a concurrent request with
// the same key waits on the key row, then finds the committed answer. Only successes are stored, so
// a client may retry a 409 or 422 with the same key.
import { createHash } from 'node:crypto';
import { and, eq, gte } from 'drizzle-orm';
import type { Database } from '#db/client.server.ts';
import { idempotencyKeys } from '#db/schema/index.ts';
import { AppError } from '../errors.ts';

export type StoredResponse<T> = { statusCode: number; body: T; replayed: boolean };

// Keys are kept a day: long enough for any client retry, short enough to keep the table small.
export const KEY_LIFETIME_MS = 24 * 3600_000;

export function hashRequest(scope: string, body: unknown): string {
  return createHash('sha256').update(scope).update('\n').update(JSON.stringify(body)).digest('hex');
}

/** The oldest a stored key may be and still count, at `now`. */
export function keyNotBefore(now: Date): Date {
  return new Date(now.getTime() - KEY_LIFETIME_MS);
}

/** The answer stored under a key, for a retry with the same body; a different body is a 422. */
export function replayStoredAnswer<T>(
  stored: { requestHash: string; statusCode: number; response: unknown },
  requestHash: string,
): StoredResponse<T> {
  if (stored.requestHash !== requestHash) {
    throw new AppError(
      'business_rule',
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request.',
      { 'Idempotency-Key': 'Use a new key for a different request.' },
    );
  }
  // The body is what this service stored for this key: the answer type of the same request.
  return { statusCode: stored.statusCode, body: stored.response as T, replayed: true };
}

/**
 * After losing the race for a key to a concurrent request: its committed answer. Its statement has
 * finished by now (ours waited on the key row), so no answer means it wrote nothing.
 */
export async function replayAnswerOfRace<T>(
  db: Database,
  request: { userId: string; key: string; requestHash: string; now: Date },
): Promise<StoredResponse<T>> {
  const [stored] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, request.userId),
        eq(idempotencyKeys.key, request.key),
        gte(idempotencyKeys.createdAt, keyNotBefore(request.now)),
      ),
    );
  if (!stored) {
    throw new AppError(
      'conflict',
      'idempotency_key_in_use',
      'A request with this Idempotency-Key was running at the same time. Retry shortly.',
    );
  }
  return replayStoredAnswer(stored, request.requestHash);
}
