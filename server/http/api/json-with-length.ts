import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../types.ts';

type HeaderRecord = Record<string, string | string[]>;

/**
 * Makes `c.json(...)` answers carry their Content-Length.
 *
 * Why: gzip (`compress()` in app.ts) leaves bodies under 1 KB alone only when it knows their
 * length, and Hono's JSON answers carry none, so every small answer went through gzip's web streams
 * (about 0.8 ms each for a few hundred bytes, docs/PERFORMANCE.md). Adding the length afterwards
 * meant reading the body back out of the finished Response, which on the Node adapter builds a
 * full web Response and a stream per answer. Here the length is counted once, from the text
 * that is about to be sent, and the answer stays the adapter's lightweight string response.
 */
export function jsonWithLength(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const original = c.json;
    const json = (object: unknown, arg?: ContentfulStatusCode | ResponseInit, headers?: HeaderRecord) => {
      // A ResponseInit (no route here passes one) keeps Hono's own answer.
      if (typeof arg === 'object') return original(object as never, arg as never, headers);
      const text = JSON.stringify(object);
      return c.body(text, arg, {
        ...headers,
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(text)),
      });
    };
    // Hono defines `json` per context as a plain property; this context answers with the one above.
    (c as unknown as { json: typeof json }).json = json;
    await next();
  };
}
