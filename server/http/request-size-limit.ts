import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './types.ts';

/**
 * Refuses request bodies over `maxBytes` with `onTooLarge`. A request that declares its length (as
 * every JSON client does) is judged by its Content-Length header alone; only a body sent without
 * one (chunked) goes through Hono's `bodyLimit`, which reads it and counts.
 *
 * Why not `bodyLimit` for all: it asks the request for its body stream before looking at the
 * header, and on the Node adapter that builds a full web `Request`, an `AbortController` and two
 * web streams for every POST — about a tenth of a booking's CPU (docs/PERFORMANCE.md) — where the
 * adapter would otherwise read the body straight from Node's socket when the handler asks for it.
 * Node's parser takes exactly Content-Length bytes as the body (it refuses a malformed or doubled
 * header itself), so the header bounds what a handler can read.
 */
export function requestSizeLimit(
  maxBytes: number,
  onTooLarge: Parameters<typeof bodyLimit>[0]['onError'],
): MiddlewareHandler<AppEnv> {
  const counting = bodyLimit({ maxSize: maxBytes, ...(onTooLarge ? { onError: onTooLarge } : {}) });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      const length = Number(declared);
      if (Number.isSafeInteger(length) && length >= 0) {
        if (length > maxBytes) return onTooLarge ? onTooLarge(c) : counting(c, next);
        return next();
      }
    }
    return counting(c, next);
  };
}
