import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestSizeLimit } from './request-size-limit.ts';
import type { AppEnv } from './types.ts';

function appWithLimit(maxBytes: number) {
  const app = new Hono<AppEnv>();
  let handled = 0;
  app.use(
    '*',
    requestSizeLimit(maxBytes, (c) => c.json({ error: 'too large' }, 413)),
  );
  app.all('*', async (c) => {
    handled += 1;
    const text = c.req.method === 'GET' ? '' : await c.req.text();
    return c.json({ length: text.length });
  });
  return { app, handled: () => handled };
}

/** A body stream that fails the test if anyone reads it. */
function unreadableBody() {
  return new ReadableStream({
    pull() {
      throw new Error('the body was read');
    },
  });
}

describe('requestSizeLimit', () => {
  it('refuses a declared length over the limit without reading the body or calling the handler', async () => {
    const { app, handled } = appWithLimit(10);
    const res = await app.request('/', {
      method: 'POST',
      headers: { 'content-length': '11' },
      body: unreadableBody(),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(handled()).toBe(0);
  });

  it('lets a declared length up to the limit through to the handler, which reads the body', async () => {
    const { app } = appWithLimit(10);
    const res = await app.request('/', {
      method: 'POST',
      headers: { 'content-length': '10' },
      body: '0123456789',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ length: 10 });
  });

  it('counts a body sent without a length, and refuses it once it passes the limit', async () => {
    const { app, handled } = appWithLimit(10);
    const chunks = ['01234', '56789', 'x'];
    const body = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const res = await app.request('/', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(handled()).toBe(0);

    const small = await app.request('/', { method: 'POST', body: '0123456789' });
    expect(small.status).toBe(200);
    expect(await small.json()).toEqual({ length: 10 });
  });

  it('leaves GET alone', async () => {
    const { app } = appWithLimit(10);
    expect((await app.request('/')).status).toBe(200);
  });
});
